package no.regforms;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.export.ExportFormat;
import no.regforms.export.ExportResult;
import no.regforms.export.MetadataExporter;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.record.RecordValues;
import no.regforms.render.FormRenderer;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;

/**
 * One registry, ready to serve: its record validator, form renderer and metadata exporter in one
 * place. This is the path a host application embeds.
 *
 * <pre>{@code
 * RegistryEngine ect = RegistryEngine.loadModule("ect").warmUp();   // once, at start-up
 *
 * String page = ect.renderPage("course", "nb");                      // GET: the form
 * ValidationResult result = ect.validate(requestBody);               // POST: a record as JSON
 * if (result.hasErrors()) {
 *   respond(400, result.diagnostics().toJson("nb").toString());     // the page shows these by its fields
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: load one per registry at start-up and share it. Loading reports a
 * bad definition by throwing one {@link no.regforms.diagnostic.RegformsException} carrying every
 * issue; use {@link DefinitionLoader} to get the issues as values. Validating never throws on bad
 * data: a body that is not JSON, or not a record, comes back as a {@code record_syntax} issue.
 *
 * <p>Validation needs only the core's required dependencies. Rendering needs Apache Velocity on the
 * classpath, and exporting the exporters' libraries; they are optional dependencies of the core, so
 * a host that only validates does not carry them (see {@code docs/embedding.md}). Without them,
 * {@link #renderPage} and {@link #export} throw an {@link IllegalStateException} naming what to
 * add.
 */
public final class RegistryEngine {

  private final Registry registry;
  private final RecordValidator validator;
  // Built on first use, so that a host that only validates never loads Velocity or the exporters.
  private final AtomicReference<FormRenderer> renderer;

  private RegistryEngine(RecordValidator validator, FormRenderer renderer) {
    this.registry = validator.registry();
    this.validator = validator;
    this.renderer = new AtomicReference<>(renderer);
  }

  /**
   * The engine of the definition module {@code id} on the classpath.
   *
   * @throws no.regforms.diagnostic.RegformsException carrying every issue, if it does not load
   */
  public static RegistryEngine loadModule(String id) {
    return of(DefinitionLoader.create().loadModule(id).registryOrThrow());
  }

  /**
   * The engine of the registry folder {@code folder} (a registry developer's working copy).
   *
   * @throws no.regforms.diagnostic.RegformsException carrying every issue, if it does not load
   */
  public static RegistryEngine load(Path folder) {
    return of(DefinitionLoader.create().load(folder).registryOrThrow());
  }

  /** The engine of a loaded {@code registry}, validating with the system clock's today. */
  public static RegistryEngine of(Registry registry) {
    return of(RecordValidator.of(registry));
  }

  /** The engine around {@code validator} (for a validator with its own clock). */
  public static RegistryEngine of(RecordValidator validator) {
    return new RegistryEngine(Objects.requireNonNull(validator, "validator"), null);
  }

  /**
   * This engine rendering with {@code renderer}, such as one that posts to the host's address:
   * {@code engine.withRenderer(FormRenderer.builder().submitUrl("/records").build())}.
   */
  public RegistryEngine withRenderer(FormRenderer renderer) {
    return new RegistryEngine(validator, Objects.requireNonNull(renderer, "renderer"));
  }

  /** The registry. */
  public Registry registry() {
    return registry;
  }

  /** The record validator. */
  public RecordValidator validator() {
    return validator;
  }

  /**
   * Validates a record given as JSON text, such as an HTTP request body, against the form it names.
   * Text that is not JSON, or not a record, gives one {@code record_syntax} error that speaks of
   * the record (never of a line). Issue paths are {@link no.regforms.diagnostic.Issue#path() record
   * paths}; {@code result.diagnostics().toJson(language)} is the documented answer to send back.
   */
  public ValidationResult validate(String json) {
    Objects.requireNonNull(json, "json");
    RecordLine parsed = RecordParser.parse(json);
    if (parsed.problem().isPresent()) {
      return new ValidationResult(
          Diagnostics.of(List.of(parsed.problem().get())), Map.of(), Map.of());
    }
    return validator.validate(parsed.record().orElseThrow());
  }

  /** Validates {@code record} against the form it names. */
  public ValidationResult validate(Record record) {
    return validator.validate(record);
  }

  /**
   * The complete HTML page of form {@code formId} in {@code language}.
   *
   * @throws IllegalArgumentException if the registry has no such form
   * @throws IllegalStateException if Apache Velocity is not on the classpath
   */
  public String renderPage(String formId, String language) {
    Form form = registry.formOrThrow(formId);
    return renderer().renderPage(registry, form, language);
  }

  /**
   * The registry's metadata in {@code format}.
   *
   * @throws IllegalStateException if a library the exporters need is not on the classpath
   */
  public ExportResult export(ExportFormat format) {
    OptionalFeature.EXPORT.require();
    return MetadataExporter.create().export(registry, format);
  }

  /**
   * Validates an empty record of every form of every version through the same path as {@link
   * #validate(String)}, so that the first real request does not pay for loading and first running
   * that code, nor for building an earlier version's registry (a packaged module builds those on
   * first use); returns this engine. Call it at start-up, before the host takes requests; {@code
   * docs/embedding.md} gives the figures.
   */
  public RegistryEngine warmUp() {
    for (String version : registry.history().names()) {
      Registry view = registry.atVersion(version).orElse(registry);
      for (Form form : view.forms().values()) {
        Record empty =
            new Record(registry.id(), form.id(), version, "", "", "", RecordValues.of(Map.of()), 0);
        validate(JsonLinesRecordWriter.toJson(empty, Map.of()).toString());
      }
    }
    return this;
  }

  private FormRenderer renderer() {
    FormRenderer current = renderer.get();
    if (current != null) {
      return current;
    }
    OptionalFeature.RENDER.require();
    renderer.compareAndSet(null, FormRenderer.create());
    return renderer.get();
  }

  @Override
  public String toString() {
    return "RegistryEngine[" + registry.id() + " " + registry.version() + "]";
  }

  /** A part of the engine that needs an optional dependency of the core. */
  private enum OptionalFeature {
    RENDER(
        "rendering forms",
        List.of(
            new Library(
                "org.apache.velocity.app.VelocityEngine",
                "org.apache.velocity:velocity-engine-core"),
            new Library("org.owasp.encoder.Encode", "org.owasp.encoder:encoder"))),
    EXPORT(
        "exporting metadata",
        List.of(
            new Library(
                "org.apache.velocity.app.VelocityEngine",
                "org.apache.velocity:velocity-engine-core"),
            new Library("org.owasp.encoder.Encode", "org.owasp.encoder:encoder"),
            new Library(
                "com.fasterxml.jackson.dataformat.csv.CsvMapper",
                "com.fasterxml.jackson.dataformat:jackson-dataformat-csv")));

    private final String purpose;
    private final List<Library> libraries;

    OptionalFeature(String purpose, List<Library> libraries) {
      this.purpose = purpose;
      this.libraries = libraries;
    }

    void require() {
      Optional<Library> absent =
          libraries.stream().filter(library -> !library.isPresent()).findFirst();
      if (absent.isPresent()) {
        throw new IllegalStateException(
            purpose
                + " needs "
                + absent.get().artifact()
                + " on the classpath; it is an optional dependency of regforms-core (see docs/embedding.md)");
      }
    }
  }

  /** A library, known by one of its classes and its Maven coordinates. */
  private record Library(String className, String artifact) {
    boolean isPresent() {
      try {
        Class.forName(className, false, RegistryEngine.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        return false;
      }
    }
  }
}
