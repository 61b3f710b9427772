package no.regforms.expression.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.ExprType;
import no.regforms.expression.RegularExpressions;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.parser.Expr;

/**
 * The functions of the expression language: arity, argument types and result type of each.
 *
 * <p>{@code min}, {@code max}, {@code sum}, {@code mean} and {@code count} are overloaded, and the
 * first argument decides: when its type is rows of a repeat group, the call is the collection form
 * {@code f(rows, t, expression)} (or {@code count(rows)}), and the second argument must be a bare
 * name, bound to each row in the third; otherwise {@code min}, {@code max}, {@code sum} and {@code
 * mean} take values ({@code sum(a, b, ...)}) and {@code count} takes a multiple-choice value.
 */
final class FunctionSignatures {

  private static final Kind[] DATES = {Kind.DATE, Kind.YEARMONTH, Kind.DATETIME};
  private static final Kind[] DAYS = {Kind.DATE, Kind.DATETIME};
  private static final Kind[] TEXTS = {Kind.TEXT, Kind.CODE};
  private static final int VARIADIC = Integer.MAX_VALUE;

  @FunctionalInterface
  private interface Rule {
    ExprType check(TypeChecker checker, Expr.Call call, TypeChecker.Scope scope);
  }

  /**
   * One function.
   *
   * @param usage how it is called, for messages
   * @param min fewest arguments
   * @param max most arguments ({@link #VARIADIC} for no limit); the rule checks the count itself
   *     when {@code min} is negative
   */
  private record Signature(String usage, int min, int max, Rule rule) {}

  private static final Map<String, Signature> SIGNATURES = signatures();

  private FunctionSignatures() {}

  /** Every function name. */
  static Set<String> names() {
    return Collections.unmodifiableSet(SIGNATURES.keySet());
  }

  static ExprType check(TypeChecker checker, Expr.Call call, TypeChecker.Scope scope) {
    Signature signature = SIGNATURES.get(call.function());
    if (signature == null) {
      checker.reportUnknown(IssueCode.UNKNOWN_FUNCTION, "unknown function '" + call.function() + "'",
          call.nameSpan(), call.function(), SIGNATURES.keySet());
      for (Expr argument : call.arguments()) {
        checker.check(argument, scope);
      }
      return null;
    }
    int count = call.arguments().size();
    if (signature.min() >= 0 && (count < signature.min() || count > signature.max())) {
      wrongCount(checker, call, signature.usage());
      return null;
    }
    return signature.rule().check(checker, call, scope);
  }

  private static void wrongCount(TypeChecker checker, Expr.Call call, String usage) {
    int count = call.arguments().size();
    checker.report(IssueCode.WRONG_ARGUMENT_COUNT, "wrong number of arguments to " + call.function()
        + ": expected " + usage + " but got " + count + (count == 1 ? " argument" : " arguments"),
        call.span());
  }

