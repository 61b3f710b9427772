package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.validation.RecordValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms validate}: validates a JSON Lines file of records, printing one JSON line per line
 * with issues and a summary line that accounts for every line. Exit 1 if any record has an error or
 * any line cannot be read, 2 on usage or definition errors.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate records (JSON Lines) against a registry; one JSON line per record with issues, then a summary.")
final class ValidateCommand implements Callable<Integer> {

  /** Issues printed per record; a record with more says how many were left out. */
  static final int MAX_ISSUES_SHOWN = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Option(names = "--registry", required = true, paramLabel = "<folder or id>", description = "Registry folder or id.")
  String registry;

  @Option(names = "--form", paramLabel = "<form>",
      description = "Form id; records of other forms are reported as wrong_form. Default: each record's own form.")
  String form;

  @Option(names = "--lang", defaultValue = "nb", paramLabel = "<language>",
      description = "Language of messages: nb or en (default: ${DEFAULT-VALUE}).")
  String language;

  @Mixin
  RecordInput input;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OptionChecks.language(spec, language);
    input.check();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    if (form != null && RegistryOptions.form(loaded.get(), form, err).isEmpty()) return Main.USAGE;
    RecordValidator validator = RecordValidator.of(loaded.get());
    Counts counts = new Counts();
    JsonLinesRecordReader.Counts read;
    Main main = (Main) spec.root().userObject();
    try (JsonLinesRecordReader reader = input.open();
        Progress progress = Progress.start(err, main.invocation(), "validate", "lines", input.size());
        Stream<RecordLine> lines = reader.lines()) {
      lines.forEach(line -> {
        report(line, validator, out, counts, progress);
        progress.update(line.number(), reader.counts().bytesRead());
      });
      read = reader.counts();
    } catch (UncheckedIOException e) {
      err.printf("validate: reading %s failed: %s%n", input.name(), e.getCause().getMessage());
      err.flush();
      return Main.INTERNAL;
    }
    ObjectNode summary = JSON.createObjectNode();
    summary.put("summary", true);
    summary.put("linesRead", read.linesRead());
    summary.put("records", read.records());
    summary.put("unreadableLines", read.unreadableLines());
    summary.put("blankLines", read.blankLines());
    summary.put("valid", read.records() - counts.withErrors);
    summary.put("withErrors", counts.withErrors);
    summary.put("withWarnings", counts.withWarnings);
    out.println(summary);
    out.flush();
    return counts.withErrors > 0 || read.unreadableLines() > 0 ? Main.DATA_ERRORS : Main.OK;
  }

  private static final class Counts {
    long withErrors;
    long withWarnings;
  }

  private void report(RecordLine line, RecordValidator validator, PrintWriter out, Counts counts, Progress progress) {
    if (line.problem().isPresent()) {
      progress.clear();
      out.println(lineJson(line.number(), Diagnostics.of(List.of(line.problem().get()))));
      return;
    }
    Record record = line.record().orElseThrow();
    Diagnostics diagnostics = validator.validate(record, form != null ? form : record.form()).diagnostics();
    if (diagnostics.issues().isEmpty()) return;
    if (diagnostics.hasErrors()) counts.withErrors++;
    if (!diagnostics.warnings().isEmpty()) counts.withWarnings++;
    progress.clear();
    out.println(lineJson(line.number(), diagnostics));
  }

  /** A line's issues, located by line number: the record's id and patient key are identifiers and are never printed. */
  private String lineJson(long number, Diagnostics diagnostics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", number);
    ArrayNode issues = node.putArray("issues");
    List<Issue> all = diagnostics.issues();
    for (Issue issue : all.subList(0, Math.min(all.size(), MAX_ISSUES_SHOWN))) {
      issues.add(issue.toJson(language));
    }
    if (all.size() > MAX_ISSUES_SHOWN) node.put("issuesNotShown", all.size() - MAX_ISSUES_SHOWN);
    return node.toString();
  }
}
