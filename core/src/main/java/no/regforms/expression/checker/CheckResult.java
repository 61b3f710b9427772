package no.regforms.expression.checker;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.expression.ExprType;

/**
 * The outcome of type-checking a syntax tree.
 *
 * <p>Internal, not API: used by {@link no.regforms.expression.ExpressionCompiler}.
 *
 * @param type the type of the whole expression, empty when there are errors
 * @param references the free names read, in order of first appearance
 * @param issues every error found
 * @param typing the type of each node that checked without errors
 */
public record CheckResult(
    Optional<ExprType> type, Set<String> references, List<Issue> issues, Typing typing) {

  public CheckResult {
    Objects.requireNonNull(type, "type");
    references = Collections.unmodifiableSet(new LinkedHashSet<>(references));
    issues = List.copyOf(issues);
    Objects.requireNonNull(typing, "typing");
  }
}
