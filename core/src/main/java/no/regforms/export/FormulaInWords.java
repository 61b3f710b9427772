package no.regforms.export;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.regforms.definition.Formula;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.parser.Expr;
import no.regforms.expression.parser.ExprPrinter;

/**
 * A formula in Norwegian words for readers of codebooks: variables by their labels, operators and
 * the common functions spelled out ({@code months_between(onset, diagnosis_date) <= 24} becomes
 * «måneder fra «Debut» til «Diagnosedato» er høyst 24»). Functions without a phrase keep their
 * written form with the arguments in words. Stateless.
 */
final class FormulaInWords {

  /** Says one call, given its arguments in words. */
  @FunctionalInterface
  private interface Phrase {
    String say(List<String> arguments, Expr.Call call);
  }

  /** The function as written, its arguments in words: {@code sum(«A», «B»)}. */
  private static final Phrase WRITTEN =
      (a, call) -> call.function() + "(" + String.join(", ", a) + ")";

  private static final FunctionTable<Phrase> PHRASES =
      FunctionTable.<Phrase>builder("the formula in words")
          .put(Builtin.FILLED, (a, call) -> a.get(0) + " er fylt ut")
          .put(Builtin.EMPTY, (a, call) -> a.get(0) + " er ikke fylt ut")
          .put(Builtin.ANSWERED, (a, call) -> a.get(0) + " er besvart")
          .put(Builtin.DAYS_BETWEEN, (a, call) -> "dager fra " + a.get(0) + " til " + a.get(1))
          .put(Builtin.HOURS_BETWEEN, (a, call) -> "timer fra " + a.get(0) + " til " + a.get(1))
          .put(
              Builtin.MINUTES_BETWEEN, (a, call) -> "minutter fra " + a.get(0) + " til " + a.get(1))
          .put(Builtin.DATE_OF, (a, call) -> "datoen for " + a.get(0))
          .put(Builtin.MONTHS_BETWEEN, (a, call) -> "måneder fra " + a.get(0) + " til " + a.get(1))
          .put(Builtin.YEARS_BETWEEN, (a, call) -> "år fra " + a.get(0) + " til " + a.get(1))
          .put(Builtin.AGE_AT, (a, call) -> "alder ved " + a.get(1) + " (født " + a.get(0) + ")")
          .put(Builtin.YEAR, (a, call) -> "året for " + a.get(0))
          .put(Builtin.TODAY, (a, call) -> "dagens dato")
          .put((a, call) -> "antall rader i " + a.get(0), Builtin.COUNT_ROWS, Builtin.COUNT_CODES)
          .put(Builtin.COUNT_WHERE, (a, call) -> "antall rader i " + a.get(0) + " der " + a.get(2))
          .put(Builtin.ANY, (a, call) -> "minst én rad i " + a.get(0) + " der " + a.get(2))
          .put(Builtin.ALL, (a, call) -> "alle rader i " + a.get(0) + " der " + a.get(2))
          .put(
              (a, call) -> a.get(0) + " inneholder " + a.get(1),
              Builtin.CONTAINS_TEXT,
              Builtin.CONTAINS_CODE)
          .put(
              WRITTEN,
              Builtin.COALESCE,
              Builtin.IF,
              Builtin.MONTH,
              Builtin.ADD_DAYS,
              Builtin.ADD_MONTHS,
              Builtin.DATE,
              Builtin.YEARMONTH,
              Builtin.ROUND,
              Builtin.ROUND_TO,
              Builtin.ABS,
              Builtin.MIN,
              Builtin.MAX,
              Builtin.SUM,
              Builtin.MEAN,
              Builtin.MIN_ROWS,
              Builtin.MAX_ROWS,
              Builtin.SUM_ROWS,
              Builtin.MEAN_ROWS,
              Builtin.COUNT_FILLED,
              Builtin.MATCHES,
              Builtin.LENGTH,
              Builtin.SCORE)
          .build();

  private final Function<String, String> labels;

  /** A printer that names a variable by {@code labels.apply(id)}. */
  FormulaInWords(Function<String, String> labels) {
    this.labels = labels;
  }

  /** Labels from {@code byId}, falling back to the id. */
  static FormulaInWords of(Map<String, String> byId) {
    return new FormulaInWords(id -> byId.getOrDefault(id, id));
  }

  /** This back end's table of functions. */
  static FunctionTable<?> table() {
    return PHRASES;
  }

  String words(Formula formula) {
    return new Speaker(formula.compiled()).words(formula.compiled().syntax());
  }

  /** Says the nodes of one expression, whose calls it resolves through the compiled expression. */
  private final class Speaker {
    private final CompiledExpression expression;

    Speaker(CompiledExpression expression) {
      this.expression = expression;
    }

    String words(Expr expr) {
      if (expr instanceof Expr.Name n) return "«" + labels.apply(n.name()) + "»";
      if (expr instanceof Expr.Member m) return "«" + labels.apply(m.member()) + "»";
      if (expr instanceof Expr.Unary u) {
        return u.op() == Expr.UnaryOp.NOT
            ? "ikke (" + words(u.operand()) + ")"
            : "−" + words(u.operand());
      }
      if (expr instanceof Expr.Binary b) return binary(b);
      if (expr instanceof Expr.In in) {
        String items = in.items().stream().map(this::words).collect(Collectors.joining(", "));
        return words(in.operand())
            + (in.negated() ? " er ingen av (" : " er en av (")
            + items
            + ")";
      }
      if (expr instanceof Expr.Call c) {
        List<String> arguments = c.arguments().stream().map(this::words).toList();
        return PHRASES.require(expression.functionOf(c)).say(arguments, c);
      }
      if (expr instanceof Expr.BooleanLiteral b) return b.value() ? "ja" : "nei";
      return ExprPrinter.print(expr);
    }

    private String binary(Expr.Binary b) {
      String left = operand(b.left());
      String right = operand(b.right());
      switch (b.op()) {
        case AND:
          return left + " og " + right;
        case OR:
          return left + " eller " + right;
        case EQ:
          return left + " er " + right;
        case NE:
          return left + " er ikke " + right;
        case LT:
          return left + " er mindre enn " + right;
        case LE:
          return left + " er høyst " + right;
        case GT:
          return left + " er større enn " + right;
        case GE:
          return left + " er minst " + right;
        default:
          return left + " " + b.op().symbol() + " " + right;
      }
    }

    private String operand(Expr expr) {
      boolean compound =
          expr instanceof Expr.Binary b
              && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR);
      return compound ? "(" + words(expr) + ")" : words(expr);
    }
  }
}
