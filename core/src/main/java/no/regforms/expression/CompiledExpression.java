package no.regforms.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.regforms.expression.checker.Typing;
import no.regforms.expression.eval.Program;
import no.regforms.expression.parser.Expr;

/**
 * An expression parsed, type-checked and planned once, ready to evaluate many times.
 *
 * <p>Immutable and thread-safe. Evaluation never throws on data: a missing input, or an input of
 * the wrong Java type, yields {@code null} (unknown), following three-valued logic.
 *
 * <pre>{@code
 * CompiledExpression bmi = ExpressionCompiler.create()
 *     .compile("weight / (height * height)", environment)
 *     .expressionOrThrow();
 * Object value = bmi.evaluate(EvaluationContext.of(Map.of("weight", 70, "height", 1.75)));
 * }</pre>
 */
public final class CompiledExpression {

  private final String text;
  private final Expr syntax;
  private final ExprType type;
  private final Set<String> references;
  private final Program program;
  private final Typing typing;

  // Package-private: only the compiler makes compiled expressions.
  CompiledExpression(
      String text,
      Expr syntax,
      ExprType type,
      Set<String> references,
      Program program,
      Typing typing) {
    this.text = Objects.requireNonNull(text, "text");
    this.syntax = Objects.requireNonNull(syntax, "syntax");
    this.type = Objects.requireNonNull(type, "type");
    // In the order the text reads them, never a per-run order: rendered pages list them.
    this.references = Collections.unmodifiableSet(new LinkedHashSet<>(references));
    this.program = Objects.requireNonNull(program, "program");
    this.typing = Objects.requireNonNull(typing, "typing");
  }

  /**
   * The variables of linked records the expression reads, as {@code link.variable} ({@code
   * course.course_end}), in the order the text reads them; not among {@link #references()}.
   */
  public Set<String> linkReads() {
    return typing.linkReads();
  }

  /** The source text. */
  public String text() {
    return text;
  }

  /**
   * The immutable syntax tree, for tools that translate expressions (such as the JavaScript
   * emitter); its nodes are the records of {@link Expr}.
   */
  public Expr syntax() {
    return syntax;
  }

  /** The static type of the result. */
  public ExprType type() {
    return type;
  }

  /**
   * The static type the checker gave {@code node}, a node of {@link #syntax()} (compared by
   * identity), for translators that must tell overloads apart ({@code sum(a, b)} from {@code
   * sum(rows, r, x)}) or choose a representation by type.
   *
   * @return the type, or empty for a node of another tree or one the checker did not type (the
   *     bound name of a collection function)
   */
  public Optional<ExprType> typeOf(Expr node) {
    return typing.typeOf(node);
  }

  /**
   * The built-in function (the overload) the checker resolved {@code call} to, a call node of
   * {@link #syntax()} (compared by identity): what translators dispatch on instead of the name.
   *
   * @throws IllegalArgumentException for a node of another tree
   */
  public Builtin functionOf(Expr.Call call) {
    return typing
        .functionOf(call)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + call.function()
                        + "' at "
                        + call.span()
                        + " is not a call of '"
                        + text
                        + "'"));
  }

  /**
   * The free names the expression reads: variables and run parameters. Names bound by collection
   * functions are not included; {@code any(treatments, t, t.drug = 'x')} references only {@code
   * treatments}. Function names are never included.
   */
  public Set<String> references() {
    return references;
  }

  /**
   * The value in {@code context}, {@code null} when unknown.
   *
   * <p>The value has the Java type {@link ExprType} prescribes for {@link #type()}; numbers from
   * the context of any {@link Number} type are read as {@link java.math.BigDecimal}.
   */
  public Object evaluate(EvaluationContext context) {
    return program.evaluate(Objects.requireNonNull(context, "context"));
  }

  /**
   * The value in {@code context} with the value of every part of the expression, for showing a
   * registry developer why a condition is false or unknown. Slower than {@link #evaluate}: each
   * part is evaluated on its own.
   */
  public Explanation explain(EvaluationContext context) {
    Objects.requireNonNull(context, "context");
    return explain(syntax, context);
  }

  private Explanation explain(Expr node, EvaluationContext context) {
    Object value = Program.plan(node, typing).evaluate(context);
    List<Explanation> parts = new ArrayList<>();
    List<Expr> children = node.children();
    if (node instanceof Expr.Call call
        && typing.functionOf(call).map(Builtin::bindsRow).orElse(false)) {
      children =
          children.subList(0, 1); // the rows; the body reads the bound name, one value per row
    }
    for (Expr child : children) {
      if (!isLiteral(child)) {
        parts.add(explain(child, context));
      }
    }
    Optional<String> name = node instanceof Expr.Name n ? Optional.of(n.name()) : Optional.empty();
    return new Explanation(balanced(node.span().start(), node.span().end()), value, name, parts);
  }

  /**
   * The text from {@code start} to {@code end}, widened over the parentheses around its operands: a
   * node's span leaves out the parentheses of a parenthesised first or last operand.
   */
  private String balanced(int start, int end) {
    int open = 0;
    int unmatchedClose = 0;
    boolean quoted = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\'' && (i == 0 || text.charAt(i - 1) != '\\')) quoted = !quoted;
      if (quoted) continue;
      if (c == '(') open++;
      if (c == ')') {
        if (open > 0) open--;
        else unmatchedClose++;
      }
    }
    while (unmatchedClose > 0 && start > 0) {
      if (text.charAt(--start) == '(') unmatchedClose--;
    }
    while (open > 0 && end < text.length()) {
      if (text.charAt(end++) == ')') open--;
    }
    return text.substring(start, end);
  }

  private static boolean isLiteral(Expr node) {
    return node instanceof Expr.NumberLiteral
        || node instanceof Expr.TextLiteral
        || node instanceof Expr.BooleanLiteral
        || node instanceof Expr.DateLiteral
        || node instanceof Expr.YearMonthLiteral;
  }

  /** The source text; never a value. */
  @Override
  public String toString() {
    return text;
  }
}
