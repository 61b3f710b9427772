package no.regforms.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record, made when a definition module is built, that its files passed the definition schemas:
 * the SHA-256 of every file the loader reads, and a fingerprint of the check itself (the schema
 * files, and the compiled code that expands library uses, form defaults and indicator {@code let}s
 * before the expanded files are checked once more). A packaged module whose files and checker still
 * match it is loaded without the schema check (docs/performance.md); anything else is checked in
 * full.
 *
 * <p>Written as {@value #FILE} beside {@code registry.json} by {@link ModuleBuildCheck}; a line
 * {@code checker <hex>}, then one line {@code <hex> <file>} per file.
 */
final class SchemaDigest {

  static final String FILE = "schema-digest.txt";
  private static final String HEADER = "regforms schema digest 1";
  private static final String CHECKER = "checker ";
  private static final String SCHEMA_ROOT = "/no/regforms/definition/schema/";

  /** The classes whose output is checked against the schemas after the files themselves. */
  private static final List<Class<?>> EXPANSION =
      List.of(JsonDocument.class, ItemLibrary.class, FormDefaults.class, IndicatorExpansion.class);

  private static volatile String checkerFingerprint;

  private final String checker;
  private final Map<String, String> files;

  private SchemaDigest(String checker, Map<String, String> files) {
    this.checker = checker;
    this.files = files;
  }

  /** The digest of every file of {@code source} the loader reads, for the running checker. */
  static SchemaDigest of(DefinitionSource source) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String file : loadedFiles(source)) {
      files.put(file, sha256(source.read(file).getBytes(StandardCharsets.UTF_8)));
    }
    return new SchemaDigest(checker(), files);
  }

  /** The digest of the registry folder {@code folder}, if it has one that can be read. */
  static Optional<SchemaDigest> read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith(CHECKER)) {
        return Optional.empty();
      }
      Map<String, String> files = new TreeMap<>();
      for (String line : lines.subList(2, lines.size())) {
        int space = line.indexOf(' ');
        if (space < 0) return Optional.empty();
        files.put(line.substring(space + 1), line.substring(0, space));
      }
      return Optional.of(new SchemaDigest(lines.get(1).substring(CHECKER.length()), files));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** The digest as written to {@value #FILE}. */
  String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append(CHECKER).append(checker).append('\n');
    files.forEach((file, hash) -> out.append(hash).append(' ').append(file).append('\n'));
    return out.toString();
  }

  /**
   * What one load of {@code source} may skip: nothing unless the digest was made by the running
   * checker for exactly the files {@code source} holds.
   */
  SchemaTrust trust(DefinitionSource source) {
    try {
      if (checker.equals(checker()) && files.keySet().equals(loadedFiles(source))) {
        return new SchemaTrust(files);
      }
    } catch (IOException e) {
      // an unreadable folder is reported by the load itself, which then checks in full
    }
    return SchemaTrust.NONE;
  }

  /** The files the loader reads from {@code source}, sorted. */
  private static java.util.SortedSet<String> loadedFiles(DefinitionSource source)
      throws IOException {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (String file :
        List.of(
            DefinitionSource.REGISTRY_FILE,
            DefinitionSource.ORGANISATIONS_FILE,
            SyntheticProfile.FILE)) {
      if (source.has(file)) out.add(file);
    }
    for (String folder : DefinitionSource.FOLDERS) {
      out.addAll(source.files(folder));
    }
    return out;
  }

  /** The fingerprint of the running checker; computed once per JVM. */
  private static String checker() {
    String fingerprint = checkerFingerprint;
    if (fingerprint == null) {
      List<String> resources = new ArrayList<>();
      for (SchemaChecker.FileKind kind : SchemaChecker.FileKind.values()) {
        resources.add(SCHEMA_ROOT + kind.schemaFile);
      }
      resources.add(SCHEMA_ROOT + SchemaChecker.COMMON_FILE);
      for (Class<?> host : EXPANSION) {
        // every nested, local and anonymous class of the host is one of its nest members
        Class<?>[] members = host.getNestMembers();
        Arrays.sort(members, Comparator.comparing(Class::getName));
        for (Class<?> member : members) {
          resources.add("/" + member.getName().replace('.', '/') + ".class");
        }
      }
      MessageDigest digest = sha256();
      for (String resource : resources) {
        digest.update(resource.getBytes(StandardCharsets.UTF_8));
        digest.update(bytesOf(resource));
      }
      fingerprint = HexFormat.of().formatHex(digest.digest());
      checkerFingerprint = fingerprint;
    }
    return fingerprint;
  }

  private static byte[] bytesOf(String resource) {
    try (InputStream in = SchemaDigest.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing from the classpath: " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
