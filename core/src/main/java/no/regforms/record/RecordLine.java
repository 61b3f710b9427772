package no.regforms.record;

import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;

/**
 * One line of a JSON Lines input: the record read from it, or the problem that kept it from being
 * read.
 *
 * @param number 1-based line number
 * @param record the record, when the line could be read
 * @param problem why the line could not be read ({@code record_syntax}), otherwise empty
 */
public record RecordLine(long number, Optional<Record> record, Optional<Issue> problem) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public RecordLine {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(problem, "problem");
    if (record.isPresent() == problem.isPresent()) {
      throw new IllegalArgumentException("a line has either a record or a problem");
    }
  }
}