  private static Map<String, Signature> signatures() {
    Map<String, Signature> all = new LinkedHashMap<>();
    all.put("filled", new Signature("filled(x)", 1, 1, (c, call, s) -> {
      c.check(call.arguments().get(0), s);
      return ExprType.BOOLEAN;
    }));
    all.put("empty", new Signature("empty(x)", 1, 1, all.get("filled").rule()));
    all.put("answered", new Signature("answered(variable)", 1, 1, (c, call, s) -> {
      Expr argument = call.arguments().get(0);
      if (argument instanceof Expr.Name name && s.find(name.name()) == null) {
        c.check(argument, s);
      } else {
        c.report(IssueCode.TYPE_MISMATCH, "answered(...) takes the plain name of a variable",
            argument.span());
      }
      return ExprType.BOOLEAN;
    }));
    all.put("coalesce", new Signature("coalesce(a, b, ...)", 2, VARIADIC,
        (c, call, s) -> unify(c, call.arguments(), s)));
    all.put("if", new Signature("if(condition, then, else)", 3, 3, (c, call, s) -> {
      List<Expr> args = call.arguments();
      c.expect(args.get(0), c.check(args.get(0), s), "the condition of if", Kind.BOOLEAN);
      return unify(c, args.subList(1, 3), s);
    }));
    all.put("year", fixed("year(date)", ExprType.NUMBER, DATES));
    all.put("month", fixed("month(date)", ExprType.NUMBER, DATES));
    all.put("today", new Signature("today()", 0, 0, (c, call, s) -> ExprType.DATE));
    all.put("days_between", fixed("days_between(from, to)", ExprType.NUMBER, DAYS, DAYS));
    all.put("months_between", fixed("months_between(from, to)", ExprType.NUMBER, DATES, DATES));
    all.put("years_between", fixed("years_between(from, to)", ExprType.NUMBER, DATES, DATES));
    all.put("age_at", fixed("age_at(birth_date, date)", ExprType.NUMBER, DATES, DATES));
    all.put("add_days", new Signature("add_days(date, days)", 2, 2, (c, call, s) ->
        sameAsFirst(c, call, s, DAYS)));
    all.put("add_months", new Signature("add_months(date, months)", 2, 2, (c, call, s) ->
        sameAsFirst(c, call, s, DATES)));
    all.put("date", new Signature("date('yyyy-mm-dd') or date(year, month, day)", -1, 0, (c, call, s) ->
        construct(c, call, s, 3, ExprType.DATE, "date('2024-12-31')")));
    all.put("yearmonth", new Signature("yearmonth('yyyy-mm') or yearmonth(year, month)", -1, 0,
        (c, call, s) -> construct(c, call, s, 2, ExprType.YEARMONTH, "yearmonth('2022-06')")));
    all.put("round", new Signature("round(x) or round(x, digits)", 1, 2, (c, call, s) -> {
      for (Expr argument : call.arguments()) {
        c.expect(argument, c.check(argument, s), "round", Kind.NUMBER);
      }
      return ExprType.NUMBER;
    }));
    all.put("abs", fixed("abs(x)", ExprType.NUMBER, new Kind[] {Kind.NUMBER}));
    all.put("min", new Signature("min(a, b, ...) or min(rows, t, expression)", -1, 0,
        FunctionSignatures::extreme));
    all.put("max", new Signature("max(a, b, ...) or max(rows, t, expression)", -1, 0,
        FunctionSignatures::extreme));
    all.put("sum", new Signature("sum(a, b, ...) or sum(rows, t, expression)", -1, 0,
        FunctionSignatures::total));
    all.put("mean", new Signature("mean(a, b, ...) or mean(rows, t, expression)", -1, 0,
        FunctionSignatures::total));
    all.put("count", new Signature("count(rows), count(codes) or count(rows, t, condition)", -1, 0,
        FunctionSignatures::count));
    all.put("count_filled", new Signature("count_filled(a, b, ...)", 1, VARIADIC, (c, call, s) -> {
      for (Expr argument : call.arguments()) {
        c.check(argument, s);
      }
      return ExprType.NUMBER;
    }));
    all.put("matches", new Signature("matches(text, 'pattern')", 2, 2, FunctionSignatures::matches));
    all.put("contains", new Signature("contains(text, 'part') or contains(codes, 'code')", 2, 2,
        FunctionSignatures::contains));
    all.put("length", fixed("length(text)", ExprType.NUMBER, TEXTS));
    all.put("score", new Signature("score(code)", 1, 1, FunctionSignatures::score));
    all.put("any", new Signature("any(rows, t, condition)", 3, 3, (c, call, s) ->
        collection(c, call, s, Kind.BOOLEAN)));
    all.put("all", new Signature("all(rows, t, condition)", 3, 3, (c, call, s) ->
        collection(c, call, s, Kind.BOOLEAN)));
    return Collections.unmodifiableMap(all);
  }

  /** {@code score(x)}: the score the code list gives x's code; the list must have scores. */
  private static ExprType score(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    Expr argument = call.arguments().get(0);
    ExprType type = c.check(argument, s);
    if (!c.expect(argument, type, argumentName(call, 0), Kind.CODE)) {
      return null;
    }
    if (type.scores().isEmpty() && !type.codes().isEmpty()) {
      c.report(IssueCode.TYPE_MISMATCH, "code list '" + type.codeList().orElse("") + "' gives its codes no score; "
          + "add \"score\" to its codes to use score(...)", argument.span());
      return null;
    }
    return ExprType.NUMBER;
  }

