package no.regforms.expression.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.FunctionTable;
import no.regforms.expression.parser.Expr;

/**
 * Compiles a checked expression to JavaScript with the same result as the JVM evaluator.
 *
 * <p>The output is a function expression {@code function(c){return ...;}} that reads the values of
 * its context {@code c} through {@code c.v(name, kind)}, explicit missing-value reasons through
 * {@code c.m(name)} and today's date through {@code c.today()} (an epoch day), and calls the
 * runtime {@code RegformsExpr} of {@link #runtime()}, which must be loaded first. Values follow the
 * runtime's representation: exact decimals for numbers, epoch days for dates, month indexes for
 * year-months, {@code null} for unknown. Text from the definition (text literals, codes, patterns)
 * appears only inside escaped JavaScript string literals, with {@code <}, {@code >} and {@code &}
 * written as {@code \}{@code u} escapes, so the output can sit inside an HTML {@code <script>}
 * element; nothing of the definition is ever evaluated as code.
 *
 * <p>{@code matches(text, 'pattern')} runs the RE2 pattern itself with re2js, the JavaScript port
 * of RE2/J ({@link #regexEngine()}, which a page using patterns must load before the runtime): the
 * browser gives the server's verdict, in linear time. See {@link #usesRegex}.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * String js = JavaScriptEmitter.emit(variable.visibleIf().get().compiled());
 * // function(c){return RegformsExpr.eq(c.v("involuntary","B"),true);}
 * }</pre>
 */
public final class JavaScriptEmitter {

  private static final String RUNTIME_RESOURCE = "regforms-expr.js";

  /** Put there by the build from the npm package (see core/pom.xml). */
  private static final String REGEX_ENGINE_RESOURCE = "re2js/build/index.umd.js";

  private static final String R = "RegformsExpr.";

  private final CompiledExpression expression;
  private final List<String> bound = new ArrayList<>();

  private JavaScriptEmitter(CompiledExpression expression) {
    this.expression = expression;
  }

  /** The JavaScript function computing {@code expression}. */
  public static String emit(CompiledExpression expression) {
    Objects.requireNonNull(expression, "expression");
    JavaScriptEmitter emitter = new JavaScriptEmitter(expression);
    return "function(c){return " + emitter.emit(expression.syntax()) + ";}";
  }

  /**
   * Whether the function emitted for {@code expression} runs a regular expression, and so needs
   * {@link #regexEngine()} on the page.
   */
  public static boolean usesRegex(CompiledExpression expression) {
    Objects.requireNonNull(expression, "expression");
    return callsMatches(expression, expression.syntax());
  }

  private static boolean callsMatches(CompiledExpression expression, Expr node) {
    return node instanceof Expr.Call call && expression.functionOf(call) == Builtin.MATCHES
        || node.children().stream().anyMatch(child -> callsMatches(expression, child));
  }

  /**
   * re2js, the JavaScript port of RE2/J (MIT licence, kept in its header), as a script defining the
   * global {@code RE2JS}; the runtime's {@code re(pattern)} compiles with it. It matches what RE2/J
   * matches, in time linear in the input. About 270 KB, so pages include it only when they use a
   * pattern.
   */
  public static String regexEngine() {
    return RegexEngine.SOURCE;
  }

  /** Loaded on first use: most pages need no patterns. */
  private static final class RegexEngine {
    static final String SOURCE = resource(REGEX_ENGINE_RESOURCE);
  }

  /** The runtime the emitted functions call, as JavaScript source defining {@code RegformsExpr}. */
  public static String runtime() {
    return resource(RUNTIME_RESOURCE);
  }

