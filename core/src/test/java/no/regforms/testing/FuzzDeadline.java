package no.regforms.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/**
 * The time one fuzz input may take: longer is a finding (a hang, or work out of all proportion to
 * the input). Preemptive, so a hanging input fails its test instead of stalling the build; a JUnit
 * {@code @Timeout} would also bound the whole fuzzing run, which is one invocation.
 */
public final class FuzzDeadline {

  /**
   * 30 seconds, or {@code -Dregforms.fuzzDeadlineSeconds=N}: the first inputs of a fuzzing run also
   * pay for instrumenting the classes, which on a busy machine can take longer.
   */
  public static final Duration LIMIT =
      Duration.ofSeconds(Long.getLong("regforms.fuzzDeadlineSeconds", 30));

  private FuzzDeadline() {}

  /** Runs {@code body}, failing when it takes longer than {@link #LIMIT}. */
  public static void within(Executable body) {
    assertTimeoutPreemptively(LIMIT, body);
  }
}
