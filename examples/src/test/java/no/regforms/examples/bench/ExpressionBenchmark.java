package no.regforms.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.regforms.definition.Code;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.record.Record;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One expression of the MS registry evaluated by regforms and by Apache JEXL 3 on the same values
 * (each record's values as the validator types them: decimals, dates, codes), one pass over the
 * records of the expression's form. Setup checks that both engines give the same value on every
 * record, so the two sides do the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpressionBenchmark {

  /** One of {@link Case}'s names. */
  @Param({"msis29_arithmetic", "and_or", "and_or_dates", "comparison", "date_function"})
  public String expression;

  /** A JSON Lines file of MS records. */
  @Param("")
  public String records;

  /** An expression in both languages, and the form whose records it reads. */
  enum Case {
    msis29_arithmetic(
        "msis29",
        "round((sum(" + items(1, 20, "score(%s)", ", ") + ") - 20) / 80 * 100, 1)",
        "f:round(((" + items(1, 20, "scores[%s]", " + ") + ") - 20) / 80 * 100, 1)"),
    and_or(
        "inclusion",
        "csf_done = true and (ocb = 'positive' or ocb = 'negative') or mri_at_diagnosis = true and relapses_before_diagnosis >= 2",
        "csf_done == true && (ocb == 'positive' || ocb == 'negative') || mri_at_diagnosis == true && relapses_before_diagnosis >= 2"),
    and_or_dates(
        "inclusion",
        "ms_type_onset = 'RRMS' and diagnosis_date <= date(report_year, 12, 31)"
            + " and (empty(death_date) or death_date > date(report_year, 12, 31))",
        "ms_type_onset == 'RRMS' && diagnosis_date <= f:date(report_year, 12, 31)"
            + " && (empty(death_date) || death_date > f:date(report_year, 12, 31))"),
    comparison("inclusion", "referral_date <= diagnosis_date", "referral_date <= diagnosis_date"),
    date_function(
        "inclusion",
        "days_between(referral_date, diagnosis_date) <= 28",
        "f:daysBetween(referral_date, diagnosis_date) <= 28");

    final String form;
    final String regforms;
    final String jexl;

    Case(String form, String regforms, String jexl) {
      this.form = form;
      this.regforms = regforms;
      this.jexl = jexl;
    }

    /**
     * MSIS-29 items {@code from} to {@code to}, each written into {@code item} (the item's scored
     * value).
     */
    private static String items(int from, int to, String item, String separator) {
      return IntStream.rangeClosed(from, to)
          .mapToObj(i -> String.format(item, String.format("msis29_%02d", i)))
          .collect(Collectors.joining(separator));
    }
  }

  private static final BigDecimal REPORT_YEAR = BigDecimal.valueOf(2024);

  private CompiledExpression compiled;
  private JexlExpression jexl;
  private List<Map<String, Object>> values;

  @Setup
  public void setUp() throws IOException {
    Case chosen = Case.valueOf(expression);
    Registry ms = DefinitionLoader.create().loadModule("ms").registryOrThrow();
    Form form = ms.formOrThrow(chosen.form);
    compiled =
        ExpressionCompiler.create()
            .compile(chosen.regforms, form.environment().with("report_year", ExprType.NUMBER))
            .expressionOrThrow();
    JexlEngine engine =
        new JexlBuilder()
            .namespaces(Map.of("f", JexlFunctions.class))
            .permissions(JexlPermissions.RESTRICTED.compose("no.regforms.examples.bench.*"))
            .strict(false)
            .silent(false)
            .cache(64)
            .create();
    jexl = engine.createExpression(chosen.jexl);
    values = typedValues(ms, chosen.form, Path.of(records));
    for (int i = 0; i < values.size(); i++) {
      Object ours = compiled.evaluate(EvaluationContext.of(values.get(i)));
      Object theirs = jexl.evaluate(new MapContext(values.get(i)));
      if (!same(ours, theirs)) {
        throw new IllegalStateException(
            expression
                + ": regforms and JEXL disagree on record "
                + (i + 1)
                + " of form "
                + chosen.form);
      }
    }
  }

  /**
   * Each record of {@code form}: its values as the validator types them, with the run's report year
   * and, for JEXL, which has no {@code score(code)}, the MSIS-29 scale's scores as a map ({@code
   * scores[code]}).
   */
  static List<Map<String, Object>> typedValues(Registry registry, String form, Path file)
      throws IOException {
    RecordValidator validator = RecordValidator.of(registry);
    Map<String, BigDecimal> scores = new HashMap<>();
    for (Code code : registry.codeLists().get("msis29_extent").codes())
      scores.put(code.code(), code.score().orElseThrow());
    List<Map<String, Object>> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Record record = RecordParser.parse(line, ++number).record().orElseThrow();
        if (!record.form().equals(form)) continue;
        Map<String, Object> typed = new HashMap<>(validator.validate(record).values());
        typed.put("report_year", REPORT_YEAR);
        typed.put("scores", scores);
        out.add(typed);
      }
    }
    if (out.isEmpty()) throw new IllegalStateException(file + " has no records of form " + form);
    return out;
  }

  private static boolean same(Object ours, Object theirs) {
    if (ours instanceof BigDecimal a && theirs instanceof Number b) {
      return a.compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (ours == null || ours instanceof Boolean) {
      return Boolean.TRUE.equals(ours) == Boolean.TRUE.equals(theirs);
    }
    return ours.equals(theirs);
  }

  @Benchmark
  public void regforms(Blackhole sink) {
    for (Map<String, Object> record : values) {
      sink.consume(compiled.evaluate(EvaluationContext.of(record)));
    }
  }

  @Benchmark
  public void jexl(Blackhole sink) {
    for (Map<String, Object> record : values) {
      sink.consume(jexl.evaluate(new MapContext(record)));
    }
  }
}
