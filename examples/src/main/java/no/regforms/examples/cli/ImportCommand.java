package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.Severity;
import no.regforms.importer.CodebookFormat;
import no.regforms.importer.CodebookImporter;
import no.regforms.importer.ImportNote;
import no.regforms.importer.ImportOptions;
import no.regforms.importer.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms import --from oqr|mrs|redcap <file> --out <folder>}: turns a codebook into a
 * registry folder with an import report, then checks the folder as {@code regforms check} would.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turn an OpenQReg Klokeboken (oqr), an MRS Kodebok (mrs) or a REDCap data dictionary (redcap) into a registry folder.",
      "",
      "Writes registry.json, codelists/, forms/ and import-report.md/.json, which list per variable what could not be "
          + "carried over and why; then loads the folder like 'check' and prints any problem."
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "oqr|mrs|redcap",
      description = "The codebook format.")
  String from;

  @Parameters(paramLabel = "<file>", description = "The codebook file (.csv, or .xlsx for mrs).")
  Path file;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<folder>",
      description = "The registry folder to write.")
  Path out;

  @Option(
      names = "--id",
      paramLabel = "<id>",
      description = "Registry id (default: the file name in snake_case).")
  String id;

  @Option(
      names = "--title",
      paramLabel = "<text>",
      description = "Registry title (default: the file name).")
  String title;

  @Option(
      names = "--force",
      description = "Replace the output folder (an earlier import there) if it is not empty.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<CodebookFormat> format = CodebookFormat.fromName(from);
    if (format.isEmpty()) {
      err.println("unknown format '" + from + "'; use oqr, mrs or redcap");
      err.flush();
      return Main.USAGE;
    }
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file");
      err.flush();
      return Main.USAGE;
    }
    ImportOptions options = ImportOptions.defaults();
    if (id != null && !id.matches(ImportOptions.ID_PATTERN)) {
      err.println(
          "--id '"
              + id
              + "' must be snake_case: a lower-case letter, then lower-case letters, digits or _");
      err.flush();
      return Main.USAGE;
    }
    AtomicOutput.check(spec, out, AtomicOutput.Kind.FOLDER, force);
    if (id != null) options = options.withRegistryId(id);
    if (title != null) options = options.withTitle(title);
    ImportResult result = CodebookImporter.create().read(format.get(), file, options);
    if (result.hasErrors()) {
      for (ImportNote note : result.notes()) {
        if (note.severity() == Severity.ERROR)
          err.println(note.where() + ": error: " + note.message());
      }
      err.flush();
      return 1;
    }
    try (AtomicOutput output = AtomicOutput.folder(spec, out, force)) {
      result.writeTo(output.path(), false);
      output.commit();
    }
    long warnings = result.notes().stream().filter(n -> n.severity() == Severity.WARNING).count();
    stdout.printf(
        "%s: %s, %s, %s written to %s%n",
        file.getFileName(),
        Plural.of(result.formCount(), "form"),
        Plural.of(result.variableCount(), "variable"),
        Plural.of(result.codeListCount(), "code list"),
        out);
    stdout.printf(
        "report: %s (%d not carried over, %d carried over in another shape)%n",
        out.resolve(ImportResult.REPORT_MARKDOWN), warnings, result.notes().size() - warnings);
    LoadResult loaded = DefinitionLoader.create().load(out);
    for (Issue issue : loaded.diagnostics().issues()) {
      stdout.println(issue.toDisplayString());
    }
    stdout.println(
        loaded.hasErrors()
            ? "check: " + Plural.of(loaded.diagnostics().errors().size(), "error")
            : "check: ok"
                + (loaded.diagnostics().warnings().isEmpty()
                    ? ""
                    : ", " + Plural.of(loaded.diagnostics().warnings().size(), "warning")));
    stdout.flush();
    // The imported folder is a definition: its errors are definition errors.
    return loaded.hasErrors() ? Main.USAGE : Main.OK;
  }
}
