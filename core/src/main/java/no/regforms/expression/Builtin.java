package no.regforms.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every built-in function of the expression language, one constant per overload: the identity the
 * type checker gives each call ({@link CompiledExpression#functionOf}) and every back end (the
 * evaluator, the JavaScript emitter, the exports) dispatches on, so a function is never looked up
 * by its name twice.
 *
 * <p>A name can have several overloads, told apart by the checker from the arguments' types and
 * count: {@code sum(a, b)} is {@link #SUM} and {@code sum(rows, r, r.x)} is {@link #SUM_ROWS}. A
 * back end lists what it does for each constant in a {@link FunctionTable}, which refuses to be
 * built with one missing, so adding a constant here names every place that must learn it.
 */
public enum Builtin {
  /** {@code filled(x)}: x has a value. */
  FILLED("filled", "filled(x)"),
  /** {@code empty(x)}: x has no value. */
  EMPTY("empty", "empty(x)"),
  /** {@code answered(x)}: x has a value or an explicit missing-value reason. */
  ANSWERED("answered", "answered(variable)"),
  /** {@code coalesce(a, b, ...)}: the first known argument. */
  COALESCE("coalesce", "coalesce(a, b, ...)"),
  /** {@code if(condition, then, else)}; an unknown condition takes the else branch. */
  IF("if", "if(condition, then, else)"),
  /** {@code year(date)}. */
  YEAR("year", "year(date)"),
  /** {@code month(date)}. */
  MONTH("month", "month(date)"),
  /** {@code today()}. */
  TODAY("today", "today()"),
  /**
   * {@code days_between(from, to)}: whole days; with a date-time on either side, whole days elapsed
   * (a date counts from its midnight), so 47 hours is 1.
   */
  DAYS_BETWEEN("days_between", "days_between(from, to)"),
  /** {@code hours_between(from, to)}: whole hours elapsed (a date counts from its midnight). */
  HOURS_BETWEEN("hours_between", "hours_between(from, to)"),
  /** {@code minutes_between(from, to)}: whole minutes elapsed (a date counts from its midnight). */
  MINUTES_BETWEEN("minutes_between", "minutes_between(from, to)"),
  /** {@code months_between(from, to)}: whole calendar months. */
  MONTHS_BETWEEN("months_between", "months_between(from, to)"),
  /** {@code years_between(from, to)}: whole years. */
  YEARS_BETWEEN("years_between", "years_between(from, to)"),
  /** {@code age_at(birth_date, date)}: whole years. */
  AGE_AT("age_at", "age_at(birth_date, date)"),
  /** {@code add_days(date, days)}. */
  ADD_DAYS("add_days", "add_days(date, days)"),
  /** {@code add_months(date, months)}. */
  ADD_MONTHS("add_months", "add_months(date, months)"),
  /** {@code date(year, month, day)}; {@code date('2024-12-31')} is a literal, not a call. */
  DATE("date", "date(year, month, day)"),
  /** {@code date(datetime)}: the date of a date-time. */
  DATE_OF("date", "date(datetime)"),
  /** {@code yearmonth(year, month)}; {@code yearmonth('2022-06')} is a literal, not a call. */
  YEARMONTH("yearmonth", "yearmonth(year, month)"),
  /** {@code round(x)}: to a whole number, half up. */
  ROUND("round", "round(x)"),
  /** {@code round(x, digits)}: half up. */
  ROUND_TO("round", "round(x, digits)"),
  /** {@code abs(x)}. */
  ABS("abs", "abs(x)"),
  /** {@code min(a, b, ...)}: unknown if any argument is. */
  MIN("min", "min(a, b, ...)"),
  /** {@code max(a, b, ...)}: unknown if any argument is. */
  MAX("max", "max(a, b, ...)"),
  /** {@code sum(a, b, ...)}: unknown if any argument is. */
  SUM("sum", "sum(a, b, ...)"),
  /** {@code mean(a, b, ...)}: unknown if any argument is. */
  MEAN("mean", "mean(a, b, ...)"),
  /** {@code min(rows, t, expression)}: over the rows whose value is known. */
  MIN_ROWS("min", "min(rows, t, expression)"),
  /** {@code max(rows, t, expression)}: over the rows whose value is known. */
  MAX_ROWS("max", "max(rows, t, expression)"),
  /** {@code sum(rows, t, expression)}: over the rows whose value is known. */
  SUM_ROWS("sum", "sum(rows, t, expression)"),
  /** {@code mean(rows, t, expression)}: over the rows whose value is known. */
  MEAN_ROWS("mean", "mean(rows, t, expression)"),
  /** {@code count(rows)}: the number of rows. */
  COUNT_ROWS("count", "count(rows)"),
  /** {@code count(codes)}: the number of codes chosen. */
  COUNT_CODES("count", "count(codes)"),
  /** {@code count(rows, t, condition)}: the rows where the condition is true. */
  COUNT_WHERE("count", "count(rows, t, condition)"),
  /** {@code count_filled(a, b, ...)}: how many arguments are known. */
  COUNT_FILLED("count_filled", "count_filled(a, b, ...)"),
  /** {@code matches(text, 'pattern')}: the whole text matches the RE2 pattern. */
  MATCHES("matches", "matches(text, 'pattern')"),
  /** {@code contains(text, 'part')}. */
  CONTAINS_TEXT("contains", "contains(text, 'part')"),
  /** {@code contains(codes, 'code')}. */
  CONTAINS_CODE("contains", "contains(codes, 'code')"),
  /** {@code length(text)}: in code points. */
  LENGTH("length", "length(text)"),
  /** {@code score(code)}: the score the code list gives the code. */
  SCORE("score", "score(code)"),
  /** {@code any(rows, t, condition)}. */
  ANY("any", "any(rows, t, condition)"),
  /** {@code all(rows, t, condition)}. */
  ALL("all", "all(rows, t, condition)");

  private static final Map<String, List<Builtin>> BY_NAME = byName();
  private static final EnumSet<Builtin> OVER_ROWS =
      EnumSet.of(MIN_ROWS, MAX_ROWS, SUM_ROWS, MEAN_ROWS, COUNT_WHERE, ANY, ALL);

  private final String function;
  private final String usage;

  Builtin(String function, String usage) {
    this.function = function;
    this.usage = usage;
  }

  /**
   * The name as written in an expression ({@code sum} for both {@link #SUM} and {@link #SUM_ROWS}).
   */
  public String function() {
    return function;
  }

  /** How this overload is called, for messages: {@code sum(a, b, ...)}. */
  public String usage() {
    return usage;
  }

  /**
   * Whether this is a collection form {@code f(rows, t, body)}: its second argument is a bare name
   * bound to each row in the third.
   */
  public boolean bindsRow() {
    return OVER_ROWS.contains(this);
  }

  /** The overloads written {@code name}, in declaration order; empty for an unknown name. */
  public static List<Builtin> named(String name) {
    return BY_NAME.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
  }

  /** Every function name, in declaration order. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  private static Map<String, List<Builtin>> byName() {
    Map<String, List<Builtin>> all = new LinkedHashMap<>();
    for (Builtin b : values()) {
      all.computeIfAbsent(b.function, n -> new ArrayList<>()).add(b);
    }
    all.replaceAll((name, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(all);
  }
}
