package no.regforms.export;

import java.util.Objects;
import no.regforms.definition.Registry;

/**
 * Exports a compiled registry's metadata to the formats of {@link ExportFormat}.
 *
 * <p>Every format is built from the loaded {@link Registry} (never from its JSON files), so all
 * exports agree with the forms and the validator. Stateless and thread-safe. What a format cannot
 * carry comes back as {@link ExportNote}s in the result; a bad definition never reaches here,
 * because a registry that loads is complete.
 *
 * <pre>{@code
 * Registry registry = DefinitionLoader.create().loadModule("ms").registryOrThrow();
 * ExportResult result = MetadataExporter.create().export(registry, ExportFormat.JSONSCHEMA);
 * result.writeTo(Path.of("out"));
 * result.notes().forEach(note -> System.out.println(note.toDisplayString()));
 * }</pre>
 */
public final class MetadataExporter {

  private MetadataExporter() {}

  /** An exporter. */
  public static MetadataExporter create() {
    return new MetadataExporter();
  }

  /** Exports {@code registry} to {@code format}. */
  public ExportResult export(Registry registry, ExportFormat format) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(format, "format");
    switch (format) {
      case HELSEDATA:
        return new HelsedataExport(registry).export();
      case CODEBOOK:
        return new CodebookExport(registry).export();
      case JSONSCHEMA:
        return new JsonSchemaExport(registry).export();
      case FHIR:
        return new FhirExport(registry).export();
      case REDCAP:
        return new RedcapExport(registry).export();
      default:
        throw new IllegalStateException("unhandled format " + format);
    }
  }
}