  /** A function with a fixed list of arguments, each of one of the given kinds. */
  private static Signature fixed(String usage, ExprType result, Kind[]... parameters) {
    return new Signature(usage, parameters.length, parameters.length, (c, call, s) -> {
      for (int i = 0; i < parameters.length; i++) {
        Expr argument = call.arguments().get(i);
        c.expect(argument, c.check(argument, s), argumentName(call, i), parameters[i]);
      }
      return result;
    });
  }

  private static String argumentName(Expr.Call call, int index) {
    String[] ordinals = {"the first", "the second", "the third"};
    String ordinal = index < ordinals.length ? ordinals[index] : "argument " + (index + 1);
    return ordinal + " argument of " + call.function();
  }

  private static ExprType sameAsFirst(TypeChecker c, Expr.Call call, TypeChecker.Scope s, Kind[] kinds) {
    Expr first = call.arguments().get(0);
    ExprType type = c.check(first, s);
    boolean fits = c.expect(first, type, argumentName(call, 0), kinds);
    Expr amount = call.arguments().get(1);
    c.expect(amount, c.check(amount, s), argumentName(call, 1), Kind.NUMBER);
    return fits ? type : null;
  }

  private static ExprType construct(TypeChecker c, Expr.Call call, TypeChecker.Scope s, int parts,
      ExprType result, String example) {
    List<Expr> args = call.arguments();
    if (args.size() == 1) {
      // A text literal argument was read as a literal by the parser; anything else is wrong here.
      c.check(args.get(0), s);
      c.report(IssueCode.TYPE_MISMATCH, call.function() + "(...) with one argument takes a text literal,"
          + " such as " + example, args.get(0).span());
      return null;
    }
    if (args.size() != parts) {
      wrongCount(c, call, SIGNATURES.get(call.function()).usage());
      return null;
    }
    for (int i = 0; i < parts; i++) {
      c.expect(args.get(i), c.check(args.get(i), s), argumentName(call, i), Kind.NUMBER);
    }
    return result;
  }

  /** The common type of {@code args} (a code and a text make a text), or {@code null}. */
  private static ExprType unify(TypeChecker c, List<Expr> args, TypeChecker.Scope s) {
    ExprType common = null;
    boolean failed = false;
    for (Expr argument : args) {
      ExprType type = c.check(argument, s);
      if (type == null) {
        failed = true;
      } else if (common == null) {
        common = type;
      } else if (sameKind(common, type)) {
        if (common.kind() == Kind.CODE && !common.equals(type)) {
          common = ExprType.TEXT;
        }
      } else if (TypeChecker.comparable(common, type)) {
        common = ExprType.TEXT;
      } else {
        c.report(IssueCode.TYPE_MISMATCH, "this is " + type.displayName() + " but the other values are "
            + common.displayName() + "; all must have the same type", argument.span());
        failed = true;
      }
    }
    return failed ? null : common;
  }

  private static boolean sameKind(ExprType a, ExprType b) {
    return a.kind() == b.kind() && (a.kind() != Kind.ROWS || a.equals(b));
  }

  /** Whether the call is a collection form: its first argument is rows of a repeat group. */
  private static boolean overRows(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (call.arguments().isEmpty()) {
      return false;
    }
    ExprType first = c.check(call.arguments().get(0), s);
    return first != null && first.kind() == Kind.ROWS;
  }

  private static ExprType extreme(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (overRows(c, call, s)) {
      return collectionOfArity(c, call, s);
    }
    if (call.arguments().size() < 2) {
      wrongCount(c, call, SIGNATURES.get(call.function()).usage());
      return null;
    }
    ExprType common = unify(c, call.arguments(), s);
    if (common != null && !TypeChecker.isOrdered(common)) {
      c.report(IssueCode.TYPE_MISMATCH, call.function() + " needs numbers, dates, year-months, date-times"
          + " or texts, not " + common.displayName(), call.span());
      return null;
    }
    return common;
  }

