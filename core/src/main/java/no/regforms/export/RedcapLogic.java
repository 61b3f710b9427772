package no.regforms.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.parser.Expr;
import no.regforms.expression.parser.ExprPrinter;

/**
 * Translates expressions to REDCap's branching-logic and calculation syntax, so that REDCap shows a
 * field exactly when regforms does, or says why it cannot.
 *
 * <p>regforms shows a field when its condition is true, and hides it when false or unknown (a
 * comparison with an empty variable is unknown). REDCap compares an empty field as the text {@code
 * ''}: {@code [x] = '1'} and the ordering comparisons are false for it, but {@code [x] <> '1'} is
 * true. So each condition is written as "this is true": {@code x != '1'} becomes {@code [x] <> ''
 * and [x] <> '1'}, {@code not} is pushed inward ({@code not (x = '1')} is "x is false", the same as
 * {@code x != '1'}), and {@code x = y} on two fields is guarded against both being empty. In a
 * calculation, REDCap's arithmetic is empty when an operand is, as regforms' is unknown, while its
 * {@code sum()} skips empty fields; so {@code sum(a, b)} is written {@code [a] + [b]}. What REDCap
 * cannot say is refused with the reason from this back end's {@link FunctionTable}. Stateless.
 */
final class RedcapLogic {

  private static final String EMPTY = "''";

  /**
   * One way to write a call: as a value of a calculation, or as a condition that holds or fails.
   */
  private record Form(ValueForm value, ConditionForm condition) {
    static Form value(ValueForm value) {
      return new Form(value, null);
    }

    static Form condition(ConditionForm condition) {
      return new Form(null, condition);
    }
  }

  @FunctionalInterface
  private interface ValueForm {
    Value write(Writer writer, Expr.Call call);
  }

  @FunctionalInterface
  private interface ConditionForm {
    Logic write(Writer writer, Expr.Call call, boolean holds);
  }

  private static final String DATE_ONLY = "REDCap calculations give numbers, not dates";
  private static final String CALENDAR =
      "REDCap's datediff counts months and years as fixed numbers of days, "
          + "not calendar months and whole years";
  private static final String ROWS =
      "a repeat group is a repeating instrument in REDCap, and a calculation "
          + "does not aggregate its instances";
  private static final FunctionTable<Form> FORMS =
      FunctionTable.<Form>builder("REDCap")
          .put(Builtin.FILLED, Form.condition((w, call, holds) -> w.filled(call, holds)))
          .put(Builtin.EMPTY, Form.condition((w, call, holds) -> w.filled(call, !holds)))
          .put(
              Builtin.CONTAINS_CODE,
              Form.condition((w, call, holds) -> w.containsCode(call, holds)))
          .put(
              Builtin.ROUND,
              Form.value(
                  (w, call) ->
                      Value.call("round(" + w.value(call.arguments().get(0)).text() + ", 0)")))
          .put(
              Builtin.ROUND_TO,
              Form.value(
                  (w, call) ->
                      Value.call(
                          "round("
                              + w.value(call.arguments().get(0)).text()
                              + ", "
                              + w.value(call.arguments().get(1)).text()
                              + ")")))
          .put(
              Builtin.ABS,
              Form.value(
                  (w, call) -> Value.call("abs(" + w.value(call.arguments().get(0)).text() + ")")))
          .put(
              Builtin.YEAR,
              Form.value((w, call) -> Value.call("year(" + w.date(call.arguments().get(0)) + ")")))
          .put(
              Builtin.MONTH,
              Form.value((w, call) -> Value.call("month(" + w.date(call.arguments().get(0)) + ")")))
          .put(
              Builtin.DAYS_BETWEEN,
              Form.value(
                  (w, call) ->
                      Value.call(
                          "datediff("
                              + w.date(call.arguments().get(0))
                              + ", "
                              + w.date(call.arguments().get(1))
                              + ", \"d\", true)")))
          .put(Builtin.SUM, Form.value((w, call) -> w.total(call.arguments())))
          .put(
              Builtin.MEAN,
              Form.value(
                  (w, call) ->
                      call.arguments().size() == 1
                          ? w.value(call.arguments().get(0))
                          : new Value(
                              "("
                                  + w.total(call.arguments()).text()
                                  + ") / "
                                  + call.arguments().size(),
                              Value.PRODUCT)))
          .refuse(
              "REDCap calculations give numbers; today() is written only as a datediff argument ('today')",
              Builtin.TODAY)
          .refuse(
              "missing-value reasons belong in the project's Missing Data Codes, which this export does not write",
              Builtin.ANSWERED)
          .refuse("REDCap logic has no coalesce", Builtin.COALESCE)
          .refuse("if(...) is not translated to REDCap", Builtin.IF)
          .refuse(
              "REDCap's datediff counts fractional hours and minutes, where regforms counts whole ones",
              Builtin.HOURS_BETWEEN,
              Builtin.MINUTES_BETWEEN)
          .refuse(CALENDAR, Builtin.MONTHS_BETWEEN, Builtin.YEARS_BETWEEN, Builtin.AGE_AT)
          .refuse(
              DATE_ONLY,
              Builtin.ADD_DAYS,
              Builtin.ADD_MONTHS,
              Builtin.DATE,
              Builtin.DATE_OF,
              Builtin.YEARMONTH)
          .refuse(
              "REDCap's min() and max() skip empty fields, where regforms' are unknown when any value is",
              Builtin.MIN,
              Builtin.MAX)
          .refuse(
              ROWS,
              Builtin.MIN_ROWS,
              Builtin.MAX_ROWS,
              Builtin.SUM_ROWS,
              Builtin.MEAN_ROWS,
              Builtin.COUNT_ROWS,
              Builtin.COUNT_WHERE,
              Builtin.ANY,
              Builtin.ALL)
          .refuse("counting checked options is not translated to REDCap", Builtin.COUNT_CODES)
          .refuse("count_filled(...) is not translated to REDCap", Builtin.COUNT_FILLED)
          .refuse("REDCap logic has no regular expressions", Builtin.MATCHES)
          .refuse("searching a text is not translated to REDCap", Builtin.CONTAINS_TEXT)
          .refuse("length(...) is not translated to REDCap", Builtin.LENGTH)
          .refuse("code scores are not part of a REDCap data dictionary", Builtin.SCORE)
          .build();

