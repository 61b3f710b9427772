package no.regforms.definition;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An inclusive range {@code [min, max]}, hard ({@code range}) or soft ({@code plausibleRange}).
 *
 * @param min the lowest allowed value
 * @param max the highest allowed value
 */
public record Range(Bound min, Bound max) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Range {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
  }

  /** The numeric minimum, when this is a number range. */
  public Optional<BigDecimal> numericMin() {
    return min instanceof Bound.Number n ? Optional.of(n.value()) : Optional.empty();
  }

  /** The numeric maximum, when this is a number range. */
  public Optional<BigDecimal> numericMax() {
    return max instanceof Bound.Number n ? Optional.of(n.value()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
