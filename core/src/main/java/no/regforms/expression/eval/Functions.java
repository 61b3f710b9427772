package no.regforms.expression.eval;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import no.regforms.expression.Builtin;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.parser.Expr;

/**
 * Plans calls of the built-in functions. The checker has chosen each call's {@link Builtin}
 * overload; the plan is looked up here, once, and the resulting node does no lookups.
 */
final class Functions {

  /** The widest rounding accepted; anything beyond is unknown rather than a huge allocation. */
  private static final int MAX_ROUNDING_DIGITS = 100;

  /** Plans one call, given its argument nodes (planned already, except for collection forms). */
  @FunctionalInterface
  private interface Plan {
    Node plan(Expr.Call call, List<Node> arguments, Planner planner);
  }

  private static final FunctionTable<Plan> PLANS = plans();

  private Functions() {}

  /** The evaluator's table, which has a plan for every function. */
  static FunctionTable<?> table() {
    return PLANS;
  }

  static Node plan(Expr.Call call, Planner planner) {
    Builtin function = planner.functionOf(call);
    if (function.bindsRow()) {
      return collection(function, call.arguments(), planner);
    }
    List<Node> nodes = new ArrayList<>();
    for (Expr argument : call.arguments()) {
      nodes.add(planner.plan(argument));
    }
    return PLANS.require(function).plan(call, nodes, planner);
  }

