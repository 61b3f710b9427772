package no.regforms.expression.parser;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;

/**
 * The outcome of parsing: the tree when the text is well-formed, and every issue found.
 *
 * <p>Internal, not API: used by {@link no.regforms.expression.ExpressionCompiler}.
 *
 * @param syntax the tree, empty when {@code issues} has errors
 * @param issues syntax errors and limit breaches, in the order found
 */
public record ParseResult(Optional<Expr> syntax, List<Issue> issues) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ParseResult {
    Objects.requireNonNull(syntax, "syntax");
    issues = List.copyOf(issues);
  }
}
