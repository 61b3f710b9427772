package no.regforms.registrytest;

import java.util.List;
import java.util.Objects;
import no.regforms.diagnostic.Issue;

/**
 * The outcome of running a registry's tests.
 *
 * <p>Immutable.
 *
 * @param cases how many cases ran
 * @param failedCases how many of them failed
 * @param failures every failure ({@code test_failed}), located in its test file, in file order
 */
public record RegistryTestReport(int cases, int failedCases, List<Issue> failures) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public RegistryTestReport {
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
  }

  /** Whether every case held. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * The failures, one per line as {@code file:line:column: error: message} with the JSON pointer.
   */
  public String toDisplayString() {
    StringBuilder out = new StringBuilder();
    failures.forEach(failure -> out.append(failure.toDisplayString()).append('\n'));
    return out.toString();
  }
}
