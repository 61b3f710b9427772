package no.regforms.examples.bench;

import java.util.Map;
import no.regforms.examples.bench.JmhSuite.Score;
import no.regforms.examples.bench.RatioTable.Verdict;

/** Each expression of {@link ExpressionBenchmark}: JEXL's time over regforms'. */
final class ExpressionSection {

  private final BenchConfig config;
  private final BenchData data;

  ExpressionSection(BenchConfig config, BenchData data) {
    this.config = config;
    this.data = data;
  }

  void run(RatioTable table) throws Exception {
    Map<String, Score> s =
        new JmhSuite(config)
            .run(
                ExpressionBenchmark.class,
                Map.of("records", JmhSuite.one(data.msSample(config.sample()))),
                "expression");
    for (ExpressionBenchmark.Case c : ExpressionBenchmark.Case.values()) {
      Score jexl = s.get("jexl/" + c.name());
      Score ours = s.get("regforms/" + c.name());
      double ratio = jexl.mean() / ours.mean();
      table.ratio(
          "expressions",
          "JEXL 3 / regforms: " + c.name().replace('_', ' ') + " (" + c.form + ")",
          ratio,
          Math.hypot(jexl.relativeError(), ours.relativeError()),
          "at least 3x",
          Verdict.of(ratio >= 3));
    }
  }
}
