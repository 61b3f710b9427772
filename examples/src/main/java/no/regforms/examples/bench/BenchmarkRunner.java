package no.regforms.examples.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each one as a ratio to its baseline measured in the same run,
 * since absolute numbers vary from machine to machine.
 *
 * <p>Run from the repository root after the build:
 * <pre>{@code
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" no.regforms.examples.bench.BenchmarkRunner
 * }</pre>
 */
public final class BenchmarkRunner {

  private BenchmarkRunner() {}

  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder().include(ValidationBenchmark.class.getSimpleName()).build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> score = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      score.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    double baseline = score.get("parseOnly");
    double validated = score.get("parseAndValidate");
    System.out.printf("parse and validate takes %.2fx the time of parsing alone (%.0f vs %.0f passes/s)%n",
        baseline / validated, validated, baseline);
  }
}