  private final Map<String, Variable> variables;
  private final Function<String, String> fieldName;
  private final Function<Variable, List<String>> codes;

  /**
   * @param variables the variables expressions may name, by id
   * @param fieldName the REDCap field name of a variable id (ids that clash across forms are
   *     renamed)
   * @param codes the codes of a {@code code} or {@code codes} variable's list, in order
   */
  RedcapLogic(
      Map<String, Variable> variables,
      Function<String, String> fieldName,
      Function<Variable, List<String>> codes) {
    this.variables = variables;
    this.fieldName = fieldName;
    this.codes = codes;
  }

  /** This back end's table of functions. */
  static FunctionTable<?> table() {
    return FORMS;
  }

  /**
   * The branching logic showing a field exactly when all of {@code conditions} are true, or why
   * there is none.
   */
  Translation condition(List<CompiledExpression> conditions) {
    try {
      List<Logic> parts = new ArrayList<>();
      for (CompiledExpression condition : conditions) {
        parts.add(new Writer(condition).logic(condition.syntax(), true));
      }
      return Translation.of(Logic.all(parts).print(false));
    } catch (Translation.Untranslatable e) {
      return Translation.refused(e.getMessage());
    }
  }

  /** A number-valued expression as a REDCap calculation, or why there is none. */
  Translation calculation(CompiledExpression expression) {
    try {
      return Translation.of(new Writer(expression).value(expression.syntax()).text());
    } catch (Translation.Untranslatable e) {
      return Translation.refused(e.getMessage());
    }
  }

  /**
   * {@code text} as a REDCap quoted value: single quotes, or double when the text holds a single
   * quote.
   */
  static String literal(String text) {
    if (!text.contains("'")) return "'" + text + "'";
    if (!text.contains("\"")) return "\"" + text + "\"";
    throw new Translation.Untranslatable(
        "the value "
            + ExprPrinter.quote(text)
            + " holds both kinds of quote, which a REDCap value cannot");
  }

  /**
   * Branching logic as a tree of {@code and} and {@code or}, printed with parentheses only around
   * an {@code or} inside an {@code and} and the reverse, so equal trees print alike.
   */
  private sealed interface Logic {
    record Atom(String text) implements Logic {}

    record All(List<Logic> parts) implements Logic {}

