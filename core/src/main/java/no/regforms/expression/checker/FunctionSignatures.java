package no.regforms.expression.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.Builtin;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.RegularExpressions;
import no.regforms.expression.parser.Expr;

/**
 * The functions of the expression language: for each name, how a call picks its {@link Builtin}
 * overload, and for each overload its arity, argument types and result type.
 *
 * <p>{@code min}, {@code max}, {@code sum}, {@code mean} and {@code count} are overloaded, and the
 * first argument decides: when its type is rows of a repeat group, the call is the collection form
 * {@code f(rows, t, expression)} (or {@code count(rows)}), and the second argument must be a bare
 * name, bound to each row in the third; otherwise {@code min}, {@code max}, {@code sum} and {@code
 * mean} take values ({@code sum(a, b, ...)}) and {@code count} takes a multiple-choice value.
 * {@code round} is chosen by its argument count and {@code contains} by whether its first argument
 * is a multiple-choice value. The checker records the chosen overload on the call.
 */
final class FunctionSignatures {

  private static final Kind[] DATES = {Kind.DATE, Kind.YEARMONTH, Kind.DATETIME};
  private static final Kind[] DAYS = {Kind.DATE, Kind.DATETIME};
  private static final Kind[] TEXTS = {Kind.TEXT, Kind.CODE};
  private static final int VARIADIC = Integer.MAX_VALUE;

  /** Checks a call of one overload and returns its type, or {@code null} after reporting. */
  @FunctionalInterface
  private interface Rule {
    ExprType check(TypeChecker checker, Expr.Call call, TypeChecker.Scope scope);
  }

  /** Picks the overload of a call by its arguments. */
  @FunctionalInterface
  private interface Choice {
    Builtin choose(TypeChecker checker, Expr.Call call, TypeChecker.Scope scope);
  }

  /**
   * One function name.
   *
   * @param usage how it is called, for messages
   * @param min fewest arguments
   * @param max most arguments ({@link #VARIADIC} for no limit); the overload's rule checks the
   *     count itself when {@code min} is negative
   * @param choice which overload a call is
   */
  private record Signature(String usage, int min, int max, Choice choice) {}

  private static final Map<String, Signature> SIGNATURES = signatures();
  private static final FunctionTable<Rule> RULES = rules();

  private FunctionSignatures() {}

  /** Every function name. */
  static Set<String> names() {
    return Collections.unmodifiableSet(SIGNATURES.keySet());
  }