  private static FunctionTable<Plan> plans() {
    Plan rows =
        (call, nodes, planner) -> {
          throw new IllegalStateException(
              call.function() + " over rows is planned by collection()");
        };
    return FunctionTable.<Plan>builder("the evaluator")
        .put(Builtin.FILLED, (call, nodes, planner) -> known(nodes.get(0), true))
        .put(Builtin.EMPTY, (call, nodes, planner) -> known(nodes.get(0), false))
        .put(
            Builtin.ANSWERED,
            (call, nodes, planner) ->
                answered(((Expr.Name) call.arguments().get(0)).name(), nodes.get(0)))
        .put(
            Builtin.COALESCE,
            (call, nodes, planner) ->
                frame -> {
                  for (Node node : nodes) {
                    Object value = node.eval(frame);
                    if (value != null) {
                      return value;
                    }
                  }
                  return null;
                })
        .put(
            Builtin.IF,
            (call, nodes, planner) -> conditional(nodes.get(0), nodes.get(1), nodes.get(2)))
        .put(Builtin.YEAR, (call, nodes, planner) -> unary(nodes.get(0), CalendarArithmetic::year))
        .put(
            Builtin.MONTH, (call, nodes, planner) -> unary(nodes.get(0), CalendarArithmetic::month))
        .put(Builtin.TODAY, (call, nodes, planner) -> frame -> frame.context.today())
        .put(
            Builtin.DAYS_BETWEEN,
            (call, nodes, planner) -> binary(nodes, CalendarArithmetic::daysBetween))
        .put(
            Builtin.HOURS_BETWEEN,
            (call, nodes, planner) ->
                binary(nodes, (a, b) -> CalendarArithmetic.elapsed(a, b, ChronoUnit.HOURS)))
        .put(
            Builtin.MINUTES_BETWEEN,
            (call, nodes, planner) ->
                binary(nodes, (a, b) -> CalendarArithmetic.elapsed(a, b, ChronoUnit.MINUTES)))
        .put(
            Builtin.DATE_OF,
            (call, nodes, planner) -> unary(nodes.get(0), CalendarArithmetic::date))
        .put(
            Builtin.MONTHS_BETWEEN,
            (call, nodes, planner) -> binary(nodes, CalendarArithmetic::monthsBetween))
        .put(
            (call, nodes, planner) -> binary(nodes, CalendarArithmetic::yearsBetween),
            Builtin.YEARS_BETWEEN,
            Builtin.AGE_AT)
        .put(
            Builtin.ADD_DAYS,
            (call, nodes, planner) ->
                binary(
                    nodes, (d, n) -> CalendarArithmetic.plus(d, (BigDecimal) n, ChronoUnit.DAYS)))
        .put(
            Builtin.ADD_MONTHS,
            (call, nodes, planner) ->
                binary(
                    nodes, (d, n) -> CalendarArithmetic.plus(d, (BigDecimal) n, ChronoUnit.MONTHS)))
        .put(
            (call, nodes, planner) -> strict(nodes, CalendarArithmetic::make),
            Builtin.DATE,
            Builtin.YEARMONTH)
        .put(
            Builtin.ROUND,
            (call, nodes, planner) ->
                unary(nodes.get(0), x -> ((BigDecimal) x).setScale(0, RoundingMode.HALF_UP)))
        .put(
            Builtin.ROUND_TO,
            (call, nodes, planner) ->
                binary(nodes, (x, digits) -> round((BigDecimal) x, (BigDecimal) digits)))
        .put(
            Builtin.SCORE,
            (call, nodes, planner) -> {
              java.util.Map<String, BigDecimal> scores =
                  planner.typeOf(call.arguments().get(0)).scores();
              return unary(nodes.get(0), code -> scores.get((String) code));
            })
        .put(
            Builtin.ABS, (call, nodes, planner) -> unary(nodes.get(0), x -> ((BigDecimal) x).abs()))
        .put(Builtin.MIN, (call, nodes, planner) -> strict(nodes, values -> extreme(values, -1)))
        .put(Builtin.MAX, (call, nodes, planner) -> strict(nodes, values -> extreme(values, 1)))
        .put(Builtin.SUM, (call, nodes, planner) -> strict(nodes, Functions::sum))
        .put(
            Builtin.MEAN,
            (call, nodes, planner) ->
                strict(
                    nodes,
                    values -> Division.divide(sum(values), BigDecimal.valueOf(values.size()))))
        .put(
            (call, nodes, planner) ->
                unary(nodes.get(0), list -> BigDecimal.valueOf(((List<?>) list).size())),
            Builtin.COUNT_ROWS,
            Builtin.COUNT_CODES)
        .put(
            Builtin.COUNT_FILLED,
            (call, nodes, planner) ->
                frame -> {
                  int filled = 0;
                  for (Node node : nodes) {
                    if (node.eval(frame) != null) {
                      filled++;
                    }
                  }
                  return BigDecimal.valueOf(filled);
                })
        .put(
            Builtin.MATCHES,
            (call, nodes, planner) -> {
              Pattern pattern =
                  Pattern.compile(((Expr.TextLiteral) call.arguments().get(1)).value());
              return unary(nodes.get(0), text -> pattern.matcher((String) text).matches());
            })
        .put(
            Builtin.CONTAINS_CODE,
            (call, nodes, planner) ->
                binary(nodes, (codes, code) -> ((List<?>) codes).contains(code)))
        .put(
            Builtin.CONTAINS_TEXT,
            (call, nodes, planner) ->
                binary(nodes, (text, part) -> ((String) text).contains((String) part)))
        .put(
            Builtin.LENGTH,
            (call, nodes, planner) ->
                unary(
                    nodes.get(0),
                    text ->
                        BigDecimal.valueOf(
                            ((String) text).codePointCount(0, ((String) text).length()))))
        .put(
            rows,
            Builtin.MIN_ROWS,
            Builtin.MAX_ROWS,
            Builtin.SUM_ROWS,
            Builtin.MEAN_ROWS,
            Builtin.COUNT_WHERE,
            Builtin.ANY,
            Builtin.ALL)
        .build();
  }

  private static Node known(Node argument, boolean whenKnown) {
    return frame -> (argument.eval(frame) != null) == whenKnown;
  }

  private static Node answered(String name, Node argument) {
    return frame -> argument.eval(frame) != null || frame.context.hasMissingReason(name);
  }

  private static Node conditional(Node condition, Node then, Node otherwise) {
    // An unknown condition takes the else branch, as SQL's CASE does.
    return frame ->
        Boolean.TRUE.equals(condition.eval(frame)) ? then.eval(frame) : otherwise.eval(frame);
  }

  /** A one-argument function that is unknown when its argument is. */
  private static Node unary(Node argument, Function<Object, Object> function) {
    return frame -> {
      Object value = argument.eval(frame);
      return value == null ? null : function.apply(value);
    };
  }

