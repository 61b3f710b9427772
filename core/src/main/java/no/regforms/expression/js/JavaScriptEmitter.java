package no.regforms.expression.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.parser.Expr;

/**
 * Compiles a checked expression to JavaScript with the same result as the JVM evaluator.
 *
 * <p>The output is a function expression {@code function(c){return ...;}} that reads the values of
 * its context {@code c} through {@code c.v(name, kind)}, explicit missing-value reasons through
 * {@code c.m(name)} and today's date through {@code c.today()} (an epoch day), and calls the runtime
 * {@code RegformsExpr} of {@link #runtime()}, which must be loaded first. Values follow the runtime's
 * representation: exact decimals for numbers, epoch days for dates, month indexes for year-months,
 * {@code null} for unknown. Text from the definition (text literals, codes, patterns) appears only
 * inside escaped JavaScript string literals, with {@code <}, {@code >} and {@code &} written as
 * {@code \}{@code u} escapes, so the output can sit inside an HTML {@code <script>} element; nothing
 * of the definition is ever evaluated as code.
 *
 * <p>{@code matches(text, 'pattern')} runs the RE2 pattern itself with re2js, the JavaScript port of
 * RE2/J ({@link #regexEngine()}, which a page using patterns must load before the runtime): the
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
    return callsMatches(Objects.requireNonNull(expression, "expression").syntax());
  }

  private static boolean callsMatches(Expr node) {
    return node instanceof Expr.Call call && call.function().equals("matches")
        || node.children().stream().anyMatch(JavaScriptEmitter::callsMatches);
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
    return expression.typeOf(node).map(ExprType::kind)
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
      return R + "mem(r" + slot + "," + stringLiteral(member.member()) + "," + k(node) + ")";
    } else if (node instanceof Expr.Unary unary) {
      String op = unary.op() == Expr.UnaryOp.NOT ? "not" : "neg";
      return R + op + "(" + emit(unary.operand()) + ")";
    } else if (node instanceof Expr.Binary binary) {
      return R + binaryName(binary.op()) + "(" + emit(binary.left()) + "," + emit(binary.right()) + ")";
    } else if (node instanceof Expr.In in) {
      List<String> items = new ArrayList<>();
      in.items().forEach(item -> items.add(emit(item)));
      return R + "inList(" + emit(in.operand()) + ",[" + String.join(",", items) + "]," + in.negated() + ")";
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

  private String call(Expr.Call call) {
    String name = call.function();
    List<Expr> args = call.arguments();
    if (!args.isEmpty() && args.size() == 3 && kind(args.get(0)) == Kind.ROWS) {
      return collection(call);
    }
    switch (name) {
      case "filled":
      case "empty":
        return R + name + "(" + emit(args.get(0)) + ")";
      case "answered": {
        String variable = ((Expr.Name) args.get(0)).name();
        return "(" + R + "filled(" + emit(args.get(0)) + ")||c.m(" + stringLiteral(variable) + "))";
      }
      case "coalesce":
        return R + "coalesce(" + args(args) + ")";
      case "if":
        return "(" + emit(args.get(0)) + "===true?" + emit(args.get(1)) + ":" + emit(args.get(2)) + ")";
      case "year":
      case "month":
        return R + name + "(" + emit(args.get(0)) + "," + k(args.get(0)) + ")";
      case "today":
        return "c.today()";
      case "days_between":
        return between("daysBetween", args);
      case "months_between":
        return between("monthsBetween", args);
      case "years_between":
      case "age_at":
        return between("yearsBetween", args);
      case "add_days":
        return R + "addDays(" + emit(args.get(0)) + "," + emit(args.get(1)) + "," + k(args.get(0)) + ")";
      case "add_months":
        return R + "addMonths(" + emit(args.get(0)) + "," + emit(args.get(1)) + "," + k(args.get(0)) + ")";
      case "date":
      case "yearmonth":
        return R + "make(" + args(args) + ")";
      case "score": {
        List<String> entries = new ArrayList<>();
        new java.util.TreeMap<>(expression.typeOf(args.get(0)).orElseThrow().scores()).forEach((code, score) ->
            entries.add(stringLiteral(code) + ":" + R + "n(" + stringLiteral(score.toPlainString()) + ")"));
        return R + "score(" + emit(args.get(0)) + ",{" + String.join(",", entries) + "})";
      }
      case "round":
      case "abs":
      case "min":
      case "max":
      case "sum":
      case "mean":
      case "count":
      case "length":
        return R + name + "(" + args(args) + ")";
      case "count_filled":
        return R + "countFilled(" + args(args) + ")";
      case "matches": {
        String pattern = ((Expr.TextLiteral) args.get(1)).value();
        return R + "matches(" + emit(args.get(0)) + "," + R + "re(" + stringLiteral(pattern) + "))";
      }
      case "contains":
        return R + (kind(args.get(0)) == Kind.CODES ? "containsCode(" : "containsText(")
            + emit(args.get(0)) + "," + emit(args.get(1)) + ")";
      default:
        throw new IllegalStateException("function '" + name + "' passed the checker but has no JavaScript form");
    }
  }

  private String between(String function, List<Expr> args) {
    return R + function + "(" + emit(args.get(0)) + "," + k(args.get(0)) + ","
        + emit(args.get(1)) + "," + k(args.get(1)) + ")";
  }

  private String collection(Expr.Call call) {
    List<Expr> args = call.arguments();
    String rows = emit(args.get(0));
    bound.add(((Expr.Name) args.get(1)).name());
    String param = "r" + (bound.size() - 1);
    String body = emit(args.get(2));
    bound.remove(bound.size() - 1);
    return R + call.function() + "Rows(" + rows + ",function(" + param + "){return " + body + ";})";
  }
}
