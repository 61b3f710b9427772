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
 * @param forks JMH forks per benchmark
 * @param warmups JMH warm-up iterations
 * @param measurements JMH measured iterations
 * @param iterationMillis length of one JMH iteration
 * @param processPairs interleaved pairs of whole-process runs per ratio
 * @param coldStarts fresh JVMs for the loader's cold start
 * @param keystrokes key presses per form in the browser
 */
record BenchConfig(boolean quick, Path work, int patients, int chunk, int sample, int forks, int warmups,
    int measurements, int iterationMillis, int processPairs, int coldStarts, int keystrokes) {

  static BenchConfig full(Path work) {
    return new BenchConfig(false, work, 250_000, 62_500, 40_000, 2, 3, 5, 2_000, 2, 10, 200);
  }

  static BenchConfig quick(Path work) {
    return new BenchConfig(true, work, 500, 500, 2_000, 1, 1, 2, 300, 1, 2, 20);
  }

  /** The command that makes this run, for the report. */
  String command() {
    return quick ? "./regforms bench --quick" : "./regforms bench";
  }
}
