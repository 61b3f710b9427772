package no.regforms.expression;

import java.util.Objects;
import java.util.Set;
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

  // Package-private: only the compiler makes compiled expressions.
  CompiledExpression(String text, Expr syntax, ExprType type, Set<String> references, Program program) {
    this.text = Objects.requireNonNull(text, "text");
    this.syntax = Objects.requireNonNull(syntax, "syntax");
    this.type = Objects.requireNonNull(type, "type");
    this.references = Set.copyOf(references);
    this.program = Objects.requireNonNull(program, "program");
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
   * <p>The value has the Java type {@link ExprType} prescribes for {@link #type()}; numbers from the
   * context of any {@link Number} type are read as {@link java.math.BigDecimal}.
   */
  public Object evaluate(EvaluationContext context) {
    return program.evaluate(Objects.requireNonNull(context, "context"));
  }

  /** The source text; never a value. */
  @Override
  public String toString() {
    return text;
  }
}
