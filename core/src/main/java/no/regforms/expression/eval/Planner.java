package no.regforms.expression.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.checker.Typing;
import no.regforms.expression.parser.Expr;

/**
 * Turns a checked syntax tree into nodes, once: names become reads with their coercion, bound names
 * become row slots, and functions are resolved here rather than at each evaluation.
 */
final class Planner {

  /** Precision of division and means: 34 significant digits (IEEE 754 decimal128). */
  static final MathContext DIVISION = MathContext.DECIMAL128;

  private final Typing typing;
  private final List<String> bound = new ArrayList<>();
  private int slotsNeeded;

  Planner(Typing typing) {
    this.typing = typing;
  }

  int slotsNeeded() {
    return slotsNeeded;
  }

  Kind kindOf(Expr expr) {
    return typing.kindOf(expr);
  }

  /** The overload the checker resolved {@code call} to. */
  no.regforms.expression.Builtin functionOf(Expr.Call call) {
    return typing.functionOf(call).orElseThrow();
  }

  /** The checked type of {@code expr}; planning runs only on checked trees, so it has one. */
  no.regforms.expression.ExprType typeOf(Expr expr) {
    return typing.typeOf(expr).orElseThrow();
  }

  /** Binds {@code name} to a new innermost slot and returns the slot; undo with {@link #unbind}. */
  int bind(String name) {
    bound.add(name);
    slotsNeeded = Math.max(slotsNeeded, bound.size());
    return bound.size() - 1;
  }

  void unbind() {
    bound.remove(bound.size() - 1);
  }

  Node plan(Expr expr) {
    if (expr instanceof Expr.NumberLiteral n) {
      return Node.constant(n.value());
    } else if (expr instanceof Expr.TextLiteral t) {
      return Node.constant(t.value());
    } else if (expr instanceof Expr.BooleanLiteral b) {
      return Node.constant(b.value());
    } else if (expr instanceof Expr.DateLiteral d) {
      return Node.constant(d.value());
    } else if (expr instanceof Expr.YearMonthLiteral y) {
      return Node.constant(y.value());
    } else if (expr instanceof Expr.Name name) {
      String id = name.name();
      Kind kind = kindOf(name);
      return frame -> ValueCoercion.coerce(frame.context.value(id), kind);
    } else if (expr instanceof Expr.Member member) {
      String target = ((Expr.Name) member.target()).name();
      int slot = bound.lastIndexOf(target);
      String id = member.member();
      Kind kind = kindOf(member);
      if (slot < 0) {
        // Not a bound row: the checker accepted it as a link read, which the context answers.
        String linked = target + "." + id;
        return frame -> ValueCoercion.coerce(frame.context.value(linked), kind);
      }
      return frame -> ValueCoercion.member(frame.rows[slot], id, kind);
    } else if (expr instanceof Expr.Unary unary) {
      return unary(unary);
    } else if (expr instanceof Expr.Binary binary) {
      return binary(binary);
    } else if (expr instanceof Expr.In in) {
      return in(in);
    } else if (expr instanceof Expr.Call call) {
      return Functions.plan(call, this);
    }
    throw new IllegalStateException("unknown syntax node " + expr.getClass().getSimpleName());
  }

  private Node unary(Expr.Unary unary) {
    Node operand = plan(unary.operand());
    if (unary.op() == Expr.UnaryOp.NOT) {
      return frame -> {
        Object value = operand.eval(frame);
        return value == null ? null : !(Boolean) value;
      };
    }
    return frame -> {
      Object value = operand.eval(frame);
      return value == null ? null : ((BigDecimal) value).negate();
    };
  }

  private Node binary(Expr.Binary binary) {
    Node left = plan(binary.left());
    Node right = plan(binary.right());
    switch (binary.op()) {
      case AND:
        return frame -> {
          Object a = left.eval(frame);
          if (Boolean.FALSE.equals(a)) {
            return false;
          }
          Object b = right.eval(frame);
          if (Boolean.FALSE.equals(b)) {
            return false;
          }
          return a == null || b == null ? null : Boolean.TRUE;
        };
      case OR:
        return frame -> {
          Object a = left.eval(frame);
          if (Boolean.TRUE.equals(a)) {
            return true;
          }
          Object b = right.eval(frame);
          if (Boolean.TRUE.equals(b)) {
            return true;
          }
          return a == null || b == null ? null : Boolean.FALSE;
        };
      case ADD:
        return arithmetic(left, right, BigDecimal::add);
      case SUBTRACT:
        return arithmetic(left, right, BigDecimal::subtract);
      case MULTIPLY:
        return arithmetic(left, right, BigDecimal::multiply);
      case DIVIDE:
        // Division by zero is unknown, like any other value that cannot be computed.
        return arithmetic(left, right, (a, b) -> b.signum() == 0 ? null : Division.divide(a, b));
      case EQ:
        return compare(left, right, (a, b) -> Comparison.equal(a, b));
      case NE:
        return compare(left, right, (a, b) -> !Comparison.equal(a, b));
      case LT:
        return compare(left, right, (a, b) -> Comparison.compare(a, b) < 0);
      case LE:
        return compare(left, right, (a, b) -> Comparison.compare(a, b) <= 0);
      case GT:
        return compare(left, right, (a, b) -> Comparison.compare(a, b) > 0);
      default:
        return compare(left, right, (a, b) -> Comparison.compare(a, b) >= 0);
    }
  }

  @FunctionalInterface
  private interface NumberOperator {
    BigDecimal apply(BigDecimal a, BigDecimal b);
  }

  @FunctionalInterface
  private interface Test {
    boolean test(Object a, Object b);
  }

  private static Node arithmetic(Node left, Node right, NumberOperator operator) {
    return frame -> {
      Object a = left.eval(frame);
      Object b = right.eval(frame);
      return a == null || b == null ? null : operator.apply((BigDecimal) a, (BigDecimal) b);
    };
  }

  private static Node compare(Node left, Node right, Test test) {
    return frame -> {
      Object a = left.eval(frame);
      Object b = right.eval(frame);
      return a == null || b == null ? null : test.test(a, b);
    };
  }

  private Node in(Expr.In in) {
    Node operand = plan(in.operand());
    List<Node> items = new ArrayList<>();
    for (Expr item : in.items()) {
      items.add(plan(item));
    }
    boolean negated = in.negated();
    return frame -> {
      Object value = operand.eval(frame);
      if (value == null) {
        return null;
      }
      // SQL semantics: a match decides; otherwise an unknown item leaves the answer unknown.
      boolean sawUnknown = false;
      for (Node item : items) {
        Object candidate = item.eval(frame);
        if (candidate == null) {
          sawUnknown = true;
        } else if (Comparison.equal(value, candidate)) {
          return !negated;
        }
      }
      return sawUnknown ? null : negated;
    };
  }
}
