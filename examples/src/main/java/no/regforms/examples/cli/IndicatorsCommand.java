package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.indicator.ExpectedCounts;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorReport;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.ResultTableWriter;
import no.regforms.indicator.RunOptions;
import no.regforms.indicator.SkdeExport;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms indicators}: computes a registry's quality indicators from records and writes the
 * results table (CSV and JSON), SKDE's upload and {@code ind} files, and the HTML report.
 *
 * <p>Every option is checked before the records are read. Any error in the run (an unreadable line,
 * input declared {@code --sorted} that is not, no case in the years, a failed SKDE upload check)
 * gives exit 1 and no SKDE files; input out of order stops the run with no output at all.
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = "Compute quality indicators from records; write table, SKDE files and report.")
final class IndicatorsCommand implements Callable<Integer> {

  /** The first report year that makes sense for a Norwegian quality registry. */
  static final int FIRST_YEAR = 1900;

  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "<folder or id>",
      description = "Registry folder or id.")
  String registry;

  @Mixin RecordInput input;

  @Option(
      names = "--engine",
      defaultValue = "jvm",
      paramLabel = "jvm|duckdb|postgres",
      description =
          "Where cases are counted: jvm (from --data), duckdb or postgres (from --store, filled by "
              + "'./regforms load') (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(
      names = "--store",
      paramLabel = "<file.duckdb or JDBC URL>",
      description =
          "The record store of --engine duckdb|postgres: a DuckDB file (default: "
              + StoreOptions.DEFAULT_STORE
              + ") or jdbc:postgresql://host:port/db?user=...")
  String store;

  @Option(
      names = "--layout",
      defaultValue = "mrs",
      paramLabel = "mrs|oqr",
      description =
          "Layout of a CSV extract given as --data (a .csv file or a folder of them) (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--mapping",
      paramLabel = "<map.json>",
      description = "Form and column names of a CSV extract in --data (docs/sql.md).")
  Path mapping;

  @Option(
      names = "--year",
      required = true,
      paramLabel = "<year>",
      description = "Report year, from " + FIRST_YEAR + " to next year.")
  int year;

  @Option(
      names = "--from-year",
      paramLabel = "<year>",
      description =
          "First year of the trend, from "
              + FIRST_YEAR
              + " to --year (default: four years before --year).")
  Integer fromYear;

  @Option(
      names = "--level",
      defaultValue = "hf",
      paramLabel = "unit|hf|rhf",
      description = "Level of the report's bar charts: unit, hf, rhf (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(
      names = "--expected",
      paramLabel = "<counts.csv>",
      description = "Expected counts for coverage: CSV with indicator,year,hf,expected.")
  Path expected;

  @Option(
      names = "--indicator",
      split = ",",
      paramLabel = "<id>",
      description = "Compute only these indicators (comma separated).")
  List<String> indicators = new ArrayList<>();

  @Option(
      names = "--sorted",
      description =
          "The records are sorted by patient key: a key out of order stops the run. Without it, "
              + "a file is read as sorted and sorted on disk only when a key comes out of order.")
  boolean sorted;

  @Option(
      names = "--max-in-memory",
      defaultValue = "200000",
      paramLabel = "<n>",
      description =
          "Records held in memory before sorting spills to disk, 1 to 10000000 (default: ${DEFAULT-VALUE}).")
  int maxInMemory;

  @Option(
      names = "--lang",
      defaultValue = "nb",
      paramLabel = "<language>",
      description = "Language of the report: nb or en (default: ${DEFAULT-VALUE}).")
  String language;

  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
  Path out;

  @Option(names = "--force", description = "Replace the output folder if it is not empty.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<Integer> years = checkOptions();
    GroupLevel chartLevel = GroupLevel.fromKey(level);
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    Registry reg = loaded.get();
    checkIndicators(reg);
    ExpectedCounts counts = expectedCounts(reg);
    RunOptions options =
        new RunOptions(
            years,
            Set.copyOf(indicators),
            counts,
            sorted,
            maxInMemory,
            Optional.empty(),
            java.time.LocalDate.now());

    IndicatorEngine countIn = IndicatorEngine.fromKey(engine);
    if (countIn != IndicatorEngine.JVM || input.isExtract()) {
      IndicatorResults results;
      try {
        results = countIn.calculate(reg, options, input.file(), store, layout, mapping);
      } catch (java.sql.SQLException e) {
        // A query's message may quote a value: only a connection failure's (SQL state class 08) is
        // printed.
        String state = String.valueOf(e.getSQLState());
        err.println(
            "indicators: cannot count in the store (SQL state "
                + state
                + ")"
                + (state.startsWith("08") ? ": " + e.getMessage() : ""));
        err.flush();
        return Main.USAGE;
      }
      return write(
          reg,
          results,
          years,
          chartLevel,
          false,
          countIn == IndicatorEngine.JVM
              ? "read " + input.name()
              : "counted in " + (store == null ? StoreOptions.DEFAULT_STORE : store));
    }
    IndicatorCalculator calculator = IndicatorCalculator.of(reg);
    Pass pass = null;
    try {
      // A file is read once when it is sorted by patient, as most extracts are; only one found out
      // of order is read again and sorted on disk. Standard input cannot be read twice.
      if (!sorted && !input.isStdin()) {
        pass = read(0, records -> calculator.calculateIfSorted(records, options));
      }
      if (pass == null || pass.results().isEmpty()) {
        long shown = pass == null ? 0 : pass.lastLine();
        pass = read(shown, records -> Optional.of(calculator.calculate(records, options)));
      }
    } catch (UncheckedIOException e) {
      err.printf("indicators: reading %s failed: %s%n", input.name(), e.getCause().getMessage());
      err.flush();
      return Main.INTERNAL;
    }
    IndicatorResults results = pass.results().orElseThrow();
    JsonLinesRecordReader.Counts read = pass.counts();
    String accounted =
        "lines read "
            + read.linesRead()
            + " ("
            + Plural.of(read.records(), "record")
            + ", "
            + Plural.of(read.unreadableLines(), "unreadable line")
            + "; "
            + Plural.of(read.blankLines(), "blank line")
            + " skipped)";
    if (results.diagnostics().issues().stream()
        .anyMatch(i -> i.code() == IssueCode.UNSORTED_INPUT)) {
      results.diagnostics().errors().forEach(issue -> err.println(display(issue)));
      err.printf("indicators: stopped; nothing written; %s%n", accounted);
      err.flush();
      return Main.DATA_ERRORS;
    }

    return write(reg, results, years, chartLevel, read.unreadableLines() > 0, accounted);
  }

  /** One pass over the input: its results (empty when it stopped, out of order), what it read. */
  private record Pass(
      Optional<IndicatorResults> results, JsonLinesRecordReader.Counts counts, long lastLine) {}

  /**
   * Reads the input once through {@code count}, printing the problems of lines after {@code
   * shownUpTo} (a pass before this one printed those up to there).
   */
  private Pass read(long shownUpTo, Function<Iterator<Record>, Optional<IndicatorResults>> count)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Main main = (Main) spec.root().userObject();
    long[] lastLine = {0};
    try (JsonLinesRecordReader reader = input.open();
        Progress progress =
            Progress.start(err, main.invocation(), "indicators", "lines", input.size());
        Stream<RecordLine> lines = reader.lines()) {
      Iterator<Record> records =
          lines
              .peek(
                  line -> {
                    lastLine[0] = line.number();
                    line.problem()
                        .filter(problem -> line.number() > shownUpTo)
                        .ifPresent(
                            problem -> {
                              progress.clear();
                              err.println(display(problem));
                            });
                    progress.update(line.number(), reader.counts().bytesRead());
                  })
              .flatMap(line -> line.record().stream())
              .iterator();
      Optional<IndicatorResults> results = count.apply(records);
      return new Pass(results, reader.counts(), lastLine[0]);
    }
  }

  /**
   * Writes the run's files and reports it; {@code unreadable} tells whether input lines could not
   * be read.
   */
  private int write(
      Registry reg,
      IndicatorResults results,
      List<Integer> years,
      GroupLevel chartLevel,
      boolean unreadable,
      String accounted)
      throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SkdeExport skde = SkdeExport.of(reg);
    SkdeExport.Upload upload = skde.upload(results);
    SkdeExport.IndRecords ind = skde.indRecords();
    boolean errors =
        unreadable
            || results.diagnostics().hasErrors()
            || upload.diagnostics().hasErrors()
            || ind.diagnostics().hasErrors();
    List<String> written = new ArrayList<>(List.of("results.csv", "results.json"));
    try (AtomicOutput output = AtomicOutput.folder(spec, out, force)) {
      try (Writer w =
          Files.newBufferedWriter(output.resolve("results.csv"), StandardCharsets.UTF_8)) {
        ResultTableWriter.writeCsv(results, w);
      }
      try (Writer w =
          Files.newBufferedWriter(output.resolve("results.json"), StandardCharsets.UTF_8)) {
        ResultTableWriter.writeJson(results, w);
      }
      // SKDE's files are uploaded as they are: only a run without errors makes them.
      if (!errors) {
        if (!upload.fractions().isEmpty()) {
          try (Writer w =
              Files.newBufferedWriter(
                  output.resolve("skde-upload-andel.csv"), StandardCharsets.UTF_8)) {
            SkdeExport.writeUpload(upload.fractions(), w);
          }
          written.add("skde-upload-andel.csv");
        }
        if (!upload.others().isEmpty()) {
          try (Writer w =
              Files.newBufferedWriter(
                  output.resolve("skde-upload-other.csv"), StandardCharsets.UTF_8)) {
            SkdeExport.writeUpload(upload.others(), w);
          }
          written.add("skde-upload-other.csv");
        }
        try (Writer w =
            Files.newBufferedWriter(output.resolve("skde-ind.csv"), StandardCharsets.UTF_8)) {
          SkdeExport.writeInd(ind, w);
        }
        written.add("skde-ind.csv");
      }
      try (Writer w =
          Files.newBufferedWriter(output.resolve("report.html"), StandardCharsets.UTF_8)) {
        IndicatorReport.of(reg, language).write(results, year, chartLevel, w);
      }
      written.add("report.html");
      output.commit();
    }
    List<Issue> all = new ArrayList<>(results.diagnostics().issues());
    all.addAll(upload.diagnostics().issues());
    all.addAll(ind.diagnostics().issues());
    Diagnostics.of(all).issues().forEach(issue -> err.println(display(issue)));
    if (errors) err.println("indicators: the run has errors; the SKDE files were not written");
    err.flush();
    long indicatorsRun = results.results().stream().map(r -> r.indicator()).distinct().count();
    stdout.printf(
        "%s: %s, years %d–%d, %s; %s; wrote %s to %s%n",
        reg.id(),
        Plural.of(indicatorsRun, "indicator"),
        years.get(0),
        year,
        Plural.of(results.results().size(), "result row"),
        accounted,
        String.join(", ", written),
        out);
    stdout.flush();
    return errors ? Main.DATA_ERRORS : Main.OK;
  }

  /** Checks the options that need no registry, and returns the years of the run. */
  private List<Integer> checkOptions() {
    int lastYear = Year.now().getValue() + 1;
    OptionChecks.range(spec, "--year", year, FIRST_YEAR, lastYear);
    int first = fromYear == null ? Math.max(FIRST_YEAR, year - 4) : fromYear;
    if (fromYear != null) OptionChecks.range(spec, "--from-year", fromYear, FIRST_YEAR, year);
    OptionChecks.range(spec, "--max-in-memory", maxInMemory, 1, 10_000_000);
    OptionChecks.language(spec, language);
    if (!List.of("unit", "hf", "rhf").contains(level)) {
      throw OptionChecks.usage(spec, "--level must be unit, hf or rhf, not '" + level + "'");
    }
    IndicatorEngine countIn;
    try {
      countIn = IndicatorEngine.fromKey(engine);
    } catch (IllegalArgumentException e) {
      throw OptionChecks.usage(
          spec, "--engine must be jvm, duckdb or postgres, not '" + engine + "'");
    }
    String misfit = countIn.check(input.file(), store);
    if (misfit != null) throw OptionChecks.usage(spec, misfit);
    if (countIn == IndicatorEngine.JVM && input.isExtract()) {
      if (!Files.isReadable(input.file()))
        throw OptionChecks.usage(spec, "cannot read " + input.file());
      if (!List.of("mrs", "oqr").contains(layout))
        throw OptionChecks.usage(spec, "--layout must be mrs or oqr, not '" + layout + "'");
      if (mapping != null && !Files.isReadable(mapping))
        throw OptionChecks.usage(spec, "--mapping: cannot read " + mapping);
    } else if (countIn == IndicatorEngine.JVM) {
      input.check();
    }
    if (expected != null && (!Files.isRegularFile(expected) || !Files.isReadable(expected))) {
      throw OptionChecks.usage(spec, "--expected: cannot read " + expected);
    }
    AtomicOutput.check(spec, out, AtomicOutput.Kind.FOLDER, force);
    List<Integer> years = new ArrayList<>();
    for (int y = first; y <= year; y++) years.add(y);
    return years;
  }

  /** Whether --data names a CSV extract: a .csv file or a folder. */
  private void checkIndicators(Registry reg) {
    Set<String> unknown = new TreeSet<>(indicators);
    unknown.removeAll(reg.indicators().keySet());
    if (!unknown.isEmpty()) {
      throw OptionChecks.usage(
          spec,
          "--indicator: registry '"
              + reg.id()
              + "' has no indicator "
              + String.join(", ", unknown)
              + "; its indicators: "
              + String.join(", ", reg.indicators().keySet()));
    }
  }

  /** The expected counts, read before the records; a row that cannot be used is a usage error. */
  private ExpectedCounts expectedCounts(Registry reg) throws IOException {
    if (expected == null) return ExpectedCounts.NONE;
    ExpectedCounts counts;
    try (Reader in = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
      counts = ExpectedCounts.read(in, expected.getFileName().toString(), reg.organisations());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw OptionChecks.usage(spec, "--expected: " + expected + " is not UTF-8 text");
    }
    List<String> problems =
        new ArrayList<>(
            counts.diagnostics().errors().stream().map(Issue::toDisplayString).toList());
    for (String indicator : counts.indicators()) {
      if (!reg.indicators().containsKey(indicator)) {
        problems.add(
            expected.getFileName()
                + ": error: registry '"
                + reg.id()
                + "' has no indicator '"
                + indicator
                + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw OptionChecks.usage(
          spec,
          "--expected has "
              + Plural.of(problems.size(), "error")
              + ":\n"
              + String.join("\n", problems));
    }
    return counts;
  }

  /** An issue as a located line: records by input name and line number, never by their content. */
  private String display(Issue issue) {
    if (issue.location() instanceof RecordPath path && path.line() > 0) {
      return input.name()
          + ":"
          + path.line()
          + ": "
          + issue.severity().label()
          + ": "
          + issue.text()
          + (path.path().isEmpty() ? "" : " (at " + path.path() + ")");
    }
    return issue.toDisplayString();
  }
}
