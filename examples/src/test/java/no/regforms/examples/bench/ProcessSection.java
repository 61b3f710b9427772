package no.regforms.examples.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.regforms.examples.bench.RatioTable.Verdict;

/**
 * Measures taken as whole processes, as a user runs them: the indicator run against a streaming
 * parse of the same file, its growth from one file to one twice as large with its peak memory, and
 * the loader's cold start in fresh JVMs. The variants run in turn, round after round, and each
 * ratio is the median of its rounds' ratios, so a change in the machine's speed during the run
 * moves both sides of a ratio alike.
 */
final class ProcessSection {

  private static final String HEAP = "-Xmx512m";
  private static final long PEAK_LIMIT_MIB = 512;

  private final BenchConfig config;
  private final BenchData data;

  ProcessSection(BenchConfig config, BenchData data) {
    this.config = config;
    this.data = data;
  }

  /**
   * One finished process: wall seconds, peak resident set in MiB (-1 when unknown), standard
   * output.
   */
  record Run(double seconds, long peakMiB, String out) {}

  void indicators(RatioTable table) throws Exception {
    Path small = data.msRecords(config.patients());
    Path large = data.msRecords(config.patients() * 2);
    String n = String.format(Locale.ROOT, "%,d", config.patients());
    String n2 = String.format(Locale.ROOT, "%,d", config.patients() * 2);
    List<Double> unsorted = new ArrayList<>();
    List<Double> sorted = new ArrayList<>();
    List<Double> growth = new ArrayList<>();
    List<Double> streamSeconds = new ArrayList<>();
    List<Double> indSeconds = new ArrayList<>();
    long records = 0;
    long smallPeak = 0;
    long largePeak = 0;
    for (int round = 0; round < config.processPairs(); round++) {
      Run stream = java(HEAP, StreamingParse.class.getName(), small.toString());
      Run ind = indicators(small, false);
      Run indSorted = indicators(small, true);
      Run indLarge = indicators(large, false);
      records = Long.parseLong(stream.out().trim().split(" ")[0]);
      streamSeconds.add(stream.seconds());
      indSeconds.add(ind.seconds());
      unsorted.add(ind.seconds() / stream.seconds());
      sorted.add(indSorted.seconds() / stream.seconds());
      growth.add(indLarge.seconds() / ind.seconds());
      smallPeak = Math.max(smallPeak, ind.peakMiB());
      largePeak = Math.max(largePeak, indLarge.peakMiB());
    }
    double u = median(unsorted);
    double s = median(sorted);
    double g = median(growth);
    table.add(
        "indicators",
        "all MS indicators / streaming parse, " + n + " patients (processes, " + HEAP + ")",
        RatioTable.ratio(u, spread(unsorted)),
        "at most 2x",
        Verdict.of(u <= 2));
    table.add(
        "indicators",
        "the same with --sorted",
        RatioTable.ratio(s, spread(sorted)),
        "at most 2x",
        Verdict.of(s <= 2));
    table.add(
        "indicators",
        n2 + " patients / " + n,
        RatioTable.ratio(g, spread(growth)),
        "linear (at most 2.1x)",
        Verdict.of(g <= 2.1));
    // Absolute figures, for what the throughput means for a registry (docs/performance.md, "Scale
    // on paper").
    table.add(
        "indicators",
        "indicator run / streaming parse, "
            + n
            + " patients ("
            + String.format(Locale.ROOT, "%,d", records)
            + " records), wall",
        String.format(Locale.ROOT, "%.1f / %.1f s", median(indSeconds), median(streamSeconds)),
        "",
        Verdict.INFO);
    table.add(
        "indicators",
        "peak RSS, " + n + " / " + n2 + " patients",
        smallPeak + " / " + largePeak + " MiB",
        "within " + PEAK_LIMIT_MIB + " MiB",
        Verdict.of(largePeak > 0 && largePeak <= PEAK_LIMIT_MIB));
  }

  private Run indicators(Path records, boolean sorted) throws Exception {
    Path out = config.work().resolve("indicators-out");
    List<String> args =
        new ArrayList<>(
            List.of(
                HEAP,
                "no.regforms.examples.cli.Main",
                "indicators",
                "--registry",
                "ms",
                "--data",
                records.toString(),
                "--year",
                "2024",
                "--out",
                out.toString(),
                "--force")); // each run replaces the last
    if (sorted) args.add("--sorted");
    return java(args.toArray(String[]::new));
  }

  void coldStart(RatioTable table) throws Exception {
    List<Double> loads = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    List<Double> processes = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int i = 0; i < config.coldStarts(); i++) {
      Run jvm = java("-Xshare:auto", ColdStart.class.getName(), "none");
      Run loaded = java("-Xshare:auto", ColdStart.class.getName(), "ms");
      String[] times = loaded.out().trim().split(" ");
      loads.add(Double.parseDouble(times[0]));
      cpus.add(Double.parseDouble(times[1]));
      processes.add(loaded.seconds() * 1000);
      bare.add(jvm.seconds() * 1000);
    }
    double load = median(loads);
    table.add(
        "startup",
        "DefinitionLoader cold start, MS (fresh JVM, median of " + config.coldStarts() + ")",
        String.format(Locale.ROOT, "%.0f ms", load),
        "under 150 ms",
        Verdict.of(load < 150));
    table.add(
        "startup",
        "the same, CPU time of the loading thread",
        String.format(Locale.ROOT, "%.0f ms", median(cpus)),
        "",
        Verdict.INFO);
    table.add(
        "startup",
        "whole process: JVM + load / bare JVM",
        String.format(Locale.ROOT, "%.0f / %.0f ms", median(processes), median(bare)),
        "",
        Verdict.INFO);
  }

  /**
   * Runs {@code PeakRss} around {@code args} (JVM options first, then the main class and its
   * arguments).
   */
  private Run java(String... args) throws Exception {
    Path peak = Files.createTempFile(config.work(), "peak", ".txt");
    Path log = config.work().resolve("process.log");
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    int main = 0;
    while (args[main].startsWith("-")) command.add(args[main++]);
    command.addAll(
        List.of(
            "-Dorg.jboss.logging.provider=slf4j",
            "-Dpeak.file=" + peak,
            "-cp",
            classpath(),
            PeakRss.class.getName()));
    command.addAll(Arrays.asList(args).subList(main, args.length));
    Path out = Files.createTempFile(config.work(), "out", ".txt");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    int status = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String peakText = Files.readString(peak).trim();
    Files.delete(out);
    Files.delete(peak);
    // The indicator command exits 1 when SKDE's upload checks fail: its results are still made.
    if (status != 0 && status != 1) {
      throw new IOException(
          String.join(" ", args) + " exited with " + status + " (see " + log + ")");
    }
    return new Run(seconds, peakText.isEmpty() ? -1 : Long.parseLong(peakText) / 1024, stdout);
  }

  /** The test classes (this class and its helpers) and the command line's own classpath. */
  private static String classpath() throws IOException {
    try {
      Path tests =
          Path.of(ProcessSection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return tests + File.pathSeparator + Bench.runtimeClasspath();
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Half the range relative to the median: the rounds' spread, for the error column. */
  private static double spread(List<Double> values) {
    if (values.size() < 2) return 0;
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return (max - min) / 2 / median(values);
  }
}