  private static String resource(String name) {
    try (InputStream in = JavaScriptEmitter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The one-letter kind code the runtime uses: {@code N} number, {@code S} text or code, {@code B}
   * boolean, {@code D} date, {@code Y} year-month, {@code T} date-time, {@code L} codes, {@code R}
   * rows.
   */
  public static String kindCode(Kind kind) {
    switch (Objects.requireNonNull(kind, "kind")) {
      case NUMBER:
        return "N";
      case TEXT:
      case CODE:
        return "S";
      case BOOLEAN:
        return "B";
      case DATE:
        return "D";
      case YEARMONTH:
        return "Y";
      case DATETIME:
        return "T";
      case CODES:
        return "L";
      default:
        return "R";
    }
  }

  /**
   * {@code text} as a double-quoted JavaScript string literal that is also safe inside an HTML
   * {@code <script>} element: quotes, backslashes, controls, {@code < > &}, and every non-ASCII
   * character are escaped.
   */
  public static String stringLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20 || ch > 0x7e || ch == '<' || ch == '>' || ch == '&' || ch == '\'') {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private Kind kind(Expr node) {
    return expression
        .typeOf(node)
        .map(ExprType::kind)
        .orElseThrow(() -> new IllegalStateException("node without a type at " + node.span()));
  }

  private String k(Expr node) {
    return stringLiteral(kindCode(kind(node)));
  }

  private String emit(Expr node) {
    if (node instanceof Expr.NumberLiteral number) {
      return R + "n(" + stringLiteral(number.value().toPlainString()) + ")";
    } else if (node instanceof Expr.TextLiteral text) {
      return stringLiteral(text.value());
    } else if (node instanceof Expr.BooleanLiteral bool) {
      return Boolean.toString(bool.value());
    } else if (node instanceof Expr.DateLiteral date) {
      return Long.toString(date.value().toEpochDay());
    } else if (node instanceof Expr.YearMonthLiteral month) {
      return Long.toString(month.value().getYear() * 12L + month.value().getMonthValue() - 1);
    } else if (node instanceof Expr.Name name) {
      return "c.v(" + stringLiteral(name.name()) + "," + k(node) + ")";
    } else if (node instanceof Expr.Member member) {
      String target = ((Expr.Name) member.target()).name();
      int slot = bound.lastIndexOf(target);
      if (slot < 0) {
        // A link read (course.course_end): the page holds the linked values under that name.
        return "c.v(" + stringLiteral(target + "." + member.member()) + "," + k(node) + ")";
      }
      return R + "mem(r" + slot + "," + stringLiteral(member.member()) + "," + k(node) + ")";
    } else if (node instanceof Expr.Unary unary) {
      String op = unary.op() == Expr.UnaryOp.NOT ? "not" : "neg";
      return R + op + "(" + emit(unary.operand()) + ")";
    } else if (node instanceof Expr.Binary binary) {
      return R
          + binaryName(binary.op())
          + "("
          + emit(binary.left())
          + ","
          + emit(binary.right())
          + ")";
    } else if (node instanceof Expr.In in) {
      List<String> items = new ArrayList<>();
      in.items().forEach(item -> items.add(emit(item)));
      return R
          + "inList("
          + emit(in.operand())
          + ",["
          + String.join(",", items)
          + "],"
          + in.negated()
          + ")";
    } else if (node instanceof Expr.Call call) {
      return call(call);
    }
    throw new IllegalStateException("unknown syntax node " + node.getClass().getSimpleName());
  }

  private static String binaryName(Expr.BinaryOp op) {
    switch (op) {
      case OR:
        return "or";
      case AND:
        return "and";
      case EQ:
        return "eq";
      case NE:
        return "ne";
      case LT:
        return "lt";
      case LE:
        return "le";
      case GT:
        return "gt";
      case GE:
        return "ge";
      case ADD:
        return "add";
      case SUBTRACT:
        return "sub";
      case MULTIPLY:
        return "mul";
      default:
        return "div";
    }
  }

  private String args(List<Expr> arguments) {
    List<String> out = new ArrayList<>();
    arguments.forEach(a -> out.add(emit(a)));
    return String.join(",", out);
  }

  /** Writes one call as JavaScript. */
  @FunctionalInterface
  private interface Form {
    String write(JavaScriptEmitter emitter, Expr.Call call);
  }

  private static final FunctionTable<Form> FORMS = forms();

  /** The emitter's table, which has a JavaScript form for every function. */
  static FunctionTable<?> table() {
    return FORMS;
  }

  private String call(Expr.Call call) {
    return FORMS.require(expression.functionOf(call)).write(this, call);
  }

  /** {@code RegformsExpr.<runtime>(arguments...)}. */
  private static Form runtimeCall(String runtime) {
    return (e, call) -> R + runtime + "(" + e.args(call.arguments()) + ")";
  }

  /** {@code RegformsExpr.<runtime>(argument, kind)}: a function of one date-like argument. */
  private static Form withKind(String runtime) {
    return (e, call) ->
        R
            + runtime
            + "("
            + e.emit(call.arguments().get(0))
            + ","
            + e.k(call.arguments().get(0))
            + ")";
  }

  /** {@code RegformsExpr.<runtime>(date, amount, kind)}. */
  private static Form shift(String runtime) {
    return (e, call) ->
        R
            + runtime
            + "("
            + e.emit(call.arguments().get(0))
            + ","
            + e.emit(call.arguments().get(1))
            + ","
            + e.k(call.arguments().get(0))
            + ")";
  }

  private static Form between(String runtime) {
    return (e, call) -> e.between(runtime, call.arguments());
  }

  private static FunctionTable<Form> forms() {
    return FunctionTable.<Form>builder("JavaScript")
        .put(runtimeCall("filled"), Builtin.FILLED)
        .put(runtimeCall("empty"), Builtin.EMPTY)
        .put(
            Builtin.ANSWERED,
            (e, call) -> {
              String variable = ((Expr.Name) call.arguments().get(0)).name();
              return "("
                  + R
                  + "filled("
                  + e.emit(call.arguments().get(0))
                  + ")||c.m("
                  + stringLiteral(variable)
                  + "))";
            })
        .put(runtimeCall("coalesce"), Builtin.COALESCE)
        .put(
            Builtin.IF,
            (e, call) -> {
              List<Expr> args = call.arguments();
              return "("
                  + e.emit(args.get(0))
                  + "===true?"
                  + e.emit(args.get(1))
                  + ":"
                  + e.emit(args.get(2))
                  + ")";
            })
        .put(withKind("year"), Builtin.YEAR)
        .put(withKind("month"), Builtin.MONTH)
        .put(Builtin.TODAY, (e, call) -> "c.today()")
        .put(between("daysBetween"), Builtin.DAYS_BETWEEN)
        .put(between("hoursBetween"), Builtin.HOURS_BETWEEN)
        .put(between("minutesBetween"), Builtin.MINUTES_BETWEEN)
        .put(withKind("dateOf"), Builtin.DATE_OF)
        .put(between("monthsBetween"), Builtin.MONTHS_BETWEEN)
        .put(between("yearsBetween"), Builtin.YEARS_BETWEEN, Builtin.AGE_AT)
        .put(shift("addDays"), Builtin.ADD_DAYS)
        .put(shift("addMonths"), Builtin.ADD_MONTHS)
        .put(runtimeCall("make"), Builtin.DATE, Builtin.YEARMONTH)
        .put(
            Builtin.SCORE,
            (e, call) -> {
              List<String> entries = new ArrayList<>();
              new java.util.TreeMap<>(
                      e.expression.typeOf(call.arguments().get(0)).orElseThrow().scores())
                  .forEach(
                      (code, score) ->
                          entries.add(
                              stringLiteral(code)
                                  + ":"
                                  + R
                                  + "n("
                                  + stringLiteral(score.toPlainString())
                                  + ")"));
              return R
                  + "score("
                  + e.emit(call.arguments().get(0))
                  + ",{"
                  + String.join(",", entries)
                  + "})";
            })
        .put(runtimeCall("round"), Builtin.ROUND, Builtin.ROUND_TO)
        .put(runtimeCall("abs"), Builtin.ABS)
        .put(runtimeCall("min"), Builtin.MIN)
        .put(runtimeCall("max"), Builtin.MAX)
        .put(runtimeCall("sum"), Builtin.SUM)
        .put(runtimeCall("mean"), Builtin.MEAN)
        .put(runtimeCall("count"), Builtin.COUNT_ROWS, Builtin.COUNT_CODES)
        .put(runtimeCall("countFilled"), Builtin.COUNT_FILLED)
        .put(
            Builtin.MATCHES,
            (e, call) -> {
              String pattern = ((Expr.TextLiteral) call.arguments().get(1)).value();
              return R
                  + "matches("
                  + e.emit(call.arguments().get(0))
                  + ","
                  + R
                  + "re("
                  + stringLiteral(pattern)
                  + "))";
            })
        .put(
            Builtin.CONTAINS_CODE,
            (e, call) -> R + "containsCode(" + e.args(call.arguments()) + ")")
        .put(
            Builtin.CONTAINS_TEXT,
            (e, call) -> R + "containsText(" + e.args(call.arguments()) + ")")
        .put(runtimeCall("length"), Builtin.LENGTH)
        .put(collection("minRows"), Builtin.MIN_ROWS)
        .put(collection("maxRows"), Builtin.MAX_ROWS)
        .put(collection("sumRows"), Builtin.SUM_ROWS)
        .put(collection("meanRows"), Builtin.MEAN_ROWS)
        .put(collection("countRows"), Builtin.COUNT_WHERE)
        .put(collection("anyRows"), Builtin.ANY)
        .put(collection("allRows"), Builtin.ALL)
        .build();
  }

  private String between(String function, List<Expr> args) {
    return R
        + function
        + "("
        + emit(args.get(0))
        + ","
        + k(args.get(0))
        + ","
        + emit(args.get(1))
        + ","
        + k(args.get(1))
        + ")";
  }

  /** {@code RegformsExpr.<runtime>(rows, function(r<n>){return body;})}. */
  private static Form collection(String runtime) {
    return (e, call) -> {
      List<Expr> args = call.arguments();
      String rows = e.emit(args.get(0));
      e.bound.add(((Expr.Name) args.get(1)).name());
      String param = "r" + (e.bound.size() - 1);
      String body = e.emit(args.get(2));
      e.bound.remove(e.bound.size() - 1);
      return R + runtime + "(" + rows + ",function(" + param + "){return " + body + ";})";
    };
  }
}
