package no.regforms.indicator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The counted cases of one indicator, year and attribution group, before grouping: what an engine
 * that counts elsewhere (in a database, say) hands to {@link IndicatorCalculator#results} so that
 * intervals, levels, suppression and the outputs stay the same as the JVM engine's.
 *
 * <p>Immutable. It holds counts only, never a record value or patient key.
 *
 * @param indicator indicator id
 * @param year the report year
 * @param group with unit attribution the case's RESH id, with home-HF attribution the value the
 *     indicator's {@code homeHf} gave (a health-trust id or organisation number); {@code unknown}
 *     when the case had none
 * @param numerator counted cases that meet the indicator (coverage: every counted case)
 * @param denominator counted cases
 * @param values the value of each counted case, for means and medians (empty otherwise)
 * @param excluded cases excluded, by exclusion id
 * @param leftOut cases left out because a value was missing, by the variables missing
 */
public record CaseCounts(
    String indicator,
    int year,
    String group,
    long numerator,
    long denominator,
    List<Double> values,
    Map<String, Long> excluded,
    Map<String, Long> leftOut) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public CaseCounts {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(group, "group");
    values = List.copyOf(values);
    excluded = Collections.unmodifiableMap(new TreeMap<>(excluded));
    leftOut = Collections.unmodifiableMap(new TreeMap<>(leftOut));
  }

  /** The cases attributed to the group this year: counted, excluded or left out. */
  public long cases() {
    return denominator
        + excluded.values().stream().mapToLong(Long::longValue).sum()
        + leftOut.values().stream().mapToLong(Long::longValue).sum();
  }

  static CaseCounts of(String indicator, int year, String group, Tally tally) {
    return new CaseCounts(
        indicator,
        year,
        group,
        tally.numerator,
        tally.denominator,
        tally.values,
        tally.excluded,
        tally.leftOut);
  }
}
