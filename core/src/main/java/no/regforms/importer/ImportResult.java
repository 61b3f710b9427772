package no.regforms.importer;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import no.regforms.diagnostic.Severity;

/**
 * The outcome of importing one codebook: the files of the registry folder and the report of what
 * could not be carried over.
 *
 * <p>Immutable. When {@link #hasErrors()} is true the codebook could not be read at all, there are
 * no files, and {@link #notes()} says why. Otherwise the files form a registry folder that {@link
 * no.regforms.definition.DefinitionLoader} loads, and the notes list, per variable, what the
 * definition format could not hold.
 */
public final class ImportResult {

  /** The file name of the readable report written beside the definition. */
  public static final String REPORT_MARKDOWN = "import-report.md";

  /** The file name of the machine-readable report written beside the definition. */
  public static final String REPORT_JSON = "import-report.json";

  private final CodebookFormat format;
  private final String source;
  private final Map<String, String> files;
  private final List<ImportNote> notes;
  private final List<String> readAs;
  private final int formCount;
  private final int variableCount;
  private final int codeListCount;

  ImportResult(
      CodebookFormat format,
      String source,
      Map<String, ObjectNode> json,
      List<ImportNote> notes,
      List<String> readAs,
      int formCount,
      int variableCount,
      int codeListCount) {
    this.format = format;
    this.source = source;
    Map<String, String> texts = new LinkedHashMap<>();
    json.forEach((path, node) -> texts.put(path, write(node)));
    this.files = Collections.unmodifiableMap(texts);
    this.notes = List.copyOf(notes);
    this.readAs = List.copyOf(readAs);
    this.formCount = formCount;
    this.variableCount = variableCount;
    this.codeListCount = codeListCount;
  }

  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      // A tree of plain nodes always serialises; a failure here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /** The format the codebook was read as. */
  public CodebookFormat format() {
    return format;
  }

  /** The codebook's file name. */
  public String source() {
    return source;
  }

  /** Whether the codebook could not be imported at all. */
  public boolean hasErrors() {
    return notes.stream().anyMatch(n -> n.severity() == Severity.ERROR);
  }

  /**
   * The definition files by path relative to the registry folder ({@code forms/x.json}), in write
   * order.
   */
  public Map<String, String> files() {
    return files;
  }

  /** Every report entry, in codebook order. */
  public List<ImportNote> notes() {
    return notes;
  }

  /** How the file was read: encoding, separator, sheets. */
  public List<String> readAs() {
    return readAs;
  }

  /** The number of forms imported. */
  public int formCount() {
    return formCount;
  }

  /** The number of variables imported, in all forms. */
  public int variableCount() {
    return variableCount;
  }

  /** The number of code lists written (identical lists are shared). */
  public int codeListCount() {
    return codeListCount;
  }

  /**
   * Writes the registry folder: the definition files and the reports {@value #REPORT_MARKDOWN} and
   * {@value #REPORT_JSON}.
   *
   * @param folder the registry folder; created if absent
   * @param replace whether to replace an earlier import there: its {@code registry.json}, {@code
   *     forms/*.json}, {@code codelists/*.json} and reports are deleted first
   * @throws FileAlreadyExistsException if {@code folder} holds files and {@code replace} is false
   * @throws IllegalStateException if {@link #hasErrors()}: there is nothing to write
   * @throws IOException if a file cannot be written
   */
  public void writeTo(Path folder, boolean replace) throws IOException {
    Objects.requireNonNull(folder, "folder");
    if (hasErrors()) {
      throw new IllegalStateException("the codebook could not be imported; see notes()");
    }
    if (Files.isDirectory(folder) && !isEmpty(folder)) {
      if (!replace) {
        throw new FileAlreadyExistsException(folder.toString(), null, "the folder is not empty");
      }
      clear(folder);
    }
    Files.createDirectories(folder);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        folder.resolve(REPORT_MARKDOWN), ImportReport.markdown(this), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(REPORT_JSON), write(reportJson()), StandardCharsets.UTF_8);
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void clear(Path folder) throws IOException {
    for (String name : List.of("registry.json", REPORT_MARKDOWN, REPORT_JSON)) {
      Files.deleteIfExists(folder.resolve(name));
    }
    for (String sub : List.of("forms", "codelists")) {
      Path dir = folder.resolve(sub);
      if (!Files.isDirectory(dir)) continue;
      try (DirectoryStream<Path> json = Files.newDirectoryStream(dir, "*.json")) {
        for (Path file : json) Files.delete(file);
      }
    }
  }

  /** The report as JSON: source, counts and every entry. */
  public JsonNode reportJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("source", source);
    root.put("format", format.cliName());
    ArrayNode read = root.putArray("readAs");
    readAs.forEach(read::add);
    root.put("forms", formCount);
    root.put("variables", variableCount);
    root.put("codeLists", codeListCount);
    ArrayNode array = root.putArray("notes");
    for (ImportNote note : notes) {
      ObjectNode n = array.addObject();
      n.put("severity", note.severity().label());
      n.put("kind", note.kind().code());
      n.put("where", note.where());
      n.put("form", note.form());
      n.put("variable", note.variable());
      n.put("source", note.source());
      n.put("message", note.message());
    }
    return root;
  }
}
