package no.regforms.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Variable;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.parser.Expr;

/**
 * Translates the expression language to FHIRPath over a QuestionnaireResponse, where a variable is
 * the answer of the item whose {@code linkId} is its id. Covers the operators and the functions
 * that have a direct FHIRPath counterpart; for the others its {@link FunctionTable} says why not
 * (date arithmetic, collection functions). Both languages propagate empty (unknown) values through
 * arithmetic and comparisons, so a translation keeps the meaning of missing values. Stateless.
 */
final class FhirPath {

  /** Writes one call, given its arguments already in FHIRPath. */
  @FunctionalInterface
  private interface Form {
    String write(Expr.Call call, List<String> arguments);
  }

  private static final String COLLECTIONS = "repeat groups are not translated to FHIRPath";
  private static final String DATES = "date arithmetic has no FHIRPath translation here";
  private static final FunctionTable<Form> FORMS =
      FunctionTable.<Form>builder("FHIRPath")
          .put(Builtin.FILLED, (call, a) -> "(" + a.get(0) + ").exists()")
          .put(Builtin.EMPTY, (call, a) -> "(" + a.get(0) + ").empty()")
          .put(Builtin.TODAY, (call, a) -> "today()")
          .put(Builtin.ROUND, (call, a) -> "(" + a.get(0) + ").round(0)")
          .put(Builtin.ROUND_TO, (call, a) -> "(" + a.get(0) + ").round(" + a.get(1) + ")")
          .put(Builtin.ABS, (call, a) -> "(" + a.get(0) + ").abs()")
          .put(
              Builtin.COALESCE,
              (call, a) -> {
                if (a.size() != 2) {
                  throw new Translation.Untranslatable(
                      "coalesce of more than two values is not translated to FHIRPath");
                }
                return "iif((" + a.get(0) + ").exists(), " + a.get(0) + ", " + a.get(1) + ")";
              })
          .put(
              (call, a) -> "(" + a.get(0) + " contains " + a.get(1) + ")",
              Builtin.CONTAINS_TEXT,
              Builtin.CONTAINS_CODE)
          .put(Builtin.SUM, (call, a) -> "(" + String.join(" + ", a) + ")")
          .put(Builtin.MEAN, (call, a) -> "((" + String.join(" + ", a) + ") / " + a.size() + ")")
          .put(
              Builtin.SCORE,
              (call, a) -> {
                if (!(call.arguments().get(0) instanceof Expr.Name item)) {
                  throw new Translation.Untranslatable(
                      "score(...) of other than an item is not translated to FHIRPath");
                }
                // SDC's weight(): the ordinalValue the questionnaire gives the chosen answer
                // option.
                return value(item.name()) + ".weight()";
              })
          .refuse(
              "missing-value reasons are not part of a QuestionnaireResponse's answers",
              Builtin.ANSWERED)
          .refuse("if(...) is not translated to FHIRPath", Builtin.IF)
          .refuse(
              DATES,
              Builtin.YEAR,
              Builtin.MONTH,
              Builtin.DAYS_BETWEEN,
              Builtin.HOURS_BETWEEN,
              Builtin.MINUTES_BETWEEN,
              Builtin.DATE_OF,
              Builtin.MONTHS_BETWEEN,
              Builtin.YEARS_BETWEEN,
              Builtin.AGE_AT,
              Builtin.ADD_DAYS,
              Builtin.ADD_MONTHS,
              Builtin.DATE,
              Builtin.YEARMONTH)
          .refuse(
              "FHIRPath R4 has no minimum or maximum of several values", Builtin.MIN, Builtin.MAX)
          .refuse(
              COLLECTIONS,
              Builtin.MIN_ROWS,
              Builtin.MAX_ROWS,
              Builtin.SUM_ROWS,
              Builtin.MEAN_ROWS,
              Builtin.COUNT_ROWS,
              Builtin.COUNT_WHERE,
              Builtin.ANY,
              Builtin.ALL)
          .refuse("counting chosen codes is not translated to FHIRPath", Builtin.COUNT_CODES)
          .refuse("count_filled(...) is not translated to FHIRPath", Builtin.COUNT_FILLED)
          .refuse(
              "RE2 patterns are not translated to FHIRPath's regular expressions", Builtin.MATCHES)
          .refuse("length(...) is not translated to FHIRPath", Builtin.LENGTH)
          .build();

  private final Map<String, Variable> variables;

  /** A translator for expressions over {@code variables} (the questionnaire's items by id). */
  FhirPath(Map<String, Variable> variables) {
    this.variables = variables;
  }

  /** This back end's table of functions. */
  static FunctionTable<?> table() {
    return FORMS;
  }

  /** The answer of item {@code id}: its value, or its code for coded items. */
  String answer(String id) {
    Variable v = variables.get(id);
    return v != null && v.type().isCoded() ? value(id) + ".code" : value(id);
  }

  private static String value(String id) {
    return "%resource.repeat(item).where(linkId='" + id + "').answer.value";
  }

  /** The FHIRPath of {@code expression}, or why it has none. */
  Translation translate(CompiledExpression expression) {
    try {
      return Translation.of(translate(expression, expression.syntax()));
    } catch (Translation.Untranslatable e) {
      return Translation.refused(e.getMessage());
    }
  }

  private String translate(CompiledExpression expression, Expr expr) {
    if (expr instanceof Expr.NumberLiteral n) return n.value().toPlainString();
    if (expr instanceof Expr.TextLiteral t) return quote(t.value());
    if (expr instanceof Expr.BooleanLiteral b) return String.valueOf(b.value());
    if (expr instanceof Expr.DateLiteral d) return "@" + d.value();
    if (expr instanceof Expr.Name n) {
      if (!variables.containsKey(n.name())) {
        throw new Translation.Untranslatable(
            "'" + n.name() + "' is not an item of this questionnaire");
      }
      return answer(n.name());
    }
    if (expr instanceof Expr.Unary u) {
      String operand = translate(expression, u.operand());
      return u.op() == Expr.UnaryOp.NOT ? "(" + operand + ").not()" : "-(" + operand + ")";
    }
    if (expr instanceof Expr.Binary b) {
      return "("
          + translate(expression, b.left())
          + " "
          + b.op().symbol()
          + " "
          + translate(expression, b.right())
          + ")";
    }
    if (expr instanceof Expr.In in) {
      String operand = translate(expression, in.operand());
      List<String> parts = new ArrayList<>();
      for (Expr item : in.items()) {
        parts.add(operand + " = " + translate(expression, item));
      }
      String any = "(" + String.join(" or ", parts) + ")";
      return in.negated() ? any + ".not()" : any;
    }
    if (expr instanceof Expr.Call c) {
      Builtin function = expression.functionOf(c);
      Form form =
          FORMS
              .entry(function)
              .orElseThrow(
                  () ->
                      new Translation.Untranslatable(
                          function.function() + "(...): " + FORMS.refusal(function).orElseThrow()));
      List<String> arguments = new ArrayList<>();
      for (Expr argument : c.arguments()) {
        arguments.add(translate(expression, argument));
      }
      return form.write(c, arguments);
    }
    throw new Translation.Untranslatable(
        "'"
            + no.regforms.expression.parser.ExprPrinter.print(expr)
            + "' has no FHIRPath translation here");
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
