package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * requires a fact the registry does not give (helsedata.no: the organisation number) is refused
 * with located errors and exit code 1; the other formats are still written.
 */
@Command(
    name = "export",
    description =
        "Export a registry's metadata: helsedata (DCAT-AP-NO JSON-LD and variable list),"
            + " codebook (canonical CSV and HTML), jsonschema (one per form), fhir (Questionnaires of patient forms), redcap"
            + " (data dictionary).")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(
      names = "--format",
      required = true,
      description = "helsedata, codebook, jsonschema, fhir, redcap, or all.")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<dir>",
      description = "Output folder (created if needed).")
  Path out;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  // The command's own --version (a definition version) takes the place of the standard option.
  @Option(
      names = "--version",
      paramLabel = "<version>",
      description =
          "The definition version to write, as the registry's history has it (default: the current one).")
  String version;

  @Option(names = "--force", description = "Replace the output folder if it is not empty.")
  boolean force;

  @Option(names = "--quiet", description = "Do not list what the format could not carry.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ExportFormat> formats;
    if (format.equalsIgnoreCase("all")) {
      formats = List.of(ExportFormat.values());
    } else {
      Optional<ExportFormat> one = ExportFormat.fromId(format);
      if (one.isEmpty()) {
        err.printf(
            "unknown format '%s'; formats: helsedata, codebook, jsonschema, fhir, redcap, all%n",
            format);
        err.flush();
        return Main.USAGE;
      }
      formats = List.of(one.get());
    }
    AtomicOutput.check(spec, out, AtomicOutput.Kind.FOLDER, force);
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    Optional<Registry> atVersion = RegistryOptions.atVersion(loaded.get(), version, err);
    if (atVersion.isEmpty()) return Main.USAGE;
    MetadataExporter exporter = MetadataExporter.create();
    List<String> report = new ArrayList<>();
    int exit = Main.OK;
    try (AtomicOutput output = AtomicOutput.folder(spec, out, force)) {
      for (ExportFormat each : formats) {
        ExportResult result = exporter.export(atVersion.get(), each);
        if (result.isRefused()) {
          result.errors().forEach(error -> err.println(error.toDisplayString()));
          err.printf(
              "%s: not exported, %s%n", each.id(), Plural.of(result.errors().size(), "error"));
          err.flush();
          exit = 1;
          continue;
        }
        List<Path> written = result.writeTo(output.path());
        written.forEach(path -> report.add("wrote " + output.shown(path)));
        if (!quiet) {
          for (ExportNote note : result.notes()) {
            report.add("note: " + note.toDisplayString());
          }
        }
        report.add(
            each.id()
                + ": "
                + Plural.of(written.size(), "file")
                + ", "
                + Plural.of(result.notes().size(), "note"));
      }
      output.commit();
    }
    report.forEach(stdout::println);
    stdout.flush();
    return exit;
  }
}
