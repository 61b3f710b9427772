package no.regforms.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Variable;
import no.regforms.expression.parser.Expr;

/**
 * Translates the expression language to FHIRPath over a QuestionnaireResponse, where a variable is
 * the answer of the item whose {@code linkId} is its id. Covers the operators and the functions
 * that have a direct FHIRPath counterpart; anything else (date arithmetic, collection functions)
 * has no translation. Both languages propagate empty (unknown) values through arithmetic and
 * comparisons, so a translation keeps the meaning of missing values. Stateless.
 */
final class FhirPath {

  private final Map<String, Variable> variables;

  /** A translator for expressions over {@code variables} (the questionnaire's items by id). */
  FhirPath(Map<String, Variable> variables) {
    this.variables = variables;
  }

  /** The answer of item {@code id}: its value, or its code for coded items. */
  String answer(String id) {
    Variable v = variables.get(id);
    return v != null && v.type().isCoded() ? value(id) + ".code" : value(id);
  }

  private static String value(String id) {
    return "%resource.repeat(item).where(linkId='" + id + "').answer.value";
  }

  /** The FHIRPath of {@code expr}, or empty when part of it has no counterpart. */
  Optional<String> translate(Expr expr) {
    if (expr instanceof Expr.NumberLiteral n) return Optional.of(n.value().toPlainString());
    if (expr instanceof Expr.TextLiteral t) return Optional.of(quote(t.value()));
    if (expr instanceof Expr.BooleanLiteral b) return Optional.of(String.valueOf(b.value()));
    if (expr instanceof Expr.DateLiteral d) return Optional.of("@" + d.value());
    if (expr instanceof Expr.Name n) {
      return variables.containsKey(n.name()) ? Optional.of(answer(n.name())) : Optional.empty();
    }
    if (expr instanceof Expr.Unary u) {
      return translate(u.operand()).map(o -> u.op() == Expr.UnaryOp.NOT ? "(" + o + ").not()" : "-(" + o + ")");
    }
    if (expr instanceof Expr.Binary b) {
      Optional<String> left = translate(b.left());
      Optional<String> right = translate(b.right());
      if (left.isEmpty() || right.isEmpty()) return Optional.empty();
      return Optional.of("(" + left.get() + " " + b.op().symbol() + " " + right.get() + ")");
    }
    if (expr instanceof Expr.In in) {
      Optional<String> operand = translate(in.operand());
      if (operand.isEmpty()) return Optional.empty();
      List<String> parts = new ArrayList<>();
      for (Expr item : in.items()) {
        Optional<String> value = translate(item);
        if (value.isEmpty()) return Optional.empty();
        parts.add(operand.get() + " = " + value.get());
      }
      String any = "(" + String.join(" or ", parts) + ")";
      return Optional.of(in.negated() ? any + ".not()" : any);
    }
    if (expr instanceof Expr.Call c) return call(c);
    return Optional.empty();
  }

  private Optional<String> call(Expr.Call c) {
    if (c.function().equals("score") && c.arguments().size() == 1 && c.arguments().get(0) instanceof Expr.Name n
        && variables.containsKey(n.name())) {
      // SDC's weight(): the ordinalValue the questionnaire gives the chosen answer option.
      return Optional.of(value(n.name()) + ".weight()");
    }
    List<String> args = new ArrayList<>();
    for (Expr argument : c.arguments()) {
      Optional<String> value = translate(argument);
      if (value.isEmpty()) return Optional.empty();
      args.add(value.get());
    }
    switch (c.function() + "/" + args.size()) {
      case "filled/1": return Optional.of("(" + args.get(0) + ").exists()");
      case "empty/1": return Optional.of("(" + args.get(0) + ").empty()");
      case "today/0": return Optional.of("today()");
      case "round/1": return Optional.of("(" + args.get(0) + ").round(0)");
      case "round/2": return Optional.of("(" + args.get(0) + ").round(" + args.get(1) + ")");
      case "abs/1": return Optional.of("(" + args.get(0) + ").abs()");
      case "coalesce/2": return Optional.of("iif((" + args.get(0) + ").exists(), " + args.get(0) + ", " + args.get(1) + ")");
      case "contains/2": return Optional.of("(" + args.get(0) + " contains " + args.get(1) + ")");
      default:
        break;
    }
    if (c.function().equals("sum") && args.size() > 1) {
      return Optional.of("(" + String.join(" + ", args) + ")");
    }
    if (c.function().equals("mean") && args.size() > 1) {
      return Optional.of("((" + String.join(" + ", args) + ") / " + args.size() + ")");
    }
    return Optional.empty();
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
