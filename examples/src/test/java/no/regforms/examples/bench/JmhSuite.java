package no.regforms.examples.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs one JMH benchmark class with the run's forks and iterations, and keeps each score. */
final class JmhSuite {

  /** A JMH score: mean time per operation and the half-width of its 99.9 % interval, same unit. */
  record Score(double mean, double error, String unit) {
    /** The relative error, for the ratio's own error bar. */
    double relativeError() {
      return Double.isNaN(error) || mean == 0 ? 0 : error / mean;
    }
  }

  private final BenchConfig config;

  JmhSuite(BenchConfig config) {
    this.config = config;
  }

  /**
   * Runs {@code benchmark} with {@code params} (name to values) and returns each score by method
   * name, or by {@code method/param} when the class has a parameter with several values.
   */
  Map<String, Score> run(Class<?> benchmark, Map<String, List<String>> params, String keyParam)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(benchmark.getName().replace(".", "\\.") + "\\.")
            .forks(config.forks())
            .warmupIterations(config.warmups())
            .warmupTime(TimeValue.milliseconds(config.iterationMillis()))
            .measurementIterations(config.measurements())
            .measurementTime(TimeValue.milliseconds(config.iterationMillis()))
            .jvmArgsAppend("-Xmx1g", "-Dorg.jboss.logging.provider=slf4j")
            .shouldFailOnError(true);
    params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Score> scores = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      String key = keyParam == null ? method : method + "/" + result.getParams().getParam(keyParam);
      Result<?> primary = result.getPrimaryResult();
      scores.put(
          key, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
    }
    return scores;
  }

  static List<String> one(Object value) {
    return new ArrayList<>(List.of(String.valueOf(value)));
  }
}