  static ExprType check(TypeChecker checker, Expr.Call call, TypeChecker.Scope scope) {
    Signature signature = SIGNATURES.get(call.function());
    if (signature == null) {
      checker.reportUnknown(
          IssueCode.UNKNOWN_FUNCTION,
          "unknown function '" + call.function() + "'",
          call.nameSpan(),
          call.function(),
          SIGNATURES.keySet());
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
    Builtin function = signature.choice().choose(checker, call, scope);
    checker.resolve(call, function);
    return RULES.require(function).check(checker, call, scope);
  }

  private static void wrongCount(TypeChecker checker, Expr.Call call, String usage) {
    int count = call.arguments().size();
    checker.report(
        IssueCode.WRONG_ARGUMENT_COUNT,
        "wrong number of arguments to "
            + call.function()
            + ": expected "
            + usage
            + " but got "
            + count
            + (count == 1 ? " argument" : " arguments"),
        call.span());
  }

  private static void wrongCount(TypeChecker checker, Expr.Call call) {
    wrongCount(checker, call, SIGNATURES.get(call.function()).usage());
  }

  private static Choice only(Builtin function) {
    return (c, call, s) -> function;
  }

  /** The collection overload when the first argument is rows, else the plain one. */
  private static Choice byRows(Builtin values, Builtin rows) {
    return (c, call, s) -> overRows(c, call, s) ? rows : values;
  }

  private static Map<String, Signature> signatures() {
    Map<String, Signature> all = new LinkedHashMap<>();
    one(all, Builtin.FILLED, 1, 1);
    one(all, Builtin.EMPTY, 1, 1);
    one(all, Builtin.ANSWERED, 1, 1);
    one(all, Builtin.COALESCE, 2, VARIADIC);
    one(all, Builtin.IF, 3, 3);
    one(all, Builtin.YEAR, 1, 1);
    one(all, Builtin.MONTH, 1, 1);
    one(all, Builtin.TODAY, 0, 0);
    one(all, Builtin.DAYS_BETWEEN, 2, 2);
    one(all, Builtin.HOURS_BETWEEN, 2, 2);
    one(all, Builtin.MINUTES_BETWEEN, 2, 2);
    one(all, Builtin.MONTHS_BETWEEN, 2, 2);
    one(all, Builtin.YEARS_BETWEEN, 2, 2);
    one(all, Builtin.AGE_AT, 2, 2);
    one(all, Builtin.ADD_DAYS, 2, 2);
    one(all, Builtin.ADD_MONTHS, 2, 2);
    all.put(
        "date",
        new Signature(
            "date('yyyy-mm-dd'), date(datetime) or date(year, month, day)",
            -1,
            0,
            (c, call, s) -> call.arguments().size() == 1 ? Builtin.DATE_OF : Builtin.DATE));
    all.put(
        "yearmonth",
        new Signature(
            "yearmonth('yyyy-mm') or yearmonth(year, month)", -1, 0, only(Builtin.YEARMONTH)));
    all.put(
        "round",
        new Signature(
            "round(x) or round(x, digits)",
            1,
            2,
            (c, call, s) -> call.arguments().size() == 1 ? Builtin.ROUND : Builtin.ROUND_TO));
    one(all, Builtin.ABS, 1, 1);
    all.put(
        "min",
        new Signature(
            "min(a, b, ...) or min(rows, t, expression)",
            -1,
            0,
            byRows(Builtin.MIN, Builtin.MIN_ROWS)));
    all.put(
        "max",
        new Signature(
            "max(a, b, ...) or max(rows, t, expression)",
            -1,
            0,
            byRows(Builtin.MAX, Builtin.MAX_ROWS)));
    all.put(
        "sum",
        new Signature(
            "sum(a, b, ...) or sum(rows, t, expression)",
            -1,
            0,
            byRows(Builtin.SUM, Builtin.SUM_ROWS)));
    all.put(
        "mean",
        new Signature(
            "mean(a, b, ...) or mean(rows, t, expression)",
            -1,
            0,
            byRows(Builtin.MEAN, Builtin.MEAN_ROWS)));
    all.put(
        "count",
        new Signature(
            "count(rows), count(codes) or count(rows, t, condition)",
            -1,
            0,
            (c, call, s) ->
                !overRows(c, call, s)
                    ? Builtin.COUNT_CODES
                    : call.arguments().size() == 1 ? Builtin.COUNT_ROWS : Builtin.COUNT_WHERE));
    one(all, Builtin.COUNT_FILLED, 1, VARIADIC);
    one(all, Builtin.MATCHES, 2, 2);
    all.put(
        "contains",
        new Signature(
            "contains(text, 'part') or contains(codes, 'code')",
            2,
            2,
            (c, call, s) ->
                c.kindOf(call.arguments().get(0), s) == Kind.CODES
                    ? Builtin.CONTAINS_CODE
                    : Builtin.CONTAINS_TEXT));
    one(all, Builtin.LENGTH, 1, 1);
    one(all, Builtin.SCORE, 1, 1);
    one(all, Builtin.ANY, 3, 3);
    one(all, Builtin.ALL, 3, 3);
    return Collections.unmodifiableMap(all);
  }

  private static void one(Map<String, Signature> all, Builtin function, int min, int max) {
    all.put(function.function(), new Signature(function.usage(), min, max, only(function)));
  }

  private static FunctionTable<Rule> rules() {
    Rule known =
        (c, call, s) -> {
          c.check(call.arguments().get(0), s);
          return ExprType.BOOLEAN;
        };
    return FunctionTable.<Rule>builder("the type checker")
        .put(known, Builtin.FILLED, Builtin.EMPTY)
        .put(
            Builtin.ANSWERED,
            (c, call, s) -> {
              Expr argument = call.arguments().get(0);
              if (argument instanceof Expr.Name name && s.find(name.name()) == null) {
                c.check(argument, s);
              } else {
                c.report(
                    IssueCode.TYPE_MISMATCH,
                    "answered(...) takes the plain name of a variable",
                    argument.span());
              }
              return ExprType.BOOLEAN;
            })
        .put(Builtin.COALESCE, (c, call, s) -> unify(c, call.arguments(), s))
        .put(
            Builtin.IF,
            (c, call, s) -> {
              List<Expr> args = call.arguments();
              c.expect(args.get(0), c.check(args.get(0), s), "the condition of if", Kind.BOOLEAN);
              return unify(c, args.subList(1, 3), s);
            })
        .put(fixed(ExprType.NUMBER, DATES), Builtin.YEAR, Builtin.MONTH)
        .put(Builtin.TODAY, (c, call, s) -> ExprType.DATE)
        .put(
            fixed(ExprType.NUMBER, DAYS, DAYS),
            Builtin.DAYS_BETWEEN,
            Builtin.HOURS_BETWEEN,
            Builtin.MINUTES_BETWEEN)
        .put(
            fixed(ExprType.NUMBER, DATES, DATES),
            Builtin.MONTHS_BETWEEN,
            Builtin.YEARS_BETWEEN,
            Builtin.AGE_AT)
        .put(Builtin.ADD_DAYS, (c, call, s) -> sameAsFirst(c, call, s, DAYS))
        .put(Builtin.ADD_MONTHS, (c, call, s) -> sameAsFirst(c, call, s, DATES))
        .put(
            Builtin.DATE,
            (c, call, s) -> construct(c, call, s, 3, ExprType.DATE, "date('2024-12-31')"))
        .put(Builtin.DATE_OF, FunctionSignatures::dateOf)
        .put(
            Builtin.YEARMONTH,
            (c, call, s) -> construct(c, call, s, 2, ExprType.YEARMONTH, "yearmonth('2022-06')"))
        .put(
            (c, call, s) -> {
              for (Expr argument : call.arguments()) {
                c.expect(argument, c.check(argument, s), "round", Kind.NUMBER);
              }
              return ExprType.NUMBER;
            },
            Builtin.ROUND,
            Builtin.ROUND_TO)
        .put(Builtin.ABS, fixed(ExprType.NUMBER, new Kind[] {Kind.NUMBER}))
        .put(FunctionSignatures::extreme, Builtin.MIN, Builtin.MAX)
        .put(FunctionSignatures::total, Builtin.SUM, Builtin.MEAN)
        .put(
            (c, call, s) ->
                collectionOfArity(
                    c, call, s, Kind.NUMBER, Kind.TEXT, Kind.DATE, Kind.YEARMONTH, Kind.DATETIME),
            Builtin.MIN_ROWS,
            Builtin.MAX_ROWS)
        .put(
            (c, call, s) -> collectionOfArity(c, call, s, Kind.NUMBER),
            Builtin.SUM_ROWS,
            Builtin.MEAN_ROWS)
        .put(Builtin.COUNT_ROWS, (c, call, s) -> ExprType.NUMBER)
        .put(
            Builtin.COUNT_WHERE,
            (c, call, s) ->
                collectionOfArity(c, call, s, Kind.BOOLEAN) == null ? null : ExprType.NUMBER)
        .put(Builtin.COUNT_CODES, FunctionSignatures::countCodes)
        .put(
            Builtin.COUNT_FILLED,
            (c, call, s) -> {
              for (Expr argument : call.arguments()) {
                c.check(argument, s);
              }
              return ExprType.NUMBER;
            })
        .put(Builtin.MATCHES, FunctionSignatures::matches)
        .put(FunctionSignatures::contains, Builtin.CONTAINS_TEXT, Builtin.CONTAINS_CODE)
        .put(Builtin.LENGTH, fixed(ExprType.NUMBER, TEXTS))
        .put(Builtin.SCORE, FunctionSignatures::score)
        .put((c, call, s) -> collection(c, call, s, Kind.BOOLEAN), Builtin.ANY, Builtin.ALL)
        .build();
  }

  /** {@code score(x)}: the score the code list gives x's code; the list must have scores. */
  private static ExprType score(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    Expr argument = call.arguments().get(0);
    ExprType type = c.check(argument, s);
    if (!c.expect(argument, type, argumentName(call, 0), Kind.CODE)) {
      return null;
    }
    if (type.scores().isEmpty() && !type.codes().isEmpty()) {
      c.report(
          IssueCode.TYPE_MISMATCH,
          "code list '"
              + type.codeList().orElse("")
              + "' gives its codes no score; "
              + "add \"score\" to its codes to use score(...)",
          argument.span());
      return null;
    }
    return ExprType.NUMBER;
  }

  /**
   * {@code date(x)} of a date-time (or a date); a text literal argument was read by the parser as a
   * date literal, so any other argument is a mistake this message explains.
   */
  private static ExprType dateOf(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    Expr argument = call.arguments().get(0);
    ExprType type = c.check(argument, s);
    if (type != null && type.kind() != Kind.DATETIME && type.kind() != Kind.DATE) {
      c.report(
          IssueCode.TYPE_MISMATCH,
          "date(...) with one argument takes a date-time, such as date(admitted_at),"
              + " or a text literal, such as date('2024-12-31'); this is "
              + type.displayName(),
          argument.span());
      return null;
    }
    return type == null ? null : ExprType.DATE;
  }

  /** A function with a fixed list of arguments, each of one of the given kinds. */
  private static Rule fixed(ExprType result, Kind[]... parameters) {
    return (c, call, s) -> {
      for (int i = 0; i < parameters.length; i++) {
        Expr argument = call.arguments().get(i);
        c.expect(argument, c.check(argument, s), argumentName(call, i), parameters[i]);
      }
      return result;
    };
  }

  private static String argumentName(Expr.Call call, int index) {
    String[] ordinals = {"the first", "the second", "the third"};
    String ordinal = index < ordinals.length ? ordinals[index] : "argument " + (index + 1);
    return ordinal + " argument of " + call.function();
  }

  private static ExprType sameAsFirst(
      TypeChecker c, Expr.Call call, TypeChecker.Scope s, Kind[] kinds) {
    Expr first = call.arguments().get(0);
    ExprType type = c.check(first, s);
    boolean fits = c.expect(first, type, argumentName(call, 0), kinds);
    Expr amount = call.arguments().get(1);
    c.expect(amount, c.check(amount, s), argumentName(call, 1), Kind.NUMBER);
    return fits ? type : null;
  }

  private static ExprType construct(
      TypeChecker c,
      Expr.Call call,
      TypeChecker.Scope s,
      int parts,
      ExprType result,
      String example) {
    List<Expr> args = call.arguments();
    if (args.size() == 1) {
      // A text literal argument was read as a literal by the parser; anything else is wrong here.
      c.check(args.get(0), s);
      c.report(
          IssueCode.TYPE_MISMATCH,
          call.function() + "(...) with one argument takes a text literal," + " such as " + example,
          args.get(0).span());
      return null;
    }
    if (args.size() != parts) {
      wrongCount(c, call);
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
        c.report(
            IssueCode.TYPE_MISMATCH,
            "this is "
                + type.displayName()
                + " but the other values are "
                + common.displayName()
                + "; all must have the same type",
            argument.span());
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
    if (call.arguments().size() < 2) {
      wrongCount(c, call);
      return null;
    }
    ExprType common = unify(c, call.arguments(), s);
    if (common != null && !TypeChecker.isOrdered(common)) {
      c.report(
          IssueCode.TYPE_MISMATCH,
          call.function()
              + " needs numbers, dates, year-months, date-times"
              + " or texts, not "
              + common.displayName(),
          call.span());
      return null;
    }
    return common;
  }

  private static ExprType total(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (call.arguments().isEmpty()) {
      wrongCount(c, call);
      return null;
    }
    for (int i = 0; i < call.arguments().size(); i++) {
      Expr argument = call.arguments().get(i);
      c.expect(argument, c.check(argument, s), argumentName(call, i), Kind.NUMBER);
    }
    return ExprType.NUMBER;
  }

  /** A collection form, which takes exactly three arguments. */
  private static ExprType collectionOfArity(
      TypeChecker c, Expr.Call call, TypeChecker.Scope s, Kind... bodyKinds) {
    if (call.arguments().size() != 3) {
      wrongCount(c, call);
      return null;
    }
    return collection(c, call, s, bodyKinds);
  }

  private static ExprType countCodes(TypeChecker c, Expr.Call call, TypeChecker.Scope s) {
    if (call.arguments().size() != 1) {
      wrongCount(c, call);
      return null;
    }
    Expr argument = call.arguments().get(0);
    return c.expect(argument, c.check(argument, s), "count", Kind.ROWS, Kind.CODES)
        ? ExprType.NUMBER
        : null;
  }

  /**
   * Checks {@code f(rows, t, body)}: the rows, the bound name, and the body with the name bound;
   * returns the body's type when it is one of {@code bodyKinds}.
   */
  private static ExprType collection(
      TypeChecker c, Expr.Call call, TypeChecker.Scope s, Kind... bodyKinds) {
    List<Expr> args = call.arguments();
    Expr rowsArgument = args.get(0);
    ExprType rows = c.check(rowsArgument, s);
    boolean fits = c.expect(rowsArgument, rows, argumentName(call, 0), Kind.ROWS);
    if (!(args.get(1) instanceof Expr.Name binding)) {
      c.report(
          IssueCode.TYPE_MISMATCH,
          "the second argument of "
              + call.function()
              + " must be a name for each row, as t in "
              + call.function()
              + "(rows, t, ...)",
          args.get(1).span());
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
      c.report(
          IssueCode.TYPE_MISMATCH,
          "the pattern of matches must be a text literal, such as '[0-9]{11}'",
          pattern.span());
      return ExprType.BOOLEAN;
    }
    c.check(pattern, s);
    RegularExpressions.problem(literal.value())
        .ifPresent(
            problem ->
                c.report(
                    IssueCode.INVALID_LITERAL,
                    "'" + literal.value() + "' is not a valid regular expression: " + problem,
                    literal.span()));
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
