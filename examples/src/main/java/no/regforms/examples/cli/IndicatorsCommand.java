package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.indicator.ExpectedCounts;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorReport;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.ResultTableWriter;
import no.regforms.indicator.RunOptions;
import no.regforms.indicator.SkdeExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms indicators}: computes a registry's quality indicators from records and writes the
 * results table (CSV and JSON), SKDE's upload and {@code ind} files, and the HTML report. Exit 1 when
 * the SKDE upload checks fail (the upload file is then not written), 2 on usage or definition errors.
 */
@Command(name = "indicators", description = "Compute quality indicators from records; write table, SKDE files and report.")
final class IndicatorsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--data", description = "Records: JSON Lines, or a CSV extract (a .csv file or a folder of them); for --engine jvm.")
  Path data;

  @Option(names = "--engine", defaultValue = "jvm", description = "Where cases are counted: jvm (from --data), duckdb or postgres "
      + "(from --store, filled by './regforms load') (default ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--store", description = "The record store: a DuckDB file (default regforms.duckdb) or a JDBC URL.")
  String store;

  @Option(names = "--layout", defaultValue = "mrs", description = "Layout of a CSV extract in --data: mrs or oqr (default ${DEFAULT-VALUE}).")
  String layout;

  @Option(names = "--mapping", description = "Mapping file for a CSV extract in --data (JSON).")
  Path mapping;

  @Option(names = "--year", required = true, description = "Report year.")
  int year;

  @Option(names = "--from-year", description = "First year of the trend (default: four years before --year).")
  Integer fromYear;

  @Option(names = "--level", defaultValue = "hf", description = "Level of the report's bar charts: unit, hf, rhf (default ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--expected", description = "Expected counts for coverage: CSV with indicator,year,hf,expected.")
  Path expected;

  @Option(names = "--indicator", split = ",", description = "Compute only these indicators (comma separated).")
  List<String> indicators = new ArrayList<>();

  @Option(names = "--sorted", description = "Declare the records sorted by patient (skips the check scan).")
  boolean sorted;

  @Option(names = "--max-in-memory", defaultValue = "200000", description = "Records held in memory before spilling to disk (default ${DEFAULT-VALUE}).")
  int maxInMemory;

  @Option(names = "--lang", defaultValue = "nb", description = "Language of the report: nb or en (default ${DEFAULT-VALUE}).")
  String language;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    GroupLevel chartLevel;
    try {
      chartLevel = GroupLevel.fromKey(level);
    } catch (IllegalArgumentException e) {
      err.printf("--level must be unit, hf or rhf, not '%s'%n", level);
      err.flush();
      return Main.USAGE;
    }
    IndicatorEngine countIn;
    try {
      countIn = IndicatorEngine.fromKey(engine);
    } catch (IllegalArgumentException e) {
      err.printf("--engine must be jvm, duckdb or postgres, not '%s'%n", engine);
      err.flush();
      return Main.USAGE;
    }
    String misfit = countIn.check(data, store);
    if (misfit != null) {
      err.println(misfit);
      err.flush();
      return Main.USAGE;
    }
    List<Path> inputs = new ArrayList<>();
    if (data != null) inputs.add(data);
    if (expected != null) inputs.add(expected);
    for (Path input : inputs) {
      if (!Files.isReadable(input)) {
        err.printf("cannot read %s%n", input);
        err.flush();
        return Main.USAGE;
      }
    }
    Registry reg = loaded.get();
    ExpectedCounts counts = ExpectedCounts.NONE;
    if (expected != null) {
      try (Reader in = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
        counts = ExpectedCounts.read(in, expected.getFileName().toString(), reg.organisations());
      }
    }
    int first = fromYear == null ? year - 4 : fromYear;
    List<Integer> years = new ArrayList<>();
    for (int y = Math.min(first, year); y <= year; y++) years.add(y);
    RunOptions options = new RunOptions(years, Set.copyOf(indicators), counts, sorted, maxInMemory, Optional.empty(),
        java.time.LocalDate.now());
    IndicatorResults results;
    try {
      results = countIn.calculate(reg, options, data, store, layout, mapping);
    } catch (java.sql.SQLException e) {
      // A query's message may quote a value: only a connection failure's (SQL state class 08) is printed.
      String state = String.valueOf(e.getSQLState());
      err.println("cannot count in the store (SQL state " + state + ")" + (state.startsWith("08") ? ": " + e.getMessage() : ""));
      err.flush();
      return Main.USAGE;
    } catch (IllegalArgumentException e) {
      err.println("cannot count in the store: " + e.getMessage());
      err.flush();
      return Main.USAGE;
    }
    Files.createDirectories(out);
    try (Writer w = Files.newBufferedWriter(out.resolve("results.csv"), StandardCharsets.UTF_8)) {
      ResultTableWriter.writeCsv(results, w);
    }
    try (Writer w = Files.newBufferedWriter(out.resolve("results.json"), StandardCharsets.UTF_8)) {
      ResultTableWriter.writeJson(results, w);
    }
    SkdeExport skde = SkdeExport.of(reg);
    SkdeExport.Upload upload = skde.upload(results);
    SkdeExport.IndRecords ind = skde.indRecords();
    List<String> written = new ArrayList<>(List.of("results.csv", "results.json"));
    if (!upload.diagnostics().hasErrors()) {
      if (!upload.fractions().isEmpty()) {
        try (Writer w = Files.newBufferedWriter(out.resolve("skde-upload-andel.csv"), StandardCharsets.UTF_8)) {
          SkdeExport.writeUpload(upload.fractions(), w);
        }
        written.add("skde-upload-andel.csv");
      }
      if (!upload.others().isEmpty()) {
        try (Writer w = Files.newBufferedWriter(out.resolve("skde-upload-other.csv"), StandardCharsets.UTF_8)) {
          SkdeExport.writeUpload(upload.others(), w);
        }
        written.add("skde-upload-other.csv");
      }
    }
    if (!ind.diagnostics().hasErrors()) {
      try (Writer w = Files.newBufferedWriter(out.resolve("skde-ind.csv"), StandardCharsets.UTF_8)) {
        SkdeExport.writeInd(ind, w);
      }
      written.add("skde-ind.csv");
    }
    try (Writer w = Files.newBufferedWriter(out.resolve("report.html"), StandardCharsets.UTF_8)) {
      IndicatorReport.of(reg, language).write(results, year, chartLevel, w);
    }
    written.add("report.html");
    List<Issue> all = new ArrayList<>(results.diagnostics().issues());
    all.addAll(upload.diagnostics().issues());
    all.addAll(ind.diagnostics().issues());
    Diagnostics diagnostics = Diagnostics.of(all);
    if (!diagnostics.issues().isEmpty()) {
      err.println(diagnostics.toDisplayString());
      err.flush();
    }
    long indicatorsRun = results.results().stream().map(r -> r.indicator()).distinct().count();
    stdout.printf("%s: %d indicators, years %d–%d, %d result rows; wrote %s to %s%n", reg.id(), indicatorsRun, years.get(0),
        year, results.results().size(), String.join(", ", written), out);
    stdout.flush();
    return upload.diagnostics().hasErrors() || ind.diagnostics().hasErrors() ? 1 : 0;
  }
}
