package no.regforms.examples.bench;

import java.nio.file.Path;
import java.util.Map;
import no.regforms.examples.bench.JmhSuite.Score;
import no.regforms.examples.bench.RatioTable.Verdict;

/** Reading and validating records, against bare Jackson and two JSON Schema validators. */
final class EngineSection {

  private static final String SECTION = "validate";

  private final BenchConfig config;
  private final BenchData data;

  EngineSection(BenchConfig config, BenchData data) {
    this.config = config;
    this.data = data;
  }

  void run(RatioTable table) throws Exception {
    Path sample = data.msSample(config.sample());
    Path schemas = config.work().resolve("schemas");
    BenchData.run(
        "export",
        "--registry",
        "ms",
        "--format",
        "jsonschema",
        "--out",
        schemas.toString(),
        "--force");
    ParseValidateBenchmark.Verdicts.check(sample.toString(), schemas.toString());
    Map<String, Score> s =
        new JmhSuite(config)
            .run(
                ParseValidateBenchmark.class,
                Map.of("records", JmhSuite.one(sample), "schemas", JmhSuite.one(schemas)),
                null);
    Score validate = s.get("regformsValidate");
    Score tree = s.get("jacksonTree");
    double perRecord = validate.mean() * 1000 / config.sample();
    String records = config.sample() + " MS records";
    row(
        table,
        "parse + validate / Jackson readTree (" + records + ")",
        validate,
        tree,
        "at most 2x",
        r -> r <= 2);
    row(table, "parse only / Jackson readTree", s.get("regformsParse"), tree, "", null);
    row(
        table,
        "parse + validate / Jackson streaming",
        validate,
        s.get("jacksonStreaming"),
        "",
        null);
    row(table, "Jackson readTree / Jackson streaming", tree, s.get("jacksonStreaming"), "", null);
    row(
        table,
        "Everit 1.14 / regforms (exported JSON Schema)",
        s.get("everit"),
        validate,
        "at least 5x",
        r -> r >= 5);
    row(
        table,
        "networknt 2.0 / regforms (exported JSON Schema)",
        s.get("networknt"),
        validate,
        "at least 2x",
        r -> r >= 2);
    table.add(
        SECTION,
        "regforms parse + validate, per record",
        String.format(java.util.Locale.ROOT, "%.1f µs", perRecord),
        "",
        Verdict.INFO);
    interleaved(table, sample, schemas);
  }

  /**
   * The same comparisons by CPU time, variants in turn round after round (see {@link Interleaved}).
   */
  private void interleaved(RatioTable table, Path sample, Path schemas) throws Exception {
    ParseValidateBenchmark b = new ParseValidateBenchmark();
    b.records = sample.toString();
    b.schemas = schemas.toString();
    b.setUp();
    Map<String, Interleaved.Pass> variants = new java.util.LinkedHashMap<>();
    variants.put("jacksonStreaming", b::jacksonStreaming);
    variants.put("jacksonTree", b::jacksonTree);
    variants.put("regformsParse", b::regformsParse);
    variants.put("regformsValidate", b::regformsValidate);
    variants.put("everit", b::everit);
    variants.put("networknt", b::networknt);
    Map<String, Double> cpu =
        Interleaved.measure(variants, config.warmups() + 2, config.measurements());
    double validate = cpu.get("regformsValidate");
    String note = " (CPU time, interleaved)";
    cpuRow(
        table,
        "parse + validate / Jackson readTree" + note,
        validate / cpu.get("jacksonTree"),
        "at most 2x",
        r -> r <= 2);
    cpuRow(
        table,
        "parse only / Jackson readTree" + note,
        cpu.get("regformsParse") / cpu.get("jacksonTree"),
        "",
        null);
    cpuRow(
        table,
        "Jackson readTree / Jackson streaming" + note,
        cpu.get("jacksonTree") / cpu.get("jacksonStreaming"),
        "",
        null);
    cpuRow(
        table,
        "Everit 1.14 / regforms" + note,
        cpu.get("everit") / validate,
        "at least 5x",
        r -> r >= 5);
    cpuRow(
        table,
        "networknt 2.0 / regforms" + note,
        cpu.get("networknt") / validate,
        "at least 2x",
        r -> r >= 2);
    table.add(
        SECTION,
        "regforms parse + validate, per record" + note,
        String.format(java.util.Locale.ROOT, "%.1f µs", validate * 1000 / config.sample()),
        "",
        Verdict.INFO);
  }

  private static void cpuRow(
      RatioTable table,
      String measure,
      double ratio,
      String goal,
      java.util.function.DoublePredicate met) {
    table.ratio(
        SECTION, measure, ratio, 0, goal, met == null ? Verdict.INFO : Verdict.of(met.test(ratio)));
  }

  private static void row(
      RatioTable table,
      String measure,
      Score a,
      Score b,
      String goal,
      java.util.function.DoublePredicate met) {
    double ratio = a.mean() / b.mean();
    double error = Math.hypot(a.relativeError(), b.relativeError());
    table.ratio(
        SECTION,
        measure,
        ratio,
        error,
        goal,
        met == null ? Verdict.INFO : Verdict.of(met.test(ratio)));
  }
}