    record AnyOf(List<Logic> parts) implements Logic {}

    static Logic atom(String text) {
      return new Atom(text);
    }

    /**
     * The conjunction, nested conjunctions flattened and repeated parts (such as a guard) kept
     * once.
     */
    static Logic all(List<Logic> parts) {
      Set<Logic> flat = new LinkedHashSet<>();
      parts.forEach(p -> flat.addAll(p instanceof All all ? all.parts() : List.of(p)));
      return flat.size() == 1 ? flat.iterator().next() : new All(List.copyOf(flat));
    }

    static Logic any(List<Logic> parts) {
      Set<Logic> flat = new LinkedHashSet<>();
      parts.forEach(p -> flat.addAll(p instanceof AnyOf any ? any.parts() : List.of(p)));
      return flat.size() == 1 ? flat.iterator().next() : new AnyOf(List.copyOf(flat));
    }

    default String print(boolean nested) {
      if (this instanceof Atom atom) return atom.text();
      boolean conjunction = this instanceof All;
      List<Logic> parts = conjunction ? ((All) this).parts() : ((AnyOf) this).parts();
      List<String> printed = new ArrayList<>();
      parts.forEach(p -> printed.add(p.print(true)));
      String text = String.join(conjunction ? " and " : " or ", printed);
      // Flattening leaves only the other kind nested, which needs parentheses.
      return nested ? "(" + text + ")" : text;
    }
  }

  /**
   * A calculation's text with the binding of its outermost operator: {@link #SUM} for {@code + -},
   * {@link #PRODUCT} for {@code * /}, {@link #NEGATION}, {@link #ATOM} for fields, numbers and
   * calls.
   */
  private record Value(String text, int precedence) {
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int NEGATION = 3;
    static final int ATOM = 4;

    static Value call(String text) {
      return new Value(text, ATOM);
    }

    /** This value as an operand that must bind at least as tightly as {@code needed}. */
    String operand(int needed) {
      return precedence < needed ? "(" + text + ")" : text;
    }
  }

  /** Translates the nodes of one compiled expression, whose calls it resolves. */
  private final class Writer {
    private final CompiledExpression expression;

    Writer(CompiledExpression expression) {
      this.expression = expression;
    }

    /**
     * The logic that is true exactly when {@code expr} is true ({@code holds}) or false (not {@code
     * holds}).
     */
    Logic logic(Expr expr, boolean holds) {
      if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT)
        return logic(u.operand(), !holds);
      if (expr instanceof Expr.Binary b
          && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
        List<Logic> parts = List.of(logic(b.left(), holds), logic(b.right(), holds));
        // "a and b" holds when both hold, and fails when either fails; "or" the other way round.
        return (b.op() == Expr.BinaryOp.AND) == holds ? Logic.all(parts) : Logic.any(parts);
      }
      if (expr instanceof Expr.Binary b && b.op().isComparison()) {
        return compare(holds ? b.op() : negate(b.op()), b.left(), b.right());
      }
      if (expr instanceof Expr.In in) return in(in, in.negated() != holds);
      if (expr instanceof Expr.Name n && field(n).type() == VariableType.BOOLEAN) {
        return Logic.atom(ref(n) + " = " + (holds ? "'1'" : "'0'"));
      }
      if (expr instanceof Expr.Call c) {
        Form form = form(c);
        if (form.condition() == null) {
          throw new Translation.Untranslatable(c.function() + "(...) is a value, not a condition");
        }
        return form.condition().write(this, c, holds);
      }
      throw new Translation.Untranslatable(
          "'" + ExprPrinter.print(expr) + "' has no REDCap branching logic form");
    }

    private Logic compare(Expr.BinaryOp op, Expr left, Expr right) {
      if (isLiteral(left) && !isLiteral(right)) return compare(flip(op), right, left);
      if (left instanceof Expr.Name n
          && field(n).type() == VariableType.BOOLEAN
          && right instanceof Expr.BooleanLiteral b) {
        if (op != Expr.BinaryOp.EQ && op != Expr.BinaryOp.NE) {
          throw new Translation.Untranslatable("yes/no fields have no order");
        }
        return Logic.atom(ref(n) + " = " + ((op == Expr.BinaryOp.EQ) == b.value() ? "'1'" : "'0'"));
      }
      orderable(op, left);
      String l = operand(left);
      String r = operand(right);
      String atom = l + " " + symbol(op) + " " + r;
      List<Logic> parts = new ArrayList<>();
      if (op == Expr.BinaryOp.NE) {
        // '' <> 'x' is true in REDCap, so each field on either side must be filled first.
        fields(left, parts);
        fields(right, parts);
      } else if (op == Expr.BinaryOp.EQ && !isLiteral(right)) {
        // '' = '' is true in REDCap: two empty sides must not count as equal.
        fields(left, parts);
      }
      parts.add(Logic.atom(atom));
      return Logic.all(parts);
    }

