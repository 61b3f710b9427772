package no.regforms.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./regforms bench [--quick]}: measures regforms against its yardsticks in one run and
 * prints one table of ratios with the machine's details (docs/performance.md). The full run takes
 * tens of minutes and generates gigabytes of data (kept in the work folder for the next run);
 * {@code --quick} keeps every row but measures less of everything, for CI.
 *
 * <p>The table reports; no ratio fails the run. The run fails only when a measurement cannot be
 * made (a variant that disagrees with the others, a process that exits with an error).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks regforms against Jackson, Everit, networknt, JEXL, JavaRosa; prints one table of ratios.")
public final class Bench implements Callable<Integer> {

  /** The parts of a run, in the order they run. */
  enum Section {
    engine,
    expressions,
    forms,
    indicators,
    startup,
    browser
  }

  @Option(
      names = "--quick",
      description = "Fewer iterations, one fork, smaller data (under two minutes).")
  boolean quick;

  @Option(
      names = "--only",
      split = ",",
      description = "Run only these sections: ${COMPLETION-CANDIDATES}.")
  Set<Section> only = new LinkedHashSet<>();

  @Option(
      names = "--patients",
      description =
          "Patients in the indicator run's smaller file (default 250000; 500 with --quick); the larger has twice as many.")
  Integer patients;

  @Option(
      names = "--sample",
      description = "Records per pass of the in-JVM benchmarks (default 40000; 2000 with --quick).")
  Integer sample;

  @Option(
      names = "--keystrokes",
      description = "Key presses per form in the browser (default 200; 20 with --quick).")
  Integer keystrokes;

  @Option(
      names = "--work",
      defaultValue = "examples/target/bench",
      description = "Folder for generated data and the report (default ${DEFAULT-VALUE}).")
  Path work;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    BenchConfig config =
        (quick ? BenchConfig.quick(work) : BenchConfig.full(work))
            .with(patients, sample, keystrokes);
    if (config.patients() % 2 != 0 || config.patients() < 2) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--patients must be an even number of 2 or more");
    }
    MachineInfo machine = MachineInfo.now();
    Instant start = Instant.now();
    double cpuAtStart = cpuSeconds();
    Set<Section> sections = only.isEmpty() ? EnumSet.allOf(Section.class) : EnumSet.copyOf(only);
    RatioTable table = new RatioTable();
    BenchData data = new BenchData(config);
    List<String> failed = new java.util.ArrayList<>();
    StringBuilder took = new StringBuilder();
    for (Section section : sections) {
      Instant sectionStart = Instant.now();
      double cpuStart = cpuSeconds();
      try {
        switch (section) {
          case engine -> new EngineSection(config, data).run(table);
          case expressions -> new ExpressionSection(config, data).run(table);
          case forms -> new FormEngineSection(config, data).run(table);
          case indicators -> new ProcessSection(config, data).indicators(table);
          case startup -> new ProcessSection(config, data).coldStart(table);
          case browser -> new BrowserSection(config).run(table);
        }
      } catch (Exception | AssertionError e) {
        // One section that cannot measure does not cost the others' figures; the run still fails.
        e.printStackTrace();
        table.add(
            section.name(),
            "could not be measured: " + e.getClass().getSimpleName(),
            "",
            "",
            RatioTable.Verdict.INFO);
        failed.add(section.name());
      }
      took.append(took.length() == 0 ? "" : ", ")
          .append(section)
          .append(' ')
          .append(Duration.between(sectionStart, Instant.now()).toSeconds())
          .append(" s")
          .append(String.format(java.util.Locale.ROOT, " (CPU %.0f s)", cpuSeconds() - cpuStart));
    }
    String header =
        String.format(
            java.util.Locale.ROOT,
            "%s (%s), took %d s, CPU %.0f s (%s)%nmachine: %s, %.2f at end%n",
            config.command(),
            sections.size() == Section.values().length ? "all sections" : "sections " + sections,
            Duration.between(start, Instant.now()).toSeconds(),
            cpuSeconds() - cpuAtStart,
            took,
            machine.describe(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    System.out.println();
    System.out.print(header);
    System.out.print(table.text());
    Path report = work.resolve(quick ? "report-quick.md" : "report.md");
    Files.writeString(
        report, header.replace("\n", "\n\n") + table.markdown(), StandardCharsets.UTF_8);
    System.out.println("report: " + report);
    if (!failed.isEmpty()) System.err.println("sections that could not be measured: " + failed);
    return failed.isEmpty() ? 0 : 1;
  }

  /**
   * CPU seconds used so far by this JVM and the processes it has waited for (JMH forks,
   * whole-process runs, the browser): on a shared machine the wall time of a section says little
   * about how long it takes on a machine of its own, its CPU time much more. NaN where /proc is not
   * there.
   */
  static double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime, stime, cutime, cstime: fields 14-17 of proc(5), 12-15 after the command name and
      // state.
      long ticks = 0;
      for (int i = 11; i <= 14; i++) ticks += Long.parseLong(fields[i]);
      return ticks / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The classpath of the command line itself, for runs as whole processes (set by ./regforms). */
  static String runtimeClasspath() throws IOException {
    String classpath = System.getProperty("regforms.classpath");
    if (classpath == null || classpath.isBlank()) {
      throw new IOException(
          "system property regforms.classpath is not set: run the benchmarks through ./regforms bench");
    }
    return classpath;
  }
}
