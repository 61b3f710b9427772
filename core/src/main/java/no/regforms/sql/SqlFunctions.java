package no.regforms.sql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.regforms.expression.Builtin;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.parser.Expr;

/**
 * The SQL of every built-in function, per dialect: one {@link FunctionTable} each, with an entry or
 * a declared reason for every {@link Builtin}. The calendar functions are written out in arithmetic
 * on year, month and day, because SQL's own date differences count calendar boundaries (DuckDB's
 * {@code date_diff('month', ...)}) or return intervals ({@code age()} in PostgreSQL), while the
 * language counts whole calendar months as Java's {@code ChronoUnit} does.
 */
final class SqlFunctions {

  /** Writes one call. */
  @FunctionalInterface
  interface Entry {
    String write(ExpressionSql writer, Expr.Call call);
  }

  private static final Map<SqlDialect, FunctionTable<Entry>> TABLES = tables();

  private SqlFunctions() {}

  /** The table of {@code dialect}. */
  static FunctionTable<Entry> table(SqlDialect dialect) {
    return TABLES.get(dialect);
  }

  private static Map<SqlDialect, FunctionTable<Entry>> tables() {
    Map<SqlDialect, FunctionTable<Entry>> tables = new EnumMap<>(SqlDialect.class);
    for (SqlDialect dialect : SqlDialect.values()) {
      tables.put(dialect, build(dialect));
    }
    return tables;
  }

  private static FunctionTable<Entry> build(SqlDialect dialect) {
    FunctionTable.Builder<Entry> table =
        FunctionTable.<Entry>builder("SQL (" + dialect.key() + ")")
            .put(Builtin.FILLED, (w, c) -> "(" + w.argument(c, 0) + " IS NOT NULL)")
            .put(Builtin.EMPTY, (w, c) -> "(" + w.argument(c, 0) + " IS NULL)")
            // An indicator's case carries values only, no missing-value reasons, as in the JVM
            // engine.
            .put(Builtin.ANSWERED, (w, c) -> "(" + w.argument(c, 0) + " IS NOT NULL)")
            .put(Builtin.COALESCE, (w, c) -> "coalesce(" + arguments(w, c) + ")")
            .put(
                Builtin.IF,
                (w, c) ->
                    "CASE WHEN "
                        + w.argument(c, 0)
                        + " THEN "
                        + w.argument(c, 1)
                        + " ELSE "
                        + w.argument(c, 2)
                        + " END")
            .put(Builtin.YEAR, (w, c) -> w.syntax().year(w.argument(c, 0)))
            .put(Builtin.MONTH, (w, c) -> w.syntax().month(w.argument(c, 0)))
            .put(Builtin.TODAY, (w, c) -> w.syntax().dateLiteral(w.today().toString()))
            .put(
                Builtin.DAYS_BETWEEN,
                (w, c) ->
                    anyDateTime(w, c)
                        ? elapsed(w, c, SECONDS_A_DAY)
                        : w.syntax().daysBetween(w.argument(c, 0), w.argument(c, 1)))
            .put(Builtin.HOURS_BETWEEN, (w, c) -> elapsed(w, c, 3_600))
            .put(Builtin.MINUTES_BETWEEN, (w, c) -> elapsed(w, c, 60))
            .put(Builtin.DATE_OF, (w, c) -> w.syntax().date(w.argument(c, 0)))
            .put(Builtin.MONTHS_BETWEEN, SqlFunctions::monthsBetween)
            .put(
                (w, c) -> w.syntax().truncatedDivision(monthsBetween(w, c), 12),
                Builtin.YEARS_BETWEEN,
                Builtin.AGE_AT)
            .put(
                Builtin.ADD_DAYS,
                (w, c) -> {
                  Kind kind = w.kindOf(c.arguments().get(0));
                  if (kind == Kind.YEARMONTH)
                    return "CAST(NULL AS DATE)"; // a year-month has no days to add
                  String days = w.argument(c, 1);
                  return "CASE WHEN "
                      + whole(days)
                      + " THEN "
                      + w.syntax().addDays(w.argument(c, 0), days, kind)
                      + " END";
                })
            .put(
                Builtin.ADD_MONTHS,
                (w, c) -> {
                  String months = w.argument(c, 1);
                  return "CASE WHEN "
                      + whole(months)
                      + " THEN "
                      + w.syntax()
                          .addMonths(w.argument(c, 0), months, w.kindOf(c.arguments().get(0)))
                      + " END";
                })
            .put(Builtin.DATE, SqlFunctions::date)
            .put(
                Builtin.YEARMONTH,
                (w, c) -> guardedDate(w, w.argument(c, 0), w.argument(c, 1), "1"))
            .put(Builtin.ROUND, (w, c) -> w.syntax().round(w.argument(c, 0), "0", true))
            .put(Builtin.ROUND_TO, SqlFunctions::roundTo)
            .put(Builtin.ABS, (w, c) -> "abs(" + w.argument(c, 0) + ")")
            .put(Builtin.MIN, (w, c) -> strictExtreme(w, c, "least"))
            .put(Builtin.MAX, (w, c) -> strictExtreme(w, c, "greatest"))
            .put(Builtin.SUM, (w, c) -> Syntax.sum(all(w, c)))
            .put(
                Builtin.MEAN,
                (w, c) -> "(" + Syntax.sum(all(w, c)) + " / " + c.arguments().size() + ")")
            .put(
                (w, c) -> w.syntax().listSize(w.argument(c, 0)),
                Builtin.COUNT_ROWS,
                Builtin.COUNT_CODES)
            .put(
                Builtin.COUNT_FILLED,
                (w, c) ->
                    Syntax.sum(
                        all(w, c).stream()
                            .map(a -> "CASE WHEN " + a + " IS NOT NULL THEN 1 ELSE 0 END")
                            .collect(Collectors.toList())))
            .put(
                Builtin.CONTAINS_TEXT,
                (w, c) -> w.syntax().containsText(w.argument(c, 0), w.argument(c, 1)))
            .put(
                Builtin.CONTAINS_CODE,
                (w, c) -> w.syntax().containsCode(w.argument(c, 0), w.argument(c, 1)))
            .put(Builtin.LENGTH, (w, c) -> w.syntax().length(w.argument(c, 0)))
            .put(Builtin.SCORE, SqlFunctions::score);
    for (Builtin function : Builtin.values()) {
      if (function.bindsRow()) table.put(function, (w, c) -> w.overRows(function, c));
    }
    if (dialect == SqlDialect.SPARK) {
      table.refuse(
          "Spark's rlike runs Java regular expressions, which backtrack: a pattern could take exponential "
              + "time, where the language promises RE2's linear time",
          Builtin.MATCHES);
    } else {
      table.put(
          Builtin.MATCHES,
          (w, c) ->
              w.syntax()
                  .matches(w.argument(c, 0), ((Expr.TextLiteral) c.arguments().get(1)).value()));
    }
    return table.build();
  }