    private void orderable(Expr.BinaryOp op, Expr side) {
      if (op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.NE) return;
      var type = expression.typeOf(side).orElseThrow().kind();
      if (type != no.regforms.expression.ExprType.Kind.NUMBER
          && type != no.regforms.expression.ExprType.Kind.DATE) {
        throw new Translation.Untranslatable(
            "REDCap orders only numbers and dates, not a "
                + type.name().toLowerCase(java.util.Locale.ROOT));
      }
    }

    /** One side of a comparison: a field, a quoted value, a number, or a calculation. */
    private String operand(Expr expr) {
      if (expr instanceof Expr.Name n) return ref(n);
      if (expr instanceof Expr.TextLiteral t) return literal(t.value());
      if (expr instanceof Expr.NumberLiteral n) return n.value().toPlainString();
      if (expr instanceof Expr.DateLiteral d) return "'" + d.value() + "'";
      return value(expr).text();
    }

    private Logic in(Expr.In in, boolean holds) {
      if (!(in.operand() instanceof Expr.Name n)) {
        throw new Translation.Untranslatable("'in' on a calculated value has no REDCap form");
      }
      List<Logic> parts = new ArrayList<>();
      if (!holds) parts.add(guard(n));
      for (Expr item : in.items()) {
        parts.add(Logic.atom(ref(n) + (holds ? " = " : " <> ") + operand(item)));
      }
      return holds ? Logic.any(parts) : Logic.all(parts);
    }

    Logic filled(Expr.Call call, boolean filled) {
      Expr argument = call.arguments().get(0);
      if (!(argument instanceof Expr.Name n)) {
        throw new Translation.Untranslatable(
            call.function() + "(...) of a calculated value has no REDCap form");
      }
      Variable v = field(n);
      if (v.type() != VariableType.CODES)
        return filled ? guard(n) : Logic.atom(ref(n) + " = " + EMPTY);
      // A checkbox field is filled when any option is checked.
      List<Logic> options = new ArrayList<>();
      codes.apply(v).forEach(code -> options.add(option(n, code, filled)));
      return filled ? Logic.any(options) : Logic.all(options);
    }

    Logic containsCode(Expr.Call call, boolean holds) {
      Expr.Name n = (Expr.Name) call.arguments().get(0);
      if (!(call.arguments().get(1) instanceof Expr.TextLiteral code)) {
        throw new Translation.Untranslatable(
            "contains(...) with a calculated code has no REDCap form");
      }
      Variable v = field(n);
      if (holds) return option(n, code.value(), true);
      // Not containing the code is unknown when nothing is checked: some other option must be.
      List<Logic> others = new ArrayList<>();
      codes.apply(v).stream()
          .filter(c -> !c.equals(code.value()))
          .forEach(c -> others.add(option(n, c, true)));
      if (others.isEmpty()) {
        throw new Translation.Untranslatable(
            "'" + n.name() + "' has no option besides '" + code.value() + "'");
      }
      return Logic.all(List.of(option(n, code.value(), false), Logic.any(others)));
    }

    private Logic option(Expr.Name n, String code, boolean checked) {
      return Logic.atom(
          "[" + fieldName.apply(n.name()) + "(" + code + ")] = " + (checked ? "'1'" : "'0'"));
    }

    private Logic guard(Expr.Name n) {
      return Logic.atom(ref(n) + " <> " + EMPTY);
    }

    /**
     * Guards for the fields a comparison side reads, so that an empty one makes the comparison
     * fail.
     */
    private void fields(Expr side, List<Logic> out) {
      if (side instanceof Expr.Name n) {
        out.add(guard(n));
      } else {
        side.children().forEach(child -> fields(child, out));
      }
    }

