package no.regforms.export;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.regforms.definition.Formula;
import no.regforms.expression.parser.Expr;
import no.regforms.expression.parser.ExprPrinter;

/**
 * A formula in Norwegian words for readers of codebooks: variables by their labels, operators and
 * the common functions spelled out ({@code months_between(onset, diagnosis_date) <= 24} becomes
 * «måneder fra «Debut» til «Diagnosedato» er høyst 24»). Functions without a phrase keep their
 * written form. Stateless.
 */
final class FormulaInWords {

  private final Function<String, String> labels;

  /** A printer that names a variable by {@code labels.apply(id)}. */
  FormulaInWords(Function<String, String> labels) {
    this.labels = labels;
  }

  /** Labels from {@code byId}, falling back to the id. */
  static FormulaInWords of(Map<String, String> byId) {
    return new FormulaInWords(id -> byId.getOrDefault(id, id));
  }

  String words(Formula formula) {
    return words(formula.compiled().syntax());
  }

  String words(Expr expr) {
    if (expr instanceof Expr.Name n) return "«" + labels.apply(n.name()) + "»";
    if (expr instanceof Expr.Member m) return "«" + labels.apply(m.member()) + "»";
    if (expr instanceof Expr.Unary u) {
      return u.op() == Expr.UnaryOp.NOT ? "ikke (" + words(u.operand()) + ")" : "−" + words(u.operand());
    }
    if (expr instanceof Expr.Binary b) return binary(b);
    if (expr instanceof Expr.In in) {
      String items = in.items().stream().map(this::words).collect(Collectors.joining(", "));
      return words(in.operand()) + (in.negated() ? " er ingen av (" : " er en av (") + items + ")";
    }
    if (expr instanceof Expr.Call c) return call(c);
    if (expr instanceof Expr.BooleanLiteral b) return b.value() ? "ja" : "nei";
    return ExprPrinter.print(expr);
  }

  private String binary(Expr.Binary b) {
    String left = operand(b.left());
    String right = operand(b.right());
    switch (b.op()) {
      case AND: return left + " og " + right;
      case OR: return left + " eller " + right;
      case EQ: return left + " er " + right;
      case NE: return left + " er ikke " + right;
      case LT: return left + " er mindre enn " + right;
      case LE: return left + " er høyst " + right;
      case GT: return left + " er større enn " + right;
      case GE: return left + " er minst " + right;
      default: return left + " " + b.op().symbol() + " " + right;
    }
  }

  private String operand(Expr expr) {
    boolean compound = expr instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR);
    return compound ? "(" + words(expr) + ")" : words(expr);
  }

  private String call(Expr.Call c) {
    List<Expr> a = c.arguments();
    switch (c.function() + "/" + a.size()) {
      case "filled/1": return words(a.get(0)) + " er fylt ut";
      case "empty/1": return words(a.get(0)) + " er ikke fylt ut";
      case "answered/1": return words(a.get(0)) + " er besvart";
      case "days_between/2": return "dager fra " + words(a.get(0)) + " til " + words(a.get(1));
      case "months_between/2": return "måneder fra " + words(a.get(0)) + " til " + words(a.get(1));
      case "years_between/2": return "år fra " + words(a.get(0)) + " til " + words(a.get(1));
      case "age_at/2": return "alder ved " + words(a.get(1)) + " (født " + words(a.get(0)) + ")";
      case "year/1": return "året for " + words(a.get(0));
      case "today/0": return "dagens dato";
      case "count/1": return "antall rader i " + words(a.get(0));
      case "count/3": return "antall rader i " + words(a.get(0)) + " der " + words(a.get(2));
      case "any/3": return "minst én rad i " + words(a.get(0)) + " der " + words(a.get(2));
      case "all/3": return "alle rader i " + words(a.get(0)) + " der " + words(a.get(2));
      case "contains/2": return words(a.get(0)) + " inneholder " + words(a.get(1));
      default:
        String args = a.stream().map(this::words).collect(Collectors.joining(", "));
        return c.function() + "(" + args + ")";
    }
  }
}
