package no.regforms.examples.bench;

import java.util.Locale;
import java.util.Map;
import no.regforms.examples.bench.JmhSuite.Score;
import no.regforms.examples.bench.RatioTable.Verdict;

/** Whole forms: JavaRosa's fill and validate over regforms' validate, one record at a time. */
final class FormEngineSection {

  private final BenchConfig config;
  private final BenchData data;

  FormEngineSection(BenchConfig config, BenchData data) {
    this.config = config;
    this.data = data;
  }

  void run(RatioTable table) throws Exception {
    Map<String, Score> s =
        new JmhSuite(config)
            .run(
                FormEngineBenchmark.class,
                Map.of(
                    "records",
                    JmhSuite.one(data.msSample(config.sample())),
                    "work",
                    JmhSuite.one(config.work())),
                "form");
    row(table, s, "ms_inclusion", "MS inclusion");
    row(table, s, "large", "generated 551 variables, 420 skip rules");
  }

  private static void row(RatioTable table, Map<String, Score> s, String form, String name) {
    // JavaRosa is timed both ways in (opening a saved instance, entering answers); the faster
    // counts.
    Score opened = s.get("javaRosa/" + form);
    Score entered = s.get("javaRosaEntry/" + form);
    Score theirs = opened.mean() <= entered.mean() ? opened : entered;
    Score ours = s.get("regforms/" + form);
    double ratio = theirs.mean() / ours.mean();
    table.ratio(
        "forms",
        "JavaRosa 4.3 fill + validate / regforms validate: " + name,
        ratio,
        Math.hypot(theirs.relativeError(), ours.relativeError()),
        "at least 30x",
        Verdict.of(ratio >= 30));
    table.add(
        "forms",
        "regforms validate, one record: " + name,
        String.format(Locale.ROOT, "%.1f µs", ours.mean()),
        "",
        Verdict.INFO);
  }
}