  /** A two-argument function that is unknown when either argument is. */
  private static Node binary(List<Node> nodes, BiFunction<Object, Object, Object> function) {
    Node first = nodes.get(0);
    Node second = nodes.get(1);
    return frame -> {
      Object a = first.eval(frame);
      Object b = second.eval(frame);
      return a == null || b == null ? null : function.apply(a, b);
    };
  }

  /** A function of all its arguments that is unknown when any argument is. */
  private static Node strict(List<Node> nodes, Function<List<Object>, Object> function) {
    return frame -> {
      List<Object> values = new ArrayList<>(nodes.size());
      for (Node node : nodes) {
        Object value = node.eval(frame);
        if (value == null) {
          return null;
        }
        values.add(value);
      }
      return function.apply(values);
    };
  }

  private static Object round(BigDecimal x, BigDecimal digits) {
    Long places = CalendarArithmetic.wholeNumber(digits);
    if (places == null || Math.abs(places) > MAX_ROUNDING_DIGITS) {
      return null;
    }
    return x.setScale(places.intValue(), RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<Object> values) {
    BigDecimal total = BigDecimal.ZERO;
    for (Object value : values) {
      total = total.add((BigDecimal) value);
    }
    return total;
  }

  /** The least ({@code sign} -1) or greatest ({@code sign} 1) of known values; null if none. */
  private static Object extreme(List<Object> values, int sign) {
    Object best = null;
    for (Object value : values) {
      if (value != null
          && (best == null || Integer.signum(Comparison.compare(value, best)) == sign)) {
        best = value;
      }
    }
    return best;
  }

  /**
   * Plans {@code f(rows, t, body)}. Unknown rows make the result unknown; inside, rows whose body
   * is unknown are skipped by the aggregates (as SQL does), while {@code any} and {@code all} let
   * an unknown row leave the answer unknown unless another row decides it.
   */
  private static Node collection(Builtin function, List<Expr> args, Planner planner) {
    Node rowsNode = planner.plan(args.get(0));
    int slot = planner.bind(((Expr.Name) args.get(1)).name());
    Node body = planner.plan(args.get(2));
    planner.unbind();
    Aggregate aggregate = aggregate(function);
    return frame -> {
      Object rows = rowsNode.eval(frame);
      if (rows == null) {
        return null;
      }
      List<Object> values = new ArrayList<>();
      for (Object row : (List<?>) rows) {
        frame.rows[slot] = row;
        Object value = body.eval(frame);
        if (aggregate.decides(value)) {
          return value;
        }
        values.add(value);
      }
      return aggregate.finish(values);
    };
  }

  /** How a collection function combines the values of its body over the rows. */
  private interface Aggregate {
    /** Whether {@code value} alone decides the result (a true row for {@code any}). */
    default boolean decides(Object value) {
      return false;
    }

    Object finish(List<Object> values);
  }

  private static Aggregate aggregate(Builtin function) {
    switch (function) {
      case ANY:
        return new Aggregate() {
          @Override
          public boolean decides(Object value) {
            return Boolean.TRUE.equals(value);
          }

          @Override
          public Object finish(List<Object> values) {
            return values.contains(null) ? null : Boolean.FALSE;
          }
        };
      case ALL:
        return new Aggregate() {
          @Override
          public boolean decides(Object value) {
            return Boolean.FALSE.equals(value);
          }

          @Override
          public Object finish(List<Object> values) {
            return values.contains(null) ? null : Boolean.TRUE;
          }
        };
      case COUNT_WHERE:
        return values -> BigDecimal.valueOf(values.stream().filter(Boolean.TRUE::equals).count());
      case SUM_ROWS:
        return values -> sum(known(values));
      case MEAN_ROWS:
        return values -> {
          List<Object> known = known(values);
          return known.isEmpty()
              ? null
              : Division.divide(sum(known), BigDecimal.valueOf(known.size()));
        };
      case MIN_ROWS:
        return values -> extreme(values, -1);
      case MAX_ROWS:
        return values -> extreme(values, 1);
      default:
        throw new IllegalStateException(function + " has no collection form");
    }
  }

  private static List<Object> known(List<Object> values) {
    List<Object> known = new ArrayList<>();
    for (Object value : values) {
      if (value != null) {
        known.add(value);
      }
    }
    return known;
  }
}
