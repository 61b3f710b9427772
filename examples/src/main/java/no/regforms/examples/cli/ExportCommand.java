package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.export.ExportFormat;
import no.regforms.export.ExportNote;
import no.regforms.export.ExportResult;
import no.regforms.export.MetadataExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms export --registry <id> --format <name> --out <folder>}: writes a registry's
 * metadata in one format and lists what the format could not carry. A format whose receiving system
 * requires a fact the registry does not give (helsedata.no: the organisation number) is refused with
 * located errors and exit code 1; the other formats are still written.
 */
@Command(name = "export", description = "Export a registry's metadata: helsedata (DCAT-AP-NO JSON-LD and variable list),"
    + " codebook (canonical CSV and HTML), jsonschema (one per form), fhir (Questionnaires of patient forms), redcap"
    + " (data dictionary).")
final class ExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--format", required = true, description = "helsedata, codebook, jsonschema, fhir, redcap, or all.")
  String format;

  @Option(names = "--out", required = true, description = "Output folder (created if needed; files of the same name are replaced).")
  Path out;

  @Option(names = "--quiet", description = "Do not list what the format could not carry.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ExportFormat> formats;
    if (format.equalsIgnoreCase("all")) {
      formats = List.of(ExportFormat.values());
    } else {
      Optional<ExportFormat> one = ExportFormat.fromId(format);
      if (one.isEmpty()) {
        err.printf("unknown format '%s'; formats: helsedata, codebook, jsonschema, fhir, redcap, all%n", format);
        err.flush();
        return Main.USAGE;
      }
      formats = List.of(one.get());
    }
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    MetadataExporter exporter = MetadataExporter.create();
    int exit = 0;
    for (ExportFormat each : formats) {
      ExportResult result = exporter.export(loaded.get(), each);
      if (result.isRefused()) {
        result.errors().forEach(error -> err.println(error.toDisplayString()));
        err.printf("%s: not exported, %d errors%n", each.id(), result.errors().size());
        err.flush();
        exit = 1;
        continue;
      }
      List<Path> written;
      try {
        written = result.writeTo(out);
      } catch (IOException e) {
        err.printf("cannot write to %s: %s%n", out, e.getMessage());
        err.flush();
        return 1;
      }
      written.forEach(path -> stdout.println("wrote " + path));
      if (!quiet) {
        for (ExportNote note : result.notes()) {
          stdout.println("note: " + note.toDisplayString());
        }
      }
      stdout.printf("%s: %d files, %d notes%n", each.id(), written.size(), result.notes().size());
    }
    stdout.flush();
    return exit;
  }
}