  private static ExprType total(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (overRows(c, call, s)) {
      return collectionOfArity(c, call, s);
    }
    if (call.arguments().isEmpty()) {
      wrongCount(c, call, SIGNATURES.get(call.function()).usage());
      return null;
    }
    for (int i = 0; i < call.arguments().size(); i++) {
      Expr argument = call.arguments().get(i);
      c.expect(argument, c.check(argument, s), argumentName(call, i), Kind.NUMBER);
    }
    return ExprType.NUMBER;
  }

  private static ExprType collectionOfArity(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (call.arguments().size() != 3) {
      wrongCount(c, call, SIGNATURES.get(call.function()).usage());
      return null;
    }
    String name = call.function();
    if (name.equals("sum") || name.equals("mean")) {
      return collection(c, call, s, Kind.NUMBER);
    }
    if (name.equals("count")) {
      return collection(c, call, s, Kind.BOOLEAN) == null ? null : ExprType.NUMBER;
    }
    return collection(c, call, s, Kind.NUMBER, Kind.TEXT, Kind.DATE, Kind.YEARMONTH, Kind.DATETIME);
  }

  private static ExprType count(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (overRows(c, call, s)) {
      if (call.arguments().size() == 1) {
        return ExprType.NUMBER;
      }
      return collectionOfArity(c, call, s);
    }
    if (call.arguments().size() != 1) {
      wrongCount(c, call, SIGNATURES.get(call.function()).usage());
      return null;
    }
    Expr argument = call.arguments().get(0);
    return c.expect(argument, c.check(argument, s), "count", Kind.ROWS, Kind.CODES) ? ExprType.NUMBER : null;
  }

  /**
   * Checks {@code f(rows, t, body)}: the rows, the bound name, and the body with the name bound;
   * returns the body's type when it is one of {@code bodyKinds}.
   */
  private static ExprType collection(TypeChecker c, Expr.Call call, TypeChecker.Scope s, Kind... bodyKinds) {
    List<Expr> args = call.arguments();
    Expr rowsArgument = args.get(0);
    ExprType rows = c.check(rowsArgument, s);
    boolean fits = c.expect(rowsArgument, rows, argumentName(call, 0), Kind.ROWS);
    if (!(args.get(1) instanceof Expr.Name binding)) {
      c.report(IssueCode.TYPE_MISMATCH, "the second argument of " + call.function()
          + " must be a name for each row, as t in " + call.function() + "(rows, t, ...)", args.get(1).span());
      c.check(args.get(1), s);
      return null;
    }
    TypeChecker.Scope inner = s.bind(binding.name(), fits ? rows.fields() : null);
    Expr body = args.get(2);
    ExprType bodyType = c.check(body, inner);
    boolean bodyFits = c.expect(body, bodyType, argumentName(call, 2), bodyKinds);
    return fits && bodyFits ? bodyType : null;
  }

  private static ExprType matches(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    Expr subject = call.arguments().get(0);
    c.expect(subject, c.check(subject, s), argumentName(call, 0), TEXTS);
    Expr pattern = call.arguments().get(1);
    if (!(pattern instanceof Expr.TextLiteral literal)) {
      c.check(pattern, s);
      c.report(IssueCode.TYPE_MISMATCH, "the pattern of matches must be a text literal, such as '[0-9]{11}'",
          pattern.span());
      return ExprType.BOOLEAN;
    }
    c.check(pattern, s);
    RegularExpressions.problem(literal.value()).ifPresent(problem -> c.report(IssueCode.INVALID_LITERAL,
        "'" + literal.value() + "' is not a valid regular expression: " + problem, literal.span()));
    return ExprType.BOOLEAN;
  }

  private static ExprType contains(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    Expr container = call.arguments().get(0);
    ExprType type = c.check(container, s);
    Expr part = call.arguments().get(1);
    ExprType partType = c.check(part, s);
    if (c.expect(container, type, argumentName(call, 0), Kind.TEXT, Kind.CODE, Kind.CODES)
        && c.expect(part, partType, argumentName(call, 1), TEXTS)
        && type.kind() == Kind.CODES) {
      c.checkCode(type, part);
    }
    return ExprType.BOOLEAN;
  }
}
