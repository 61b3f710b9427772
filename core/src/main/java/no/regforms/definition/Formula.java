package no.regforms.definition;

import java.util.Objects;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.CompiledExpression;

/**
 * An expression as written in a definition ({@code visibleIf}, {@code compute}, a rule's {@code
 * check}), compiled at load.
 *
 * @param text the expression text
 * @param compiled the compiled expression, ready to evaluate
 * @param location where the text stands in its definition file
 */
public record Formula(String text, CompiledExpression compiled, SourceLocation location) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Formula {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(compiled, "compiled");
    Objects.requireNonNull(location, "location");
  }
}
