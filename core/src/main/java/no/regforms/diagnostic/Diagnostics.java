package no.regforms.diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable, sorted collection of issues: the outcome of loading, compiling or validating.
 *
 * @param issues every issue found, errors first, then by location
 */
public record Diagnostics(List<Issue> issues) {

  /** No issues. */
  public static final Diagnostics EMPTY = new Diagnostics(List.of());

  public Diagnostics {
    Objects.requireNonNull(issues, "issues");
    List<Issue> sorted = new ArrayList<>(issues);
    sorted.sort(Issue.ORDER);
    issues = List.copyOf(sorted);
  }

  /** Diagnostics holding {@code issues}. */
  public static Diagnostics of(List<Issue> issues) {
    return new Diagnostics(issues);
  }

  /** Whether any issue is an error. */
  public boolean hasErrors() {
    return issues.stream().anyMatch(Issue::isError);
  }

  /** The errors only. */
  public List<Issue> errors() {
    return issues.stream().filter(Issue::isError).toList();
  }

  /** The warnings only. */
  public List<Issue> warnings() {
    return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
  }

  /** These issues and {@code other}'s, sorted. */
  public Diagnostics plus(Diagnostics other) {
    List<Issue> all = new ArrayList<>(issues);
    all.addAll(other.issues);
    return new Diagnostics(all);
  }

  /** Every issue in compiler-style display, one after another. */
  public String toDisplayString() {
    return issues.stream().map(Issue::toDisplayString).collect(Collectors.joining("\n"));
  }

  /** Throws a {@link RegformsException} carrying these diagnostics if any issue is an error. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new RegformsException(this);
    }
  }
}
