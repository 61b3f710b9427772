package no.regforms.expression;

import java.util.Set;

/**
 * An expression parsed, type-checked and planned once, ready to evaluate many times.
 *
 * <p>Immutable and thread-safe. Evaluation never throws on data: a missing or ill-typed input
 * yields {@code null} (unknown), following three-valued logic.
 */
public final class CompiledExpression {

  CompiledExpression() {
    throw new UnsupportedOperationException("placeholder until the expression engine lands");
  }

  /** The source text. */
  public String text() {
    throw new UnsupportedOperationException();
  }

  /** The static type of the result. */
  public ExprType type() {
    throw new UnsupportedOperationException();
  }

  /** The free names the expression reads (variables and run parameters, not bound names). */
  public Set<String> references() {
    throw new UnsupportedOperationException();
  }

  /** The value in {@code context}, {@code null} when unknown. */
  public Object evaluate(EvaluationContext context) {
    throw new UnsupportedOperationException();
  }
}
