package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.extract.RecordSource;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.validation.LinkIndex;
import no.regforms.validation.LinkResolver;
import no.regforms.validation.RecordValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms validate}: validates a JSON Lines file of records, printing one JSON line per
 * line with issues and a summary line that accounts for every line; or a CSV extract, one JSON line
 * per row with issues, located by file and row (a cell by its column too). Exit 1 if any record has
 * an error or any line or cell cannot be read, 2 on usage or definition errors. When forms link to
 * other records, a first pass over the file indexes the link targets ({@link LinkIndex}), so a
 * follow-up finds its course wherever it stands in the file.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Validate records (JSON Lines or a CSV extract) against a registry; one JSON line per record with issues, "
            + "then a summary.")
final class ValidateCommand implements Callable<Integer> {

  /** Issues printed per record; a record with more says how many were left out. */
  static final int MAX_ISSUES_SHOWN = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "<folder or id>",
      description = "Registry folder or id.")
  String registry;

  @Option(
      names = "--form",
      paramLabel = "<form>",
      description =
          "Form id; records of other forms are reported as wrong_form. Default: each record's own form.")
  String form;

  @Option(
      names = "--lang",
      defaultValue = "nb",
      paramLabel = "<language>",
      description = "Language of messages: nb or en (default: ${DEFAULT-VALUE}).")
  String language;

  @Option(
      names = "--as-version",
      paramLabel = "<version>",
      description =
          "Check every record as this definition version defines it, whatever version it declares "
              + "(old records against the current version: what a migration must fix). Default: each record's own version.")
  String asVersion;

  @Mixin RecordInput input;

  @Option(
      names = "--layout",
      defaultValue = "mrs",
      paramLabel = "mrs|oqr",
      description =
          "Layout of a CSV extract given as the records (a .csv file or a folder of them) (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--mapping",
      paramLabel = "<map.json>",
      description = "Form and column names of a CSV extract (docs/sql.md).")
  Path mapping;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OptionChecks.language(spec, language);
    input.check();
    if (input.isExtract()) {
      if (!List.of("mrs", "oqr").contains(layout))
        throw OptionChecks.usage(spec, "--layout must be mrs or oqr, not '" + layout + "'");
      if (mapping != null && !Files.isReadable(mapping))
        throw OptionChecks.usage(spec, "--mapping: cannot read " + mapping);
    }
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    if (form != null && RegistryOptions.form(loaded.get(), form, err).isEmpty()) return Main.USAGE;
    if (RegistryOptions.atVersion(loaded.get(), asVersion, err).isEmpty()) return Main.USAGE;
    RecordValidator validator =
        asVersion == null
            ? RecordValidator.of(loaded.get())
            : RecordValidator.of(loaded.get()).asVersion(asVersion);
    if (input.isExtract()) return validateExtract(loaded.get(), validator, out, err);
    LinkIndex links = LinkIndex.of(loaded.get());
    if (links.hasLinks()) {
      if (input.isStdin()) {
        err.println(
            "validate: links between records are not resolved from standard input (it cannot be"
                + " read twice); give the records as a file to check link targets");
        links = null;
      } else {
        try (JsonLinesRecordReader reader = input.open();
            Stream<RecordLine> lines = reader.lines()) {
          LinkIndex index = links;
          lines.forEach(line -> line.record().ifPresent(index::add));
        } catch (UncheckedIOException e) {
          return readingFailed(err, e);
        }
      }
    } else {
      links = null;
    }
    LinkResolver resolver = links;
    Counts counts = new Counts();
    JsonLinesRecordReader.Counts read;
    Main main = (Main) spec.root().userObject();
    try (JsonLinesRecordReader reader = input.open();
        Progress progress =
            Progress.start(err, main.invocation(), "validate", "lines", input.size());
        Stream<RecordLine> lines = reader.lines()) {
      lines.forEach(
          line -> {
            report(line, validator, resolver, out, counts, progress);
            progress.update(line.number(), reader.counts().bytesRead());
          });
      read = reader.counts();
    } catch (UncheckedIOException e) {
      return readingFailed(err, e);
    }
    ObjectNode summary = JSON.createObjectNode().put("summary", true);
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

  /**
   * A CSV extract: each record's issues on one line with its file and row, the problems of its
   * cells first (each with its column); problems not of a record's row (a column no variable reads,
   * a file name outside the layout, a repeat group's cells) on lines of their own.
   */
  private int validateExtract(
      Registry registry, RecordValidator validator, PrintWriter out, PrintWriter err) {
    RecordSource source;
    try {
      source = StoreOptions.source(registry, input.file(), layout, mapping);
    } catch (IllegalArgumentException
        | IOException e) { // an unknown layout, a mapping file that cannot be read
      err.println("validate: " + e.getMessage());
      err.flush();
      return Main.USAGE;
    }
    List<Issue> pending = new ArrayList<>();
    Counts counts = new Counts();
    long records = 0;
    long unreadable = 0;
    long[] extractProblems =
        new long[2]; // cell errors, warnings (columns no variable reads, files outside the layout)
    try {
      Iterator<RecordLine> lines =
          source.records(
              problem -> {
                extractProblems[problem.isError() ? 0 : 1]++;
                pending.add(problem);
              });
      printApart(pending, out);
      while (lines.hasNext()) {
        RecordLine line = lines.next();
        String file = source.currentFile();
        List<Issue> ofRow = new ArrayList<>();
        for (Issue problem : pending) {
          if (problem.location() instanceof SourceLocation at
              && at.file().equals(file)
              && at.line() == line.number()) {
            ofRow.add(problem);
          }
        }
        pending.removeAll(ofRow);
        printApart(pending, out);
        if (line.problem().isPresent()) {
          unreadable++;
          ofRow.add(line.problem().get());
          out.println(rowJson(file, line.number(), Diagnostics.of(ofRow)));
          continue;
        }
        records++;
        Record record = line.record().orElseThrow();
        Diagnostics diagnostics =
            Diagnostics.of(ofRow)
                .plus(
                    validator.validate(record, form != null ? form : record.form()).diagnostics());
        if (diagnostics.issues().isEmpty()) continue;
        if (diagnostics.hasErrors()) counts.withErrors++;
        if (!diagnostics.warnings().isEmpty()) counts.withWarnings++;
        out.println(rowJson(file, line.number(), diagnostics));
      }
      printApart(pending, out);
    } catch (UncheckedIOException e) {
      return readingFailed(err, e);
    }
    ObjectNode summary = JSON.createObjectNode().put("summary", true);
    summary.put("records", records);
    summary.put("unreadableRows", unreadable);
    summary.put("cellErrors", extractProblems[0]);
    summary.put("extractWarnings", extractProblems[1]);
    summary.put("valid", records - counts.withErrors);
    summary.put("withErrors", counts.withErrors);
    summary.put("withWarnings", counts.withWarnings);
    out.println(summary);
    out.flush();
    return counts.withErrors > 0 || unreadable > 0 || extractProblems[0] > 0
        ? Main.DATA_ERRORS
        : Main.OK;
  }

  private int readingFailed(PrintWriter err, UncheckedIOException e) {
    err.printf("validate: reading %s failed: %s%n", input.name(), e.getCause().getMessage());
    err.flush();
    return Main.INTERNAL;
  }

  /** Prints the problems not of a record's row, each on a line of its own, and forgets them. */
  private void printApart(List<Issue> problems, PrintWriter out) {
    for (Issue problem : problems) {
      SourceLocation at =
          problem.location() instanceof SourceLocation source ? source : SourceLocation.UNKNOWN;
      out.println(rowJson(at.file(), at.line(), Diagnostics.of(List.of(problem))));
    }
    problems.clear();
  }

  /**
   * A row's issues, located by file and row (the header is row 1): never the record's id or patient
   * key.
   */
  private String rowJson(String file, long row, Diagnostics diagnostics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("file", file);
    node.put("row", row);
    return withIssues(node, diagnostics);
  }

  private void report(
      RecordLine line,
      RecordValidator validator,
      LinkResolver resolver,
      PrintWriter out,
      Counts counts,
      Progress progress) {
    if (line.problem().isPresent()) {
      progress.clear();
      out.println(lineJson(line.number(), Diagnostics.of(List.of(line.problem().get()))));
      return;
    }
    Record record = line.record().orElseThrow();
    Diagnostics diagnostics =
        validator.validate(record, form != null ? form : record.form(), resolver).diagnostics();
    if (diagnostics.issues().isEmpty()) return;
    if (diagnostics.hasErrors()) counts.withErrors++;
    if (!diagnostics.warnings().isEmpty()) counts.withWarnings++;
    progress.clear();
    out.println(lineJson(line.number(), diagnostics));
  }

  /**
   * A line's issues, located by line number: the record's id and patient key are identifiers and
   * are never printed.
   */
  private String lineJson(long number, Diagnostics diagnostics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", number);
    return withIssues(node, diagnostics);
  }

  private String withIssues(ObjectNode node, Diagnostics diagnostics) {
    ArrayNode issues = node.putArray("issues");
    List<Issue> all = diagnostics.issues();
    for (Issue issue : all.subList(0, Math.min(all.size(), MAX_ISSUES_SHOWN))) {
      issues.add(issue.toJson(language));
    }
    if (all.size() > MAX_ISSUES_SHOWN) node.put("issuesNotShown", all.size() - MAX_ISSUES_SHOWN);
    return node.toString();
  }
}
