package no.regforms.definition;

import java.util.Objects;
import java.util.Optional;

/**
 * One dated definition of an indicator: the reporting years it applies to and the indicator as it
 * stood then. An empty bound is open: the oldest definition applies to every year before its last
 * (unless the indicator names a {@code fromYear}), the current one to every year after its first
 * (unless the indicator names an {@code untilYear}).
 *
 * @param version its name, shown beside every figure computed with it
 * @param fromYear the first reporting year it applies to
 * @param untilYear the last reporting year it applies to
 * @param indicator the indicator as defined in those years
 */
public record IndicatorVersion(
    String version, Optional<Integer> fromYear, Optional<Integer> untilYear, Indicator indicator) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public IndicatorVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(fromYear, "fromYear");
    Objects.requireNonNull(untilYear, "untilYear");
    Objects.requireNonNull(indicator, "indicator");
  }

  /** Whether it applies to reporting year {@code year}. */
  public boolean covers(int year) {
    return fromYear.map(first -> year >= first).orElse(true)
        && untilYear.map(last -> year <= last).orElse(true);
  }
}
