package no.regforms.indicator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Diagnostics;

/**
 * The results of one indicator run, with every issue met on the way (records that could not be
 * read, units missing from the organisation table, input that was not sorted as declared).
 *
 * <p>Immutable; {@link #toString()} prints counts only.
 *
 * @param years the years computed, ascending
 * @param results one result per indicator, year and group, in indicator, year, level and table
 *     order
 * @param diagnostics every issue of the run
 */
public record IndicatorResults(
    List<Integer> years, List<IndicatorResult> results, Diagnostics diagnostics) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public IndicatorResults {
    years = List.copyOf(years);
    results = List.copyOf(results);
    Objects.requireNonNull(diagnostics, "diagnostics");
  }

  /** The results of indicator {@code id}. */
  public List<IndicatorResult> of(String id) {
    return results.stream().filter(r -> r.indicator().equals(id)).toList();
  }

  /** The results of indicator {@code id} for {@code year} at {@code level}. */
  public List<IndicatorResult> of(String id, int year, GroupLevel level) {
    return results.stream()
        .filter(r -> r.indicator().equals(id) && r.year() == year && r.level() == level)
        .toList();
  }

  /**
   * The result of indicator {@code id} for {@code year} and group {@code group} at {@code level},
   * if any.
   */
  public Optional<IndicatorResult> find(String id, int year, GroupLevel level, String group) {
    return results.stream()
        .filter(
            r ->
                r.indicator().equals(id)
                    && r.year() == year
                    && r.level() == level
                    && r.group().equals(group))
        .findFirst();
  }

  @Override
  public String toString() {
    return "IndicatorResults[years="
        + years
        + ", results="
        + results.size()
        + ", issues="
        + diagnostics.issues().size()
        + "]";
  }
}