  private static final long SECONDS_A_DAY = 86_400;

  private static boolean anyDateTime(ExpressionSql w, Expr.Call call) {
    return call.arguments().stream().anyMatch(a -> w.kindOf(a) == Kind.DATETIME);
  }

  /**
   * Whole periods of {@code seconds} elapsed from the first argument to the second, truncated
   * toward zero as Java's {@code ChronoUnit.between} on date-times; a date counts from its
   * midnight.
   */
  private static String elapsed(ExpressionSql w, Expr.Call call, long seconds) {
    return w.syntax().elapsed(w.argument(call, 0), w.argument(call, 1), seconds);
  }

  private static List<String> all(ExpressionSql w, Expr.Call call) {
    List<String> out = new ArrayList<>();
    for (Expr argument : call.arguments()) out.add(w.sql(argument));
    return out;
  }

  private static String arguments(ExpressionSql w, Expr.Call call) {
    return String.join(", ", all(w, call));
  }

  /** Whether the number {@code x} is whole; NULL when it is unknown. */
  private static String whole(String x) {
    return "(" + x + " = floor(" + x + "))";
  }

  /**
   * Whole calendar months from the first argument to the second, truncated toward zero as Java's
   * {@code ChronoUnit.MONTHS.between}: the month difference, less one when it is positive and the
   * day of month has not been reached (more one when negative). With a year-month on either side,
   * the months between the two months.
   */
  private static String monthsBetween(ExpressionSql w, Expr.Call call) {
    Syntax s = w.syntax();
    String from = w.argument(call, 0);
    String to = w.argument(call, 1);
    String months =
        "(("
            + s.year(to)
            + " * 12 + "
            + s.month(to)
            + ") - ("
            + s.year(from)
            + " * 12 + "
            + s.month(from)
            + "))";
    boolean monthPrecision =
        w.kindOf(call.arguments().get(0)) == Kind.YEARMONTH
            || w.kindOf(call.arguments().get(1)) == Kind.YEARMONTH;
    if (monthPrecision) return months;
    String days = "(" + s.day(to) + " - " + s.day(from) + ")";
    return "("
        + months
        + " - CASE WHEN "
        + months
        + " > 0 AND "
        + days
        + " < 0 THEN 1 WHEN "
        + months
        + " < 0 AND "
        + days
        + " > 0 THEN -1 ELSE 0 END)";
  }

