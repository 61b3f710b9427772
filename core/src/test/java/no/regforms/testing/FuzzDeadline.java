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

  /** Generous, as the first inputs of a fuzzing run also pay for instrumenting the classes. */
  public static final Duration LIMIT = Duration.ofSeconds(30);

  private FuzzDeadline() {}

  /** Runs {@code body}, failing when it takes longer than {@link #LIMIT}. */
  public static void within(Executable body) {
    assertTimeoutPreemptively(LIMIT, body);
  }
}
