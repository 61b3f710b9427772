package no.regforms.expression.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;
import no.regforms.render.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates a corpus of expressions (every function, unknown inputs, calendar edge cases, exact
 * decimals) on the JVM and, compiled by {@link JavaScriptEmitter}, in headless Chromium, and
 * requires the same result for each.
 */
class JavaScriptEmitterDifferentialTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Browser browser;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  private static final TypeEnvironment ENV = TypeEnvironment.of(fields());

  private static Map<String, ExprType> fields() {
    Map<String, ExprType> f = new LinkedHashMap<>();
    f.put("a", ExprType.NUMBER);
    f.put("b", ExprType.NUMBER);
    f.put("t", ExprType.TEXT);
    f.put("d1", ExprType.DATE);
    f.put("d2", ExprType.DATE);
    f.put("ym", ExprType.YEARMONTH);
    f.put("ym2", ExprType.YEARMONTH);
    f.put("dt", ExprType.DATETIME);
    f.put("dt2", ExprType.DATETIME);
    f.put("flag", ExprType.BOOLEAN);
    f.put(
        "code",
        ExprType.code(
            "abc",
            Set.of("x", "y", "z"),
            Map.of("x", BigDecimal.ZERO, "y", new BigDecimal("2.5"))));
    f.put("codes", ExprType.codes("abc", Set.of("x", "y", "z")));
    Map<String, ExprType> row = new LinkedHashMap<>();
    row.put("n", ExprType.NUMBER);
    row.put("ok", ExprType.BOOLEAN);
    row.put("d", ExprType.DATE);
    f.put("rows", ExprType.rows(row));
    return f;
  }

  private static final List<String> CORPUS =
      List.of(
          "a + b",
          "a - b",
          "a * b",
          "a / b",
          "1 / 3",
          "2 / 3 * 3",
          "-a",
          "10 / 4",
          "0.1 + 0.2 = 0.3",
          "a / 0",
          "a > b",
          "a <= b",
          "a = 12.50",
          "a != b",
          "t = 'Hello åø'",
          "t < 'Z'",
          "length(t)",
          "contains(t, 'll')",
          "matches(t, 'H[a-z]+ .*')",
          "matches(t, '\\\\w+\\\\s\\\\S+')",
          "matches(t, 'a{2,}|H.llo\\\\b.*')",
          "flag and a > 0",
          "flag or a > 100",
          "not flag",
          "flag and b > 100",
          "flag or b > 100",
          "(a > 100) and (b > 100)",
          "code = 'x'",
          "score(code)",
          "score(code) + a",
          "code in ('x', 'y')",
          "code not in ('y', 'z')",
          "a in (1, 12.5)",
          "contains(codes, 'z')",
          "count(codes)",
          "filled(a)",
          "empty(a)",
          "answered(a)",
          "coalesce(a, b, 0)",
          "coalesce(b, a)",
          "if(flag, a, b)",
          "if(a > 1000, 'big', 'small')",
          "year(d1)",
          "month(d1)",
          "year(ym)",
          "month(dt)",
          "today()",
          "days_between(d1, d2)",
          "days_between(d1, dt)",
          "days_between(dt, dt2)",
          "days_between(dt2, dt)",
          "hours_between(dt, dt2)",
          "hours_between(dt2, dt)",
          "minutes_between(dt, dt2)",
          "hours_between(d1, dt)",
          "minutes_between(dt, d2)",
          "date(dt)",
          "date(dt) = d1",
          "days_between(date(dt), date(dt2))",
          "months_between(d1, d2)",
          "months_between(d2, d1)",
          "months_between(ym, d2)",
          "months_between(d1, ym2)",
          "months_between(ym, ym2)",
          "years_between(d1, d2)",
          "years_between(ym, ym2)",
          "age_at(d1, today())",
          "months_between(date('2022-06-15'), date('2024-06-14'))",
          "months_between(date('2022-06-15'), date('2024-06-15'))",
          "months_between(yearmonth('2022-06'), date('2024-06-30'))",
          "months_between(date('2024-01-31'), date('2024-02-29'))",
          "months_between(date('2024-03-31'), date('2024-02-29'))",
          "years_between(date('2000-02-29'), date('2025-02-28'))",
          "add_days(d1, 30)",
          "add_days(d1, -400)",
          "add_days(dt, 1)",
          "add_days(d1, 1.5)",
          "add_months(d1, 1)",
          "add_months(date('2024-01-31'), 1)",
          "add_months(ym, -7)",
          "add_months(dt, 12)",
          "date(2024, 2, 29)",
          "date(2023, 2, 29)",
          "date(2024, 13, 1)",
          "yearmonth(2024, 12)",
          "date(year(d1), 1, 1)",
          "d1 < d2",
          "ym >= ym2",
          "dt > dt",
          "round(a)",
          "round(2.5)",
          "round(-2.5)",
          "round(a / 3, 2)",
          "round(1234.5678, -2)",
          "round(a, 1.5)",
          "abs(0 - a)",
          "min(a, b)",
          "max(a, b, 3)",
          "min(d1, d2)",
          "max(ym, ym2)",
          "sum(a, b)",
          "mean(a, b, 1)",
          "mean(a, b)",
          "count_filled(a, b, t, flag)",
          "count(rows)",
          "count(rows, r, r.ok)",
          "sum(rows, r, r.n)",
          "mean(rows, r, r.n)",
          "min(rows, r, r.n)",
          "max(rows, r, r.d)",
          "any(rows, r, r.ok)",
          "all(rows, r, r.ok)",
          "any(rows, r, r.n > 2)",
          "all(rows, r, r.n > 0)",
          "any(rows, r, any(rows, s, s.n > r.n))",
          "sum(rows, r, r.n * a) / count(rows)");

  private static List<Map<String, Object>> contexts() {
    Map<String, Object> full = new HashMap<>();
    full.put("a", new BigDecimal("12.5"));
    full.put("b", new BigDecimal("4"));
    full.put("t", "Hello åø");
    full.put("d1", LocalDate.of(2022, 6, 15));
    full.put("d2", LocalDate.of(2024, 6, 14));
    full.put("ym", YearMonth.of(2022, 6));
    full.put("ym2", YearMonth.of(2024, 5));
    full.put("dt", LocalDateTime.of(2024, 3, 1, 10, 15));
    full.put("dt2", LocalDateTime.of(2024, 3, 3, 9, 14, 59, 500_000_000));
    full.put("flag", true);
    full.put("code", "x");
    full.put("codes", List.of("x", "z"));
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row(new BigDecimal("1.5"), true, LocalDate.of(2024, 1, 31)));
    rows.add(row(null, false, null));
    rows.add(row(new BigDecimal("3"), null, LocalDate.of(2023, 12, 31)));
    full.put("rows", rows);

    Map<String, Object> edge = new HashMap<>();
    edge.put("a", new BigDecimal("-7.25"));
    edge.put("b", new BigDecimal("0"));
    edge.put("t", "");
    edge.put("d1", LocalDate.of(2024, 2, 29));
    edge.put("d2", LocalDate.of(2023, 3, 1));
    edge.put("ym", YearMonth.of(2024, 12));
    edge.put("ym2", YearMonth.of(2024, 12));
    edge.put("dt", LocalDateTime.of(1999, 12, 31, 23, 59, 59));
    edge.put("dt2", LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1));
    edge.put("flag", false);
    edge.put("code", "z");
    edge.put("codes", List.of());
    edge.put("rows", List.of());

    Map<String, Object> some = new HashMap<>(full);
    some.keySet().removeAll(Set.of("b", "d2", "flag", "ym2"));
    some.put(
        "rows",
        List.of(row(new BigDecimal("0.1"), true, null), row(new BigDecimal("0.2"), null, null)));
    return List.of(full, edge, some, Map.of());
  }

  private static Map<String, Object> row(BigDecimal n, Boolean ok, LocalDate d) {
    Map<String, Object> row = new HashMap<>();
    row.put("n", n);
    row.put("ok", ok);
    row.put("d", d);
    return row;
  }

  @Test
  void emit_corpusOverContexts_browserAgreesWithJvm() throws Exception {
    ExpressionCompiler compiler = ExpressionCompiler.create();
    List<CompiledExpression> compiled = new ArrayList<>();
    for (String text : CORPUS) {
      compiled.add(compiler.compile(text, ENV).expressionOrThrow());
    }
    List<Map<String, Object>> contexts = contexts();
    List<String> expected = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int ci = 0; ci < contexts.size(); ci++) {
      Map<String, Object> values = contexts.get(ci);
      EvaluationContext context =
          new EvaluationContext() {
            @Override
            public Object value(String name) {
              return values.get(name);
            }

            @Override
            public boolean hasMissingReason(String name) {
              return name.equals("b");
            }

            @Override
            public LocalDate today() {
              return TODAY;
            }
          };
      for (CompiledExpression expression : compiled) {
        expected.add(canonical(expression.evaluate(context)));
        labels.add("context " + ci + ": " + expression.text());
      }
    }

    StringBuilder script =
        new StringBuilder(JavaScriptEmitter.regexEngine())
            .append('\n')
            .append(JavaScriptEmitter.runtime())
            .append("\nvar fns=[");
    List<String> kinds = new ArrayList<>();
    for (CompiledExpression expression : compiled) {
      script.append(JavaScriptEmitter.emit(expression)).append(",\n");
      kinds.add(JavaScriptEmitter.kindCode(expression.type().kind()));
    }
    script.append("];\n").append(HARNESS);
    List<Object> tagged = new ArrayList<>();
    for (Map<String, Object> values : contexts) {
      tagged.add(tag(values));
    }
    Object result =
        browser.script(
            script.toString(),
            JSON.writeValueAsString(tagged),
            JSON.writeValueAsString(kinds),
            (int) TODAY.toEpochDay());
    @SuppressWarnings("unchecked")
    List<String> actual = (List<String>) result;

    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        mismatches.add(labels.get(i) + " JVM " + expected.get(i) + " JS " + actual.get(i));
      }
    }
    assertThat(actual).hasSize(expected.size());
    assertThat(mismatches).isEmpty();
  }

  /** Runs every function over every context; arguments: tagged contexts, result kinds, today. */
  private static final String HARNESS =
      String.join(
          "\n",
          "var R = RegformsExpr;",
          "var contexts = JSON.parse(arguments[0]), kinds = JSON.parse(arguments[1]), today = arguments[2];",
          "function untag(v) {",
          "  if (v === null) return null;",
          "  if (Array.isArray(v)) return v.map(untag);",
          "  if (typeof v !== 'object') return v;",
          "  if ('N' in v) return R.n(v.N);",
          "  if ('D' in v) return R.parseDate(v.D);",
          "  if ('Y' in v) return R.parseMonth(v.Y);",
          "  if ('T' in v) return R.parseDateTime(v.T);",
          "  var row = {}; for (var k in v.row) row[k] = untag(v.row[k]); return row;",
          "}",
          "function canon(v, kind) {",
          "  if (v === null) return 'null';",
          "  switch (kind) {",
          "    case 'N': return 'N:' + R.decText(v);",
          "    case 'D': return 'D:' + R.dateText(v);",
          "    case 'Y': return 'Y:' + R.monthText(v);",
          "    case 'T': return 'T:' + R.dateTimeText(v);",
          "    case 'L': return 'L:' + JSON.stringify(v);",
          "    default: return typeof v + ':' + String(v);",
          "  }",
          "}",
          "var out = [];",
          "contexts.forEach(function (tagged) {",
          "  var values = {}; for (var k in tagged) values[k] = untag(tagged[k]);",
          "  var c = { v: function (n, kind) { return R.coerce(values[n], kind); },",
          "            m: function (n) { return n === 'b'; }, today: function () { return today; } };",
          "  fns.forEach(function (f, i) { out.push(canon(f(c), kinds[i])); });",
          "});",
          "return out;");

  private static Object tag(Object value) {
    if (value instanceof BigDecimal number) {
      return Map.of("N", number.toPlainString());
    } else if (value instanceof LocalDate date) {
      return Map.of("D", date.toString());
    } else if (value instanceof YearMonth month) {
      return Map.of("Y", month.toString());
    } else if (value instanceof LocalDateTime dateTime) {
      return Map.of("T", dateTime.toString());
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(tag(item)));
      return out;
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> fields = new HashMap<>();
      map.forEach((k, v) -> fields.put(String.valueOf(k), tag(v)));
      boolean isRow = map.containsKey("n");
      return isRow ? Map.of("row", fields) : fields;
    }
    return value;
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof BigDecimal number) {
      return "N:" + (number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
    } else if (value instanceof LocalDate date) {
      return "D:" + date;
    } else if (value instanceof YearMonth month) {
      return "Y:" + month;
    } else if (value instanceof LocalDateTime dateTime) {
      return "T:" + dateTime;
    } else if (value instanceof List<?> list) {
      return "L:"
          + Arrays.toString(list.toArray())
              .replace(", ", "\",\"")
              .replace("[", "[\"")
              .replace("]", "\"]");
    } else if (value instanceof Boolean bool) {
      return "boolean:" + bool;
    }
    return "string:" + value;
  }
}