  /**
   * {@code date(y, m, d)}: folded when all three are literals, else checked before SQL builds it.
   */
  private static String date(ExpressionSql w, Expr.Call call) {
    BigDecimal y = ExpressionSql.literal(call, 0);
    BigDecimal m = ExpressionSql.literal(call, 1);
    BigDecimal d = ExpressionSql.literal(call, 2);
    if (y != null && m != null && d != null) {
      // Folded here: PostgreSQL may evaluate constant calls while planning, even in a CASE branch
      // never taken.
      try {
        return w.syntax()
            .dateLiteral(
                LocalDate.of(y.intValueExact(), m.intValueExact(), d.intValueExact()).toString());
      } catch (ArithmeticException | DateTimeException e) {
        return "CAST(NULL AS DATE)";
      }
    }
    return guardedDate(w, w.argument(call, 0), w.argument(call, 1), w.argument(call, 2));
  }

  /**
   * The date of year, month and day, or NULL when they name no date (where SQL's {@code make_date}
   * raises an error). The checks are nested CASEs, since SQL does not promise to evaluate {@code
   * AND} left to right; the length of the month is plain arithmetic (proleptic Gregorian, as
   * java.time). Years outside 1-9999 are NULL: not every dialect has the years around them.
   */
  private static String guardedDate(ExpressionSql w, String year, String month, String day) {
    String months =
        "CASE WHEN "
            + month
            + " IN (4, 6, 9, 11) THEN 30 WHEN "
            + month
            + " = 2 THEN CASE WHEN ("
            + year
            + " % 4 = 0 AND "
            + year
            + " % 100 <> 0) OR "
            + year
            + " % 400 = 0 THEN 29 ELSE 28 END ELSE 31 END";
    return "CASE WHEN "
        + whole(year)
        + " AND "
        + whole(month)
        + " AND "
        + whole(day)
        + " AND "
        + year
        + " BETWEEN 1 AND 9999 AND "
        + month
        + " BETWEEN 1 AND 12 THEN CASE WHEN "
        + day
        + " BETWEEN 1 AND "
        + months
        + " THEN "
        + w.syntax().makeDate(year, month, day)
        + " END END";
  }

  /**
   * {@code round(x, digits)}: whole digits of at most 100 places, as the evaluator allows; else
   * NULL.
   */
  private static String roundTo(ExpressionSql w, Expr.Call call) {
    String x = w.argument(call, 0);
    BigDecimal literal = ExpressionSql.literal(call, 1);
    if (literal != null) {
      try {
        int places = literal.intValueExact();
        return Math.abs(places) > 100
            ? "CAST(NULL AS " + w.syntax().numberType() + ")"
            : w.syntax().round(x, Integer.toString(places), true);
      } catch (ArithmeticException e) {
        return "CAST(NULL AS " + w.syntax().numberType() + ")";
      }
    }
    String digits = w.argument(call, 1);
    return "CASE WHEN "
        + whole(digits)
        + " AND abs("
        + digits
        + ") <= 100 THEN "
        + w.syntax().round(x, digits, false)
        + " END";
  }

  /**
   * {@code min(a, b, ...)}, {@code max(...)}: unknown when any argument is (SQL's least/greatest
   * skip NULLs).
   */
  private static String strictExtreme(ExpressionSql w, Expr.Call call, String function) {
    List<String> arguments = all(w, call);
    boolean text = Syntax.isText(w.kindOf(call.arguments().get(0)));
    String anyUnknown =
        arguments.stream().map(a -> a + " IS NULL").collect(Collectors.joining(" OR "));
    String values =
        arguments.stream()
            .map(a -> text ? w.syntax().orderedText(a) : a)
            .collect(Collectors.joining(", "));
    return "CASE WHEN " + anyUnknown + " THEN NULL ELSE " + function + "(" + values + ") END";
  }

  /** {@code score(code)}: the code list's scores written into the SQL. */
  private static String score(ExpressionSql w, Expr.Call call) {
    Map<String, BigDecimal> scores =
        w.expression().typeOf(call.arguments().get(0)).orElseThrow().scores();
    String type = w.syntax().numberType();
    if (scores.isEmpty()) return "CAST(NULL AS " + type + ")";
    StringBuilder out = new StringBuilder("CASE ").append(w.argument(call, 0));
    scores.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                out.append(" WHEN ")
                    .append(w.syntax().text(e.getKey()))
                    .append(" THEN CAST(")
                    .append(e.getValue().toPlainString())
                    .append(" AS ")
                    .append(type)
                    .append(")"));
    return out.append(" END").toString();
  }
}
