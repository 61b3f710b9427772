package no.regforms.examples.bench;

import java.nio.file.Path;

/**
 * How big and how long one benchmark run is: the full run (the figures in docs/performance.md) or
 * the quick one CI runs, which keeps every row of the table but measures less of everything.
 *
 * @param quick whether this is the quick run
 * @param work folder for generated data, cached between runs (examples/target/bench)
 * @param patients patients of the indicator run's smaller file; the larger has twice as many
 * @param chunk patients per generated chunk (chunks are generated in parallel with their own seeds)
 * @param sample records the in-JVM benchmarks read per pass
 * @param forks JMH forks per benchmark (0 in the quick run: in the run's own JVM, which saves a JVM
 *     start and a registry load per benchmark at the price of profiles shared between benchmarks)
 * @param warmups JMH warm-up iterations
 * @param measurements JMH measured iterations
 * @param iterationMillis length of one JMH iteration
 * @param processPairs interleaved pairs of whole-process runs per ratio
 * @param coldStarts fresh JVMs for the loader's cold start
 * @param keystrokes key presses per form in the browser
 */
record BenchConfig(
    boolean quick,
    Path work,
    int patients,
    int chunk,
    int sample,
    int forks,
    int warmups,
    int measurements,
    int iterationMillis,
    int processPairs,
    int coldStarts,
    int keystrokes) {

  static BenchConfig full(Path work) {
    return new BenchConfig(false, work, 250_000, 62_500, 40_000, 2, 3, 5, 2_000, 2, 5, 200);
  }

  static BenchConfig quick(Path work) {
    return new BenchConfig(true, work, 500, 500, 2_000, 0, 1, 2, 300, 1, 2, 20);
  }

  /**
   * This run with the indicator files' size, the in-JVM sample and the browser's key presses
   * changed, for a machine where the full run does not fit the time at hand; the report's command
   * line says so.
   */
  BenchConfig with(Integer patients, Integer sample, Integer keystrokes) {
    int p = patients == null ? this.patients : patients;
    int chunk = p == this.patients ? this.chunk : (p % 62_500 == 0 ? 62_500 : p / 2);
    return new BenchConfig(
        quick,
        work,
        p,
        chunk,
        sample == null ? this.sample : sample,
        forks,
        warmups,
        measurements,
        iterationMillis,
        processPairs,
        coldStarts,
        keystrokes == null ? this.keystrokes : keystrokes);
  }

  /** The command that makes this run, for the report. */
  String command() {
    StringBuilder command =
        new StringBuilder(quick ? "./regforms bench --quick" : "./regforms bench");
    BenchConfig standard = quick ? quick(work) : full(work);
    if (patients != standard.patients) command.append(" --patients ").append(patients);
    if (sample != standard.sample) command.append(" --sample ").append(sample);
    if (keystrokes != standard.keystrokes) command.append(" --keystrokes ").append(keystrokes);
    return command.toString();
  }
}
