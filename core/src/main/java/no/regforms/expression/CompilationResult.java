package no.regforms.expression;

import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Diagnostics;

/**
 * The outcome of compiling one expression: the compiled expression if there were no errors, and
 * every issue found.
 *
 * @param expression the compiled expression, empty when {@code diagnostics} has errors
 * @param diagnostics every issue, located in the expression's origin
 */
public record CompilationResult(Optional<CompiledExpression> expression, Diagnostics diagnostics) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public CompilationResult {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(diagnostics, "diagnostics");
  }

  /** Whether compilation failed. */
  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  /**
   * The compiled expression.
   *
   * @throws no.regforms.diagnostic.RegformsException carrying every issue, if compilation failed
   */
  public CompiledExpression expressionOrThrow() {
    diagnostics.throwIfErrors();
    return expression.orElseThrow();
  }
}
