package no.regforms.testing;

import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;

/** Reads the record path of an issue, for {@code extracting(IssuePaths::path)} in assertions. */
public final class IssuePaths {

  private IssuePaths() {}

  /**
   * The record path of {@code issue} ({@code sessions[1].charge}).
   *
   * @throws ClassCastException if the issue is not located in a record, which fails the test
   */
  public static String path(Issue issue) {
    return ((RecordPath) issue.location()).path();
  }
}
