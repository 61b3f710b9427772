package no.regforms.expression.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

  private static final TypeEnvironment ENV = environment();

  private static TypeEnvironment environment() {
    Map<String, ExprType> treatment = new LinkedHashMap<>();
    treatment.put("drug", ExprType.code("drugs", Set.of("rituximab", "ocrelizumab", "other")));
    treatment.put("start_date", ExprType.DATE);
    treatment.put("dose", ExprType.NUMBER);
    treatment.put("ok", ExprType.BOOLEAN);
    Map<String, ExprType> names = new LinkedHashMap<>();
    for (String n : List.of("a", "b", "c", "x", "y")) {
      names.put(n, ExprType.NUMBER);
    }
    names.put("p", ExprType.BOOLEAN);
    names.put("q", ExprType.BOOLEAN);
    names.put("d1", ExprType.DATE);
    names.put("d2", ExprType.DATE);
    names.put("m1", ExprType.YEARMONTH);
    names.put("dt", ExprType.DATETIME);
    names.put("dt2", ExprType.DATETIME);
    names.put("s", ExprType.TEXT);
    names.put(
        "code",
        ExprType.code(
            "list",
            Set.of("k1", "k2", "k3"),
            Map.of("k1", BigDecimal.ONE, "k2", new BigDecimal("3"))));
    names.put("codes", ExprType.codes("list", Set.of("k1", "k2", "k3")));
    names.put("rows", ExprType.rows(treatment));
    return TypeEnvironment.of(names);
  }

  /** Evaluates {@code text} with {@code keysAndValues} (a null value is unknown). */
  private static Object eval(String text, Object... keysAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return ExpressionCompiler.create()
        .compile(text, ENV)
        .expressionOrThrow()
        .evaluate(
            new EvaluationContext() {
              @Override
              public Object value(String name) {
                return values.get(name);
              }

              @Override
              public boolean hasMissingReason(String name) {
                return name.equals("y");
              }

              @Override
              public LocalDate today() {
                return LocalDate.of(2025, 3, 1);
              }
            });
  }

  private static BigDecimal n(String value) {
    return new BigDecimal(value);
  }

  private static Boolean bool(String value) {
    return value.equals("null") ? null : Boolean.valueOf(value);
  }

  private static Map<String, Object> row(String drug, Object dose) {
    Map<String, Object> row = new HashMap<>();
    row.put("drug", drug);
    row.put("dose", dose);
    return row;
  }

  @ParameterizedTest
  @CsvSource({
    "true, true, true, true", "true, false, false, true", "true, null, null, true",
    "false, false, false, false", "false, null, false, null", "null, null, null, null"
  })
  void andOr_threeValuedTruthTable_followsSql(String p, String q, String and, String or) {
    assertThat(eval("p and q", "p", bool(p), "q", bool(q))).isEqualTo(bool(and));
    assertThat(eval("q and p", "p", bool(p), "q", bool(q))).isEqualTo(bool(and));
    assertThat(eval("p or q", "p", bool(p), "q", bool(q))).isEqualTo(bool(or));
    assertThat(eval("q or p", "p", bool(p), "q", bool(q))).isEqualTo(bool(or));
  }

  @Test
  void not_unknown_isUnknown() {
    assertThat(eval("not p", "p", null)).isNull();
    assertThat(eval("not p", "p", true)).isEqualTo(false);
  }

  @Test
  void comparison_withUnknownOperand_isUnknown() {
    assertThat(eval("a = 1", "a", null)).isNull();
    assertThat(eval("a < b", "a", 1)).isNull();
    assertThat(eval("a + 1", "a", null)).isNull();
  }

  @Test
  void arithmetic_mixedNumberTypes_normalisesToBigDecimal() {
    assertThat(eval("a + b * c", "a", 1, "b", 2L, "c", 1.5)).isEqualTo(n("4.0"));
    assertThat(eval("a = 2", "a", 2.0)).isEqualTo(true);
    assertThat(eval("a / b", "a", 10, "b", 4)).isEqualTo(n("2.5"));
    assertThat(eval("-a - 1", "a", n("2"))).isEqualTo(n("-3"));
  }

  @Test
  void division_byZero_isUnknown() {
    assertThat(eval("a / b", "a", 1, "b", 0)).isNull();
  }

  @Test
  void value_ofWrongJavaType_isUnknown() {
    assertThat(eval("a + 1", "a", "12")).isNull();
    assertThat(eval("d1 < date('2024-01-01')", "d1", "2023-01-01")).isNull();
    assertThat(eval("count(codes)", "codes", List.of(1, 2))).isNull();
    assertThat(eval("count(rows)", "rows", "not rows")).isNull();
    assertThat(eval("a + 1", "a", Double.NaN)).isNull();
  }

  @Test
  void in_withUnknowns_followsSql() {
    assertThat(eval("code in ('k1', 'k2')", "code", "k2")).isEqualTo(true);
    assertThat(eval("code not in ('k1', 'k2')", "code", "k2")).isEqualTo(false);
    assertThat(eval("code in ('k1', 'k2')", "code", "k3")).isEqualTo(false);
    assertThat(eval("code in ('k1')", "code", null)).isNull();
    assertThat(eval("a in (1, b)", "a", 2, "b", null)).isNull();
    assertThat(eval("a in (2, b)", "a", 2.0, "b", null)).isEqualTo(true);
  }

  @Test
  void filledEmptyAnswered_neverUnknown() {
    assertThat(eval("filled(a)", "a", null)).isEqualTo(false);
    assertThat(eval("empty(a)", "a", null)).isEqualTo(true);
    assertThat(eval("filled(a)", "a", 0)).isEqualTo(true);
    assertThat(eval("answered(a)", "a", null)).isEqualTo(false);
    assertThat(eval("answered(y)", "y", null)).isEqualTo(true);
  }

  @Test
  void coalesceAndIf_chooseValues() {
    assertThat(eval("coalesce(a, b, 3)", "a", null, "b", 2)).isEqualTo(n("2"));
    assertThat(eval("coalesce(a, b)")).isNull();
    assertThat(eval("if(p, 1, 2)", "p", true)).isEqualTo(n("1"));
    assertThat(eval("if(p, 1, 2)", "p", null)).isEqualTo(n("2"));
  }

  @ParameterizedTest
  @CsvSource({
    "2022-06-15, 2024-06-14, 23",
    "2022-06-15, 2024-06-15, 24",
    "2024-06-15, 2022-06-16, -23",
    "2024-01-31, 2024-02-29, 0",
    "2024-01-31, 2024-03-01, 1"
  })
  void monthsBetween_dates_countsWholeCalendarMonths(String from, String to, int months) {
    assertThat(
            eval("months_between(d1, d2)", "d1", LocalDate.parse(from), "d2", LocalDate.parse(to)))
        .isEqualTo(BigDecimal.valueOf(months));
  }

  @Test
  void monthsBetween_yearMonth_worksAtMonthPrecision() {
    assertThat(
            eval(
                "months_between(m1, d2)",
                "m1",
                YearMonth.of(2022, 6),
                "d2",
                LocalDate.of(2024, 6, 30)))
        .isEqualTo(n("24"));
    assertThat(
            eval(
                "months_between(d2, m1)",
                "m1",
                YearMonth.of(2022, 6),
                "d2",
                LocalDate.of(2024, 6, 30)))
        .isEqualTo(n("-24"));
    assertThat(
            eval(
                "years_between(m1, d2)",
                "m1",
                YearMonth.of(2022, 7),
                "d2",
                LocalDate.of(2024, 6, 1)))
        .isEqualTo(n("1"));
  }

  @ParameterizedTest
  @CsvSource({"2024-03-14, 33", "2024-03-15, 34", "2024-03-16, 34"})
  void ageAt_aroundBirthday_countsWholeYears(String date, int age) {
    assertThat(eval("age_at(d1, d2)", "d1", LocalDate.of(1990, 3, 15), "d2", LocalDate.parse(date)))
        .isEqualTo(BigDecimal.valueOf(age));
  }

  @Test
  void ageAt_leapDayBirth_turnsOnFirstOfMarch() {
    assertThat(
            eval(
                "age_at(d1, d2)", "d1", LocalDate.of(2000, 2, 29), "d2", LocalDate.of(2001, 2, 28)))
        .isEqualTo(n("0"));
    assertThat(
            eval("age_at(d1, d2)", "d1", LocalDate.of(2000, 2, 29), "d2", LocalDate.of(2001, 3, 1)))
        .isEqualTo(n("1"));
  }

  @Test
  void daysBetween_twoDateTimes_countsWholeDaysElapsed() {
    // 47 hours is one whole day, not the two calendar days it spans
    assertThat(
            eval(
                "days_between(dt, dt2)",
                "dt",
                LocalDateTime.of(2024, 1, 1, 0, 0),
                "dt2",
                LocalDateTime.of(2024, 1, 2, 23, 0)))
        .isEqualTo(n("1"));
    assertThat(eval("days_between(dt, add_days(dt, 2))", "dt", LocalDateTime.of(2024, 1, 1, 23, 0)))
        .isEqualTo(n("2"));
    assertThat(
            eval(
                "days_between(d1, dt)",
                "d1",
                LocalDate.of(2024, 1, 1),
                "dt",
                LocalDateTime.of(2024, 1, 2, 23, 0)))
        .isEqualTo(n("1"));
    assertThat(
            eval(
                "days_between(dt, d1)",
                "dt",
                LocalDateTime.of(2024, 1, 1, 1, 0),
                "d1",
                LocalDate.of(2024, 1, 3)))
        .isEqualTo(n("1"));
  }

  @Test
  void hoursAndMinutesBetween_dateTimes_countWholeUnitsTowardZero() {
    LocalDateTime admitted = LocalDateTime.of(2024, 1, 1, 23, 0);
    assertThat(
            eval(
                "hours_between(dt, dt2)",
                "dt",
                admitted,
                "dt2",
                admitted.plusHours(47).plusMinutes(59)))
        .isEqualTo(n("47"));
    assertThat(
            eval(
                "hours_between(dt2, dt)",
                "dt",
                admitted,
                "dt2",
                admitted.plusHours(47).plusMinutes(59)))
        .isEqualTo(n("-47"));
    assertThat(eval("hours_between(dt, d1)", "dt", admitted, "d1", LocalDate.of(2024, 1, 3)))
        .isEqualTo(n("25"));
    assertThat(eval("minutes_between(d1, dt)", "d1", LocalDate.of(2024, 1, 2), "dt", admitted))
        .isEqualTo(n("-60"));
    assertThat(
            eval(
                "hours_between(d1, dt)",
                "d1",
                LocalDate.of(2024, 1, 2),
                "dt",
                admitted.plusMinutes(59)))
        .isEqualTo(n("0"));
    assertThat(eval("hours_between(dt, d1)", "dt", admitted)).isNull();
  }

  @Test
  void dateOf_dateTime_isItsCalendarDate() {
    assertThat(eval("date(dt)", "dt", LocalDateTime.of(2024, 1, 1, 23, 59)))
        .isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(
            eval(
                "date(dt) = d1",
                "dt",
                LocalDateTime.of(2024, 1, 1, 0, 0),
                "d1",
                LocalDate.of(2024, 1, 1)))
        .isEqualTo(true);
    assertThat(eval("date(dt)")).isNull();
  }

  @Test
  void dateFunctions_computeCalendarValues() {
    LocalDate d = LocalDate.of(2024, 1, 31);
    assertThat(eval("days_between(d1, d2)", "d1", d, "d2", LocalDate.of(2024, 3, 1)))
        .isEqualTo(n("30"));
    assertThat(
            eval(
                "days_between(dt, d2)",
                "dt",
                LocalDateTime.of(2024, 1, 1, 23, 59),
                "d2",
                LocalDate.of(2024, 1, 2)))
        .isEqualTo(n("0")); // one minute elapsed: a date counts from its midnight
    assertThat(eval("year(d1) + month(d1)", "d1", d)).isEqualTo(n("2025"));
    assertThat(eval("month(m1)", "m1", YearMonth.of(2022, 6))).isEqualTo(n("6"));
    assertThat(eval("add_days(d1, 1)", "d1", d)).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(eval("add_months(d1, 1)", "d1", d)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(eval("add_days(d1, 1.5)", "d1", d)).isNull();
    assertThat(eval("date(2024, 2, 29)")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(eval("date(2023, 2, 29)")).isNull();
    assertThat(eval("today()")).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(
            eval(
                "d1 < date('2024-02-01') and m1 >= yearmonth('2024-01')",
                "d1",
                d,
                "m1",
                YearMonth.of(2024, 1)))
        .isEqualTo(true);
  }

  @Test
  void numberFunctions_roundHalfUpAndAggregateStrictly() {
    assertThat(eval("round(a)", "a", n("2.5"))).isEqualTo(n("3"));
    assertThat(eval("round(a, 1)", "a", n("-2.45"))).isEqualTo(n("-2.5"));
    assertThat(eval("abs(a)", "a", -3)).isEqualTo(n("3"));
    assertThat(eval("min(a, b, 2)", "a", 5, "b", 1)).isEqualTo(n("1"));
    assertThat(eval("max(a, b)", "a", 5, "b", null)).isNull();
    assertThat(eval("max(d1, d2)", "d1", LocalDate.of(2020, 1, 1), "d2", LocalDate.of(2021, 1, 1)))
        .isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(eval("sum(a, b, c)", "a", 1, "b", 2, "c", 3)).isEqualTo(n("6"));
    assertThat(eval("sum(a, b, c)", "a", 1, "b", 2)).isNull();
    assertThat(eval("mean(a, b)", "a", 1, "b", 2)).isEqualTo(n("1.5"));
    assertThat(eval("count_filled(a, b, c)", "a", 1, "c", 0)).isEqualTo(n("2"));
  }

  @Test
  void textFunctions_matchContainAndMeasure() {
    assertThat(eval("matches(s, '[0-9]{3}')", "s", "123")).isEqualTo(true);
    assertThat(eval("matches(s, '[0-9]{3}')", "s", "1234")).isEqualTo(false);
    assertThat(eval("matches(s, 'a')", "s", null)).isNull();
    assertThat(eval("contains(s, 'ell')", "s", "hello")).isEqualTo(true);
    assertThat(eval("contains(codes, 'k2')", "codes", List.of("k1", "k2"))).isEqualTo(true);
    assertThat(eval("contains(codes, 'k3')", "codes", List.of("k1"))).isEqualTo(false);
    assertThat(eval("length(s)", "s", "blåbær")).isEqualTo(n("6"));
    assertThat(eval("score(code)", "code", "k2")).isEqualTo(n("3"));
    assertThat(eval("score(code)", "code", "k3")).isNull();
    assertThat(eval("score(code)", "code", null)).isNull();
    assertThat(eval("count(codes)", "codes", List.of("k1", "k3"))).isEqualTo(n("2"));
  }

  @Test
  void matches_pathologicalPattern_finishesInLinearTime() {
    assertThat(eval("matches(s, '(a+)+$')", "s", "a".repeat(10_000) + "!")).isEqualTo(false);
  }

  @Test
  void anyAll_withUnknownRows_followThreeValuedLogic() {
    List<Map<String, Object>> rows = List.of(row("rituximab", 1), row(null, 2));
    assertThat(eval("any(rows, t, t.drug = 'rituximab')", "rows", rows)).isEqualTo(true);
    assertThat(eval("any(rows, t, t.drug = 'other')", "rows", rows)).isNull();
    assertThat(eval("all(rows, t, t.drug = 'rituximab')", "rows", rows)).isNull();
    assertThat(eval("all(rows, t, t.dose > 5)", "rows", rows)).isEqualTo(false);
    assertThat(eval("all(rows, t, t.dose > 0)", "rows", rows)).isEqualTo(true);
    assertThat(eval("any(rows, t, true)", "rows", List.of())).isEqualTo(false);
    assertThat(eval("all(rows, t, false)", "rows", List.of())).isEqualTo(true);
    assertThat(eval("any(rows, t, true)", "rows", null)).isNull();
  }

  @Test
  void aggregates_overRows_skipUnknownValues() {
    List<Map<String, Object>> rows =
        List.of(row("rituximab", 1), row("other", null), row("other", 4.5));
    assertThat(eval("sum(rows, t, t.dose)", "rows", rows)).isEqualTo(n("5.5"));
    assertThat(eval("mean(rows, t, t.dose)", "rows", rows)).isEqualTo(n("2.75"));
    assertThat(eval("min(rows, t, t.dose)", "rows", rows)).isEqualTo(n("1"));
    assertThat(eval("max(rows, t, t.dose)", "rows", rows)).isEqualTo(n("4.5"));
    assertThat(eval("count(rows)", "rows", rows)).isEqualTo(n("3"));
    assertThat(eval("count(rows, t, t.drug = 'other')", "rows", rows)).isEqualTo(n("2"));
    assertThat(eval("count(rows, t, t.dose > 2)", "rows", rows)).isEqualTo(n("1"));
  }

  @Test
  void aggregates_overNoRows_giveZeroOrUnknown() {
    assertThat(eval("sum(rows, t, t.dose)", "rows", List.of())).isEqualTo(BigDecimal.ZERO);
    assertThat(eval("mean(rows, t, t.dose)", "rows", List.of())).isNull();
    assertThat(eval("min(rows, t, t.dose)", "rows", List.of())).isNull();
    assertThat(eval("count(rows)", "rows", List.of())).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void collections_nested_seeOuterRow() {
    List<Map<String, Object>> rows = List.of(row("rituximab", 1), row("other", 3));
    assertThat(eval("count(rows, t, any(rows, u, u.dose > t.dose))", "rows", rows))
        .isEqualTo(n("1"));
    assertThat(eval("sum(rows, t, sum(rows, u, t.dose * u.dose))", "rows", rows))
        .isEqualTo(n("16"));
  }

  @Test
  void collections_rowNotAMap_readsUnknownMembers() {
    List<Object> rows = Arrays.asList("junk", null, row("other", 2));
    assertThat(eval("sum(rows, t, t.dose)", "rows", rows)).isEqualTo(n("2"));
  }

  @Test
  void madrsTotal_sumsTenItems() {
    Map<String, ExprType> items = new LinkedHashMap<>();
    Map<String, Object> values = new HashMap<>();
    StringBuilder text = new StringBuilder("sum(");
    for (int i = 1; i <= 10; i++) {
      items.put("madrs_" + i, ExprType.NUMBER);
      values.put("madrs_" + i, i % 7);
      text.append(i > 1 ? ", " : "").append("madrs_").append(i);
    }
    Object total =
        ExpressionCompiler.create()
            .compile(text + ")", TypeEnvironment.of(items))
            .expressionOrThrow()
            .evaluate(EvaluationContext.of(values));
    assertThat(total).isEqualTo(n("27"));
  }
}
