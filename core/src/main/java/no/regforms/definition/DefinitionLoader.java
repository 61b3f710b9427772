package no.regforms.definition;

import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExpressionCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads registry definitions from a folder on disk ({@link #load(Path)}) or from a definition
 * module on the classpath ({@link #loadModule(String)}), through the same path: JSON read with
 * locations, checked against the definition schema, read into the model, checked for meaning, and
 * every expression compiled.
 *
 * <p>Every problem of every file is reported in one {@link LoadResult}; nothing is thrown for a bad
 * definition. Immutable and thread-safe: create one and reuse it.
 *
 * <pre>{@code
 * LoadResult result = DefinitionLoader.create().load(Path.of("my-registry"));
 * if (result.hasErrors()) {
 *   System.err.println(result.diagnostics().toDisplayString());
 * }
 * Registry registry = result.registryOrThrow();
 * }</pre>
 */
public final class DefinitionLoader {

  private static final Logger log = LoggerFactory.getLogger(DefinitionLoader.class);

  private final ExpressionCompiler compiler;
  private final Validator validator;

  /**
   * Made on first use: a packaged module whose schema digest matches never needs it, and then
   * Everit's classes are not even loaded (a lambda, not {@code SchemaChecker::new}, whose link
   * would load the class at construction).
   */
  private final Lazy<SchemaChecker> schemas = new Lazy<>(() -> new SchemaChecker());

  private DefinitionLoader(ExpressionCompiler compiler) {
    this.validator = new BackgroundValidator(); // first: its start overlaps everything below
    this.compiler = compiler;
  }

  /** A loader with the default expression compiler. */
  public static DefinitionLoader create() {
    return new DefinitionLoader(ExpressionCompiler.create());
  }

  /** A loader that compiles expressions with {@code compiler} (for custom limits). */
  public static DefinitionLoader create(ExpressionCompiler compiler) {
    return new DefinitionLoader(Objects.requireNonNull(compiler, "compiler"));
  }

  /**
   * Loads the registry folder {@code folder} (a registry developer's working copy). Every file is
   * checked against the definition schemas.
   */
  public LoadResult load(Path folder) {
    Objects.requireNonNull(folder, "folder");
    return read(new DefinitionSource(folder), SchemaTrust.NONE);
  }

  /**
   * Loads the registry packaged in {@code module}. The schema check is skipped for files that the
   * module's build checked (its {@code schema-digest.txt}, made by {@link ModuleBuildCheck}) when
   * they and the schemas are unchanged; otherwise every file is checked as {@link #load(Path)}
   * does. When every file is unchanged, only the current version of a registry with a history is
   * built now, each earlier one when first asked for ({@link Registry#atVersion}).
   */
  public LoadResult load(RegistryModule module) {
    Objects.requireNonNull(module, "module");
    return inModule(
        module,
        folder -> {
          DefinitionSource source = new DefinitionSource(folder);
          SchemaTrust trust =
              SchemaDigest.read(folder).map(d -> d.trust(source)).orElse(SchemaTrust.NONE);
          return checkId(module, read(source, trust));
        },
        issue -> new LoadResult(Optional.empty(), Diagnostics.of(List.of(issue))));
  }

  private LoadResult read(DefinitionSource source, SchemaTrust trust) {
    long started = System.nanoTime();
    LoadResult result = new RegistryReader(schemas, trust, compiler, validator).read(source);
    log.info(
        "loaded registry folder {} in {} ms ({}); issues: {}",
        source.name(),
        (System.nanoTime() - started) / 1_000_000,
        trust.trustsExpansions()
            ? "schema check done at build, earlier versions left to first use"
            : "schema-checked",
        result.diagnostics().issues().size());
    return result;
  }

  /**
   * Reads the tests of the registry folder {@code folder} ({@code tests/*.json}); a folder without
   * tests has none. Problems of the test files are in {@link RegistryTests#diagnostics()}.
   */
  public RegistryTests loadTests(Path folder) {
    Objects.requireNonNull(folder, "folder");
    return new TestFileReader(schemas.get()).read(new DefinitionSource(folder));
  }

  /**
   * Reads the tests packaged with the definition module {@code id}, as {@link #loadTests(Path)}
   * does.
   */
  public RegistryTests loadModuleTests(String id) {
    Objects.requireNonNull(id, "id");
    Function<Issue, RegistryTests> failure =
        issue -> new RegistryTests(List.of(), Diagnostics.of(List.of(issue)));
    return module(id)
        .map(module -> inModule(module, this::loadTests, failure))
        .orElseGet(() -> failure.apply(loadModule(id).diagnostics().issues().get(0)));
  }

  /**
   * Every text of the registry folder {@code folder} that lacks one of {@code languages}, each a
   * {@code missing_translation} error located at the text. Files that do not load are left to
   * {@link #load(Path)}.
   */
  public Diagnostics missingTranslations(Path folder, List<String> languages) {
    Objects.requireNonNull(folder, "folder");
    return TranslationChecker.check(new DefinitionSource(folder), List.copyOf(languages));
  }

  /** As {@link #missingTranslations(Path, List)}, for the definition module {@code id}. */
  public Diagnostics moduleMissingTranslations(String id, List<String> languages) {
    Objects.requireNonNull(id, "id");
    List<String> wanted = List.copyOf(languages);
    return module(id)
        .map(
            module ->
                inModule(
                    module,
                    folder -> TranslationChecker.check(new DefinitionSource(folder), wanted),
                    issue -> Diagnostics.of(List.of(issue))))
        .orElseGet(() -> loadModule(id).diagnostics());
  }

  /** Applies {@code read} to the folder of {@code module}, on disk or inside its jar. */
  private <T> T inModule(
      RegistryModule module, Function<Path, T> read, Function<Issue, T> failure) {
    String root = module.resourceRoot().replaceAll("^/+|/+$", "");
    URL url = module.classLoader().getResource(root + "/" + DefinitionSource.REGISTRY_FILE);
    if (url == null) {
      return failure.apply(
          Issue.error(
              IssueCode.FILE_MISSING,
              "module '" + module.id() + "' has no " + root + "/registry.json on its classpath",
              SourceLocation.UNKNOWN));
    }
    try {
      URI uri = url.toURI();
      return "jar".equals(uri.getScheme())
          ? inJar(uri, read)
          : read.apply(Path.of(uri).getParent());
    } catch (URISyntaxException
        | IOException
        | FileSystemNotFoundException
        | IllegalArgumentException e) {
      return failure.apply(
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot open module '" + module.id() + "': " + e.getMessage(),
              SourceLocation.UNKNOWN));
    }
  }

  /**
   * A module must hold the registry it names: {@code loadModule("ect")} must not give another
   * registry.
   */
  private static LoadResult checkId(RegistryModule module, LoadResult result) {
    if (result.registry().isEmpty() || result.registry().get().id().equals(module.id())) {
      return result;
    }
    Issue issue =
        Issue.error(
                IssueCode.INVALID_VALUE,
                "module '"
                    + module.id()
                    + "' holds a registry with id '"
                    + result.registry().get().id()
                    + "'",
                SourceLocation.of(DefinitionSource.REGISTRY_FILE, 0, 0, "/id"))
            .withHint("the module's id() and the id in registry.json must be the same");
    return new LoadResult(
        Optional.empty(), result.diagnostics().plus(Diagnostics.of(List.of(issue))));
  }

  /**
   * Applies {@code read} to the registry folder of {@code registryJson}, a {@code
   * jar:file:...!/root/registry.json} URI. Each read opens its own, unregistered view of the jar,
   * so reads running at the same time never share, or close, one another's file system.
   */
  private static <T> T inJar(URI registryJson, Function<Path, T> read) throws IOException {
    String raw = registryJson.getRawSchemeSpecificPart();
    int separator = raw.indexOf("!/");
    if (separator < 0) {
      throw new IOException("not a jar entry: " + registryJson);
    }
    Path jarFile = Path.of(URI.create(raw.substring(0, separator)));
    String decoded = registryJson.getSchemeSpecificPart();
    String entry = decoded.substring(decoded.indexOf("!/") + 1);
    try (FileSystem jar = FileSystems.newFileSystem(jarFile, (ClassLoader) null)) {
      return read.apply(jar.getPath(entry).getParent());
    }
  }

  /**
   * Loads the registry of the definition module {@code id} on the classpath. No file system is
   * consulted: a folder named like the id never stands in for the module (load a folder with {@link
   * #load(Path)}).
   *
   * <p>An id no module has is reported as a {@code file_missing} issue whose hint names the closest
   * known id, or lists the known ones.
   */
  public LoadResult loadModule(String id) {
    Objects.requireNonNull(id, "id");
    Optional<RegistryModule> module = module(id);
    if (module.isPresent()) {
      return load(module.get());
    }
    List<String> known = modules().stream().map(RegistryModule::id).sorted().toList();
    Issue issue =
        Issue.error(
            IssueCode.FILE_MISSING,
            "there is no registry module '" + id + "' on the classpath",
            SourceLocation.of(id, 0, 0, ""));
    issue =
        NameSuggester.hint(id, known)
            .map(issue::withHint)
            .orElse(
                issue.withHint(
                    "known registries: "
                        + (known.isEmpty() ? "none on the classpath" : String.join(", ", known))));
    return new LoadResult(Optional.empty(), Diagnostics.of(List.of(issue)));
  }

  /** The definition modules on the classpath. */
  public static List<RegistryModule> modules() {
    List<RegistryModule> out = new ArrayList<>();
    ServiceLoader.load(RegistryModule.class).forEach(out::add);
    return out;
  }

  /** The definition module with id {@code id}, if one is on the classpath. */
  public static Optional<RegistryModule> module(String id) {
    return modules().stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