    /** A number- (or date-) valued expression as a calculation. */
    Value value(Expr expr) {
      if (expr instanceof Expr.NumberLiteral n) return Value.call(n.value().toPlainString());
      if (expr instanceof Expr.Name n) {
        if (!field(n).type().isNumeric()) {
          throw new Translation.Untranslatable(
              "'"
                  + n.name()
                  + "' is not a number; in a REDCap calculation only number"
                  + " fields take part");
        }
        return Value.call(ref(n));
      }
      if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE) {
        return new Value("-" + value(u.operand()).operand(Value.NEGATION), Value.NEGATION);
      }
      if (expr instanceof Expr.Binary b
          && !b.op().isComparison()
          && b.op() != Expr.BinaryOp.AND
          && b.op() != Expr.BinaryOp.OR) {
        int level =
            b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUBTRACT
                ? Value.SUM
                : Value.PRODUCT;
        // Left-associative: the right operand must bind tighter.
        return new Value(
            value(b.left()).operand(level)
                + " "
                + b.op().symbol()
                + " "
                + value(b.right()).operand(level + 1),
            level);
      }
      if (expr instanceof Expr.Call c) {
        Form form = form(c);
        if (form.value() == null) {
          throw new Translation.Untranslatable(c.function() + "(...) is a condition, not a value");
        }
        return form.value().write(this, c);
      }
      throw new Translation.Untranslatable(
          "'" + ExprPrinter.print(expr) + "' has no REDCap calculation form");
    }

    /** A date argument of datediff or year: a date field, a date, or 'today'. */
    String date(Expr expr) {
      if (expr instanceof Expr.Name n && field(n).type() == VariableType.DATE) return ref(n);
      if (expr instanceof Expr.DateLiteral d) return "'" + d.value() + "'";
      if (expr instanceof Expr.Call c && expression.functionOf(c) == Builtin.TODAY)
        return "'today'";
      throw new Translation.Untranslatable(
          "'" + ExprPrinter.print(expr) + "' is not a date field, a date or today()");
    }

    /** {@code a + b + ...}: REDCap's {@code sum()} would skip empty fields. */
    Value total(List<Expr> arguments) {
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < arguments.size(); i++) {
        terms.add(value(arguments.get(i)).operand(i == 0 ? Value.SUM : Value.SUM + 1));
      }
      return new Value(
          String.join(" + ", terms),
          terms.size() == 1 ? value(arguments.get(0)).precedence() : Value.SUM);
    }

    private Form form(Expr.Call c) {
      Builtin function = expression.functionOf(c);
      return FORMS
          .entry(function)
          .orElseThrow(
              () ->
                  new Translation.Untranslatable(
                      function.function() + "(...): " + FORMS.refusal(function).orElseThrow()));
    }

    private Variable field(Expr.Name n) {
      Variable v = variables.get(n.name());
      if (v == null) {
        throw new Translation.Untranslatable(
            "'" + n.name() + "' is not a field of this instrument's form");
      }
      return v;
    }

    private String ref(Expr.Name n) {
      field(n);
      return "[" + fieldName.apply(n.name()) + "]";
    }

    private boolean isLiteral(Expr expr) {
      return expr instanceof Expr.TextLiteral
          || expr instanceof Expr.NumberLiteral
          || expr instanceof Expr.DateLiteral
          || expr instanceof Expr.BooleanLiteral
          || expr instanceof Expr.YearMonthLiteral;
    }
  }

  private static Expr.BinaryOp negate(Expr.BinaryOp op) {
    switch (op) {
      case EQ:
        return Expr.BinaryOp.NE;
      case NE:
        return Expr.BinaryOp.EQ;
      case LT:
        return Expr.BinaryOp.GE;
      case LE:
        return Expr.BinaryOp.GT;
      case GT:
        return Expr.BinaryOp.LE;
      default:
        return Expr.BinaryOp.LT;
    }
  }

  private static Expr.BinaryOp flip(Expr.BinaryOp op) {
    switch (op) {
      case LT:
        return Expr.BinaryOp.GT;
      case LE:
        return Expr.BinaryOp.GE;
      case GT:
        return Expr.BinaryOp.LT;
      case GE:
        return Expr.BinaryOp.LE;
      default:
        return op;
    }
  }

  private static String symbol(Expr.BinaryOp op) {
    return op == Expr.BinaryOp.NE ? "<>" : op.symbol();
  }
}
