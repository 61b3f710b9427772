package no.regforms.expression.eval;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.parser.Expr;

/**
 * Plans calls of the built-in functions. The function is chosen here, once, by name and by the
 * checked types of the arguments (see {@code FunctionSignatures} for how overloads are told
 * apart); the resulting node does no lookups.
 */
final class Functions {

  /** The widest rounding accepted; anything beyond is unknown rather than a huge allocation. */
  private static final int MAX_ROUNDING_DIGITS = 100;

  private Functions() {}

  static Node plan(Expr.Call call, Planner planner) {
    String name = call.function();
    List<Expr> args = call.arguments();
    boolean overRows = !args.isEmpty() && planner.kindOf(args.get(0)) == Kind.ROWS;
    if (overRows && args.size() == 3) {
      return collection(name, args, planner);
    }
    List<Node> nodes = new ArrayList<>();
    for (Expr argument : args) {
      nodes.add(planner.plan(argument));
    }
    switch (name) {
      case "filled":
        return known(nodes.get(0), true);
      case "empty":
        return known(nodes.get(0), false);
      case "answered":
        return answered(((Expr.Name) args.get(0)).name(), nodes.get(0));
      case "coalesce":
        return frame -> {
          for (Node node : nodes) {
            Object value = node.eval(frame);
            if (value != null) {
              return value;
            }
          }
          return null;
        };
      case "if":
        return conditional(nodes.get(0), nodes.get(1), nodes.get(2));
      case "year":
        return unary(nodes.get(0), CalendarArithmetic::year);
      case "month":
        return unary(nodes.get(0), CalendarArithmetic::month);
      case "today":
        return frame -> frame.context.today();
      case "days_between":
        return binary(nodes, CalendarArithmetic::daysBetween);
      case "months_between":
        return binary(nodes, CalendarArithmetic::monthsBetween);
      case "years_between":
      case "age_at":
        return binary(nodes, CalendarArithmetic::yearsBetween);
      case "add_days":
        return binary(nodes, (d, n) -> CalendarArithmetic.plus(d, (BigDecimal) n, ChronoUnit.DAYS));
      case "add_months":
        return binary(nodes, (d, n) -> CalendarArithmetic.plus(d, (BigDecimal) n, ChronoUnit.MONTHS));
      case "date":
      case "yearmonth":
        return strict(nodes, values -> CalendarArithmetic.make(values.toArray(new BigDecimal[0])));
      case "round":
        return nodes.size() == 1
            ? unary(nodes.get(0), x -> ((BigDecimal) x).setScale(0, RoundingMode.HALF_UP))
            : binary(nodes, (x, digits) -> round((BigDecimal) x, (BigDecimal) digits));
      case "score": {
        java.util.Map<String, BigDecimal> scores = planner.typeOf(args.get(0)).scores();
        return unary(nodes.get(0), code -> scores.get((String) code));
      }
      case "abs":
        return unary(nodes.get(0), x -> ((BigDecimal) x).abs());
      case "min":
        return strict(nodes, values -> extreme(values, -1));
      case "max":
        return strict(nodes, values -> extreme(values, 1));
      case "sum":
        return strict(nodes, Functions::sum);
      case "mean":
        return strict(nodes, values -> sum(values).divide(BigDecimal.valueOf(values.size()), Planner.DIVISION));
      case "count":
        return unary(nodes.get(0), list -> BigDecimal.valueOf(((List<?>) list).size()));
      case "count_filled":
        return frame -> {
          int filled = 0;
          for (Node node : nodes) {
            if (node.eval(frame) != null) {
              filled++;
            }
          }
          return BigDecimal.valueOf(filled);
        };
      case "matches":
        Pattern pattern = Pattern.compile(((Expr.TextLiteral) args.get(1)).value());
        return unary(nodes.get(0), text -> pattern.matcher((String) text).matches());
      case "contains":
        if (planner.kindOf(args.get(0)) == Kind.CODES) {
          return binary(nodes, (codes, code) -> ((List<?>) codes).contains(code));
        }
        return binary(nodes, (text, part) -> ((String) text).contains((String) part));
      case "length":
        return unary(nodes.get(0), text -> BigDecimal.valueOf(((String) text).codePointCount(0, ((String) text).length())));
      default:
        throw new IllegalStateException("function '" + name + "' passed the checker but has no plan");
    }
  }

  private static Node known(Node argument, boolean whenKnown) {
    return frame -> (argument.eval(frame) != null) == whenKnown;
  }

  private static Node answered(String name, Node argument) {
    return frame -> argument.eval(frame) != null || frame.context.hasMissingReason(name);
  }

  private static Node conditional(Node condition, Node then, Node otherwise) {
    // An unknown condition takes the else branch, as SQL's CASE does.
    return frame -> Boolean.TRUE.equals(condition.eval(frame)) ? then.eval(frame) : otherwise.eval(frame);
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
      if (value != null && (best == null || Integer.signum(Comparison.compare(value, best)) == sign)) {
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
  private static Node collection(String name, List<Expr> args, Planner planner) {
    Node rowsNode = planner.plan(args.get(0));
    int slot = planner.bind(((Expr.Name) args.get(1)).name());
    Node body = planner.plan(args.get(2));
    planner.unbind();
    Aggregate aggregate = aggregate(name);
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

  private static Aggregate aggregate(String name) {
    switch (name) {
      case "any":
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
      case "all":
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
      case "count":
        return values -> BigDecimal.valueOf(values.stream().filter(Boolean.TRUE::equals).count());
      case "sum":
        return values -> sum(known(values));
      case "mean":
        return values -> {
          List<Object> known = known(values);
          return known.isEmpty() ? null
              : sum(known).divide(BigDecimal.valueOf(known.size()), Planner.DIVISION);
        };
      case "min":
        return values -> extreme(values, -1);
      case "max":
        return values -> extreme(values, 1);
      default:
        throw new IllegalStateException("function '" + name + "' has no collection form");
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
