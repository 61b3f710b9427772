package no.regforms.expression.parser;

import java.util.List;
import java.util.Objects;

/**
 * Prints a syntax tree back to expression text.
 *
 * <p>The output uses single spaces around infix operators and only the parentheses that precedence
 * requires, and parses back to the same tree (spans aside). Stateless and thread-safe.
 */
public final class ExprPrinter {

  // Precedence levels of the grammar, lowest first; see Parser.
  // or (1) and and (2), like every binary operator, take their level from Expr.BinaryOp.
  private static final int NOT = 3;
  private static final int COMPARISON = 4;
  private static final int NEGATE = 7;
  private static final int POSTFIX = 8;

  private ExprPrinter() {}

  /** The text of {@code expr}. */
  public static String print(Expr expr) {
    Objects.requireNonNull(expr, "expr");
    StringBuilder out = new StringBuilder();
    print(expr, 0, out);
    return out.toString();
  }

  /** Quotes {@code value} as a text literal, escaping {@code '} and {@code \}. */
  public static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static void print(Expr expr, int context, StringBuilder out) {
    boolean parens = precedence(expr) < context;
    if (parens) {
      out.append('(');
    }
    if (expr instanceof Expr.NumberLiteral n) {
      out.append(n.value().toPlainString());
    } else if (expr instanceof Expr.TextLiteral t) {
      out.append(quote(t.value()));
    } else if (expr instanceof Expr.BooleanLiteral b) {
      out.append(b.value());
    } else if (expr instanceof Expr.DateLiteral d) {
      out.append("date(").append(quote(d.value().toString())).append(')');
    } else if (expr instanceof Expr.YearMonthLiteral y) {
      out.append("yearmonth(").append(quote(y.value().toString())).append(')');
    } else if (expr instanceof Expr.Name n) {
      out.append(n.name());
    } else if (expr instanceof Expr.Member m) {
      print(m.target(), POSTFIX, out);
      out.append('.').append(m.member());
    } else if (expr instanceof Expr.Unary u) {
      if (u.op() == Expr.UnaryOp.NOT) {
        out.append("not ");
        print(u.operand(), NOT, out);
      } else {
        out.append('-');
        print(u.operand(), NEGATE, out);
      }
    } else if (expr instanceof Expr.Binary b) {
      int level = b.op().precedence();
      // Left-associative: the right operand must bind tighter; comparisons do not chain at all.
      print(b.left(), b.op().isComparison() ? level + 1 : level, out);
      out.append(' ').append(b.op().symbol()).append(' ');
      print(b.right(), level + 1, out);
    } else if (expr instanceof Expr.In in) {
      print(in.operand(), COMPARISON + 1, out);
      out.append(in.negated() ? " not in " : " in ");
      list(in.items(), out);
    } else if (expr instanceof Expr.Call c) {
      out.append(c.function());
      list(c.arguments(), out);
    }
    if (parens) {
      out.append(')');
    }
  }

  private static void list(List<Expr> items, StringBuilder out) {
    out.append('(');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      print(items.get(i), 0, out);
    }
    out.append(')');
  }

  private static int precedence(Expr expr) {
    if (expr instanceof Expr.Binary b) {
      return b.op().precedence();
    }
    if (expr instanceof Expr.In) {
      return COMPARISON;
    }
    if (expr instanceof Expr.Unary u) {
      return u.op() == Expr.UnaryOp.NOT ? NOT : NEGATE;
    }
    return POSTFIX;
  }
}
