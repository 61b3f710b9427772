package no.regforms.indicator;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import no.regforms.definition.Indicator;

/**
 * One indicator for one year and one group (a unit, HF, RHF or the nation).
 *
 * <p>Immutable. The counts are the true counts even when the result is {@linkplain #suppression()
 * suppressed}: the writers never print them then, and a host application must not either.
 *
 * @param indicator indicator id
 * @param type the indicator's type
 * @param year the year the cases count for
 * @param level the group's level
 * @param group the group's id: a RESH id, an HF or RHF id, {@code national}, or {@code unknown}
 * @param name the group's name
 * @param parent the id of the group one level up (empty for the nation)
 * @param orgnr the group's organisation number, when known
 * @param numerator cases that meet the indicator (proportions; for coverage, the registered cases)
 * @param denominator cases counted (for mean and median, cases with a value; for coverage, the
 *     registered cases again: coverage divides by {@code expected})
 * @param expected expected cases (coverage only)
 * @param value the share, mean, median or coverage; empty when nothing was counted
 * @param lower lower end of the 95 % confidence interval, when one is defined
 * @param upper upper end of the 95 % confidence interval
 * @param attainment attainment level, when the indicator has levels and the result is published
 * @param suppression whether the result is hidden
 * @param excluded cases left out by each exclusion, by exclusion id
 * @param leftOut cases left out because a value was missing, by the variable(s) missing
 * @param version the name of the indicator's definition that computed it (its {@code version}, or
 *     an entry of its {@code history} for an earlier year)
 */
public record IndicatorResult(
    String indicator,
    Indicator.Type type,
    int year,
    GroupLevel level,
    String group,
    String name,
    String parent,
    Optional<String> orgnr,
    long numerator,
    long denominator,
    Optional<Double> expected,
    Optional<Double> value,
    Optional<Double> lower,
    Optional<Double> upper,
    Optional<Attainment> attainment,
    Suppression suppression,
    Map<String, Long> excluded,
    Map<String, Long> leftOut,
    String version) {

  /** A result of the indicator's current definition, before its version is named. */
  public IndicatorResult(
      String indicator,
      Indicator.Type type,
      int year,
      GroupLevel level,
      String group,
      String name,
      String parent,
      Optional<String> orgnr,
      long numerator,
      long denominator,
      Optional<Double> expected,
      Optional<Double> value,
      Optional<Double> lower,
      Optional<Double> upper,
      Optional<Attainment> attainment,
      Suppression suppression,
      Map<String, Long> excluded,
      Map<String, Long> leftOut) {
    this(
        indicator,
        type,
        year,
        level,
        group,
        name,
        parent,
        orgnr,
        numerator,
        denominator,
        expected,
        value,
        lower,
        upper,
        attainment,
        suppression,
        excluded,
        leftOut,
        "");
  }

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public IndicatorResult {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(orgnr, "orgnr");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(attainment, "attainment");
    Objects.requireNonNull(suppression, "suppression");
    excluded = Collections.unmodifiableMap(new TreeMap<>(excluded));
    leftOut = Collections.unmodifiableMap(new TreeMap<>(leftOut));
  }

  /** Whether the result is hidden from publication. */
  public boolean isSuppressed() {
    return suppression.isSuppressed();
  }

  /** Cases left out because a value was missing, all variables together. */
  public long leftOutTotal() {
    return leftOut.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A copy with {@code suppression} and, when hidden, no attainment. */
  IndicatorResult withSuppression(Suppression suppression) {
    return new IndicatorResult(
        indicator,
        type,
        year,
        level,
        group,
        name,
        parent,
        orgnr,
        numerator,
        denominator,
        expected,
        value,
        lower,
        upper,
        suppression.isSuppressed() ? Optional.empty() : attainment,
        suppression,
        excluded,
        leftOut,
        version);
  }

  /** A copy naming the definition of the indicator that computed it. */
  IndicatorResult withVersion(String definition) {
    return new IndicatorResult(
        indicator,
        type,
        year,
        level,
        group,
        name,
        parent,
        orgnr,
        numerator,
        denominator,
        expected,
        value,
        lower,
        upper,
        attainment,
        suppression,
        excluded,
        leftOut,
        definition);
  }
}
