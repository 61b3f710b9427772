package no.regforms.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.expression.parser.Expr;

/**
 * Translates expressions to REDCap's branching-logic and calculation syntax ({@code [var] = '1'},
 * {@code sum([a], [b])}, {@code datediff([a], [b], "d", true)}), or says it cannot. REDCap has no
 * collection functions, no {@code not}, no {@code coalesce} and no calendar-month arithmetic, so
 * conditions using them stay untranslated. Stateless.
 */
final class RedcapLogic {

  private final Map<String, Variable> variables;
  private final Function<String, String> fieldName;

  /**
   * @param variables the variables expressions may name, by id
   * @param fieldName the REDCap field name of a variable id (ids that clash across forms are renamed)
   */
  RedcapLogic(Map<String, Variable> variables, Function<String, String> fieldName) {
    this.variables = variables;
    this.fieldName = fieldName;
  }

  /** A condition as branching logic, or empty when REDCap cannot say it. */
  Optional<String> condition(Expr expr) {
    if (expr instanceof Expr.Name n && isBoolean(n.name())) return Optional.of(field(n.name()) + " = '1'");
    if (expr instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
      Optional<String> left = condition(b.left());
      Optional<String> right = condition(b.right());
      if (left.isEmpty() || right.isEmpty()) return Optional.empty();
      return Optional.of("(" + left.get() + " " + (b.op() == Expr.BinaryOp.AND ? "and" : "or") + " " + right.get() + ")");
    }
    if (expr instanceof Expr.Binary b && b.op().isComparison()) {
      Optional<String> left = value(b.left(), b.right());
      Optional<String> right = value(b.right(), b.left());
      if (left.isEmpty() || right.isEmpty()) return Optional.empty();
      String op = b.op() == Expr.BinaryOp.NE ? "<>" : b.op().symbol();
      return Optional.of(left.get() + " " + op + " " + right.get());
    }
    if (expr instanceof Expr.In in) {
      Optional<String> operand = value(in.operand(), in.items().get(0));
      if (operand.isEmpty()) return Optional.empty();
      List<String> parts = new ArrayList<>();
      for (Expr item : in.items()) {
        Optional<String> value = value(item, in.operand());
        if (value.isEmpty()) return Optional.empty();
        parts.add(operand.get() + (in.negated() ? " <> " : " = ") + value.get());
      }
      return Optional.of("(" + String.join(in.negated() ? " and " : " or ", parts) + ")");
    }
    if (expr instanceof Expr.Call c && c.arguments().size() == 1 && c.arguments().get(0) instanceof Expr.Name n
        && variables.containsKey(n.name()) && variables.get(n.name()).type() != VariableType.CODES) {
      if (c.function().equals("filled")) return Optional.of(field(n.name()) + " <> ''");
      if (c.function().equals("empty")) return Optional.of(field(n.name()) + " = ''");
    }
    if (expr instanceof Expr.Call c && c.function().equals("contains") && c.arguments().size() == 2
        && c.arguments().get(0) instanceof Expr.Name n && c.arguments().get(1) instanceof Expr.TextLiteral t
        && variables.containsKey(n.name()) && variables.get(n.name()).type() == VariableType.CODES) {
      return Optional.of("[" + fieldName.apply(n.name()) + "(" + t.value() + ")] = '1'");
    }
    return Optional.empty();
  }

  /** A number-valued expression as a REDCap calculation, or empty. */
  Optional<String> calculation(Expr expr) {
    if (expr instanceof Expr.NumberLiteral n) return Optional.of(n.value().toPlainString());
    if (expr instanceof Expr.Name n && variables.containsKey(n.name())
        && variables.get(n.name()).type().isNumeric()) {
      return Optional.of(field(n.name()));
    }
    if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE) {
      return calculation(u.operand()).map(o -> "-(" + o + ")");
    }
    if (expr instanceof Expr.Binary b && !b.op().isComparison() && b.op() != Expr.BinaryOp.AND && b.op() != Expr.BinaryOp.OR) {
      Optional<String> left = calculation(b.left());
      Optional<String> right = calculation(b.right());
      if (left.isEmpty() || right.isEmpty()) return Optional.empty();
      return Optional.of("(" + left.get() + " " + b.op().symbol() + " " + right.get() + ")");
    }
    if (expr instanceof Expr.Call c) {
      List<String> args = new ArrayList<>();
      boolean dates = c.function().equals("days_between") || c.function().equals("year");
      for (Expr argument : c.arguments()) {
        Optional<String> value = dates ? date(argument) : calculation(argument);
        if (value.isEmpty()) return Optional.empty();
        args.add(value.get());
      }
      switch (c.function()) {
        case "sum":
        case "mean":
        case "min":
        case "max":
          return args.size() > 1 ? Optional.of(c.function() + "(" + String.join(", ", args) + ")") : Optional.empty();
        case "round":
          return Optional.of("round(" + args.get(0) + ", " + (args.size() > 1 ? args.get(1) : "0") + ")");
        case "abs":
          return Optional.of("abs(" + args.get(0) + ")");
        case "year":
          return args.size() == 1 ? Optional.of("year(" + args.get(0) + ")") : Optional.empty();
        case "days_between":
          return Optional.of("datediff(" + args.get(0) + ", " + args.get(1) + ", \"d\", true)");
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<String> date(Expr expr) {
    if (expr instanceof Expr.Name n && variables.containsKey(n.name()) && variables.get(n.name()).type() == VariableType.DATE) {
      return Optional.of(field(n.name()));
    }
    if (expr instanceof Expr.Call c && c.function().equals("today") && c.arguments().isEmpty()) return Optional.of("'today'");
    if (expr instanceof Expr.DateLiteral d) return Optional.of("'" + d.value() + "'");
    return Optional.empty();
  }

  /** One side of a comparison; {@code other} is the opposite side, which decides how a literal is coded. */
  private Optional<String> value(Expr expr, Expr other) {
    if (expr instanceof Expr.Name n && variables.containsKey(n.name()) && variables.get(n.name()).type() != VariableType.CODES) {
      return Optional.of(field(n.name()));
    }
    if (expr instanceof Expr.BooleanLiteral b) return Optional.of(b.value() ? "'1'" : "'0'");
    if (expr instanceof Expr.TextLiteral t) return Optional.of("'" + t.value().replace("'", "") + "'");
    if (expr instanceof Expr.NumberLiteral n) return Optional.of(n.value().toPlainString());
    if (expr instanceof Expr.DateLiteral d) return Optional.of("'" + d.value() + "'");
    return calculation(expr);
  }

  private boolean isBoolean(String name) {
    return variables.containsKey(name) && variables.get(name).type() == VariableType.BOOLEAN;
  }

  private String field(String id) {
    return "[" + fieldName.apply(id) + "]";
  }
}
