package no.regforms.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Running counts for one indicator, year and attribution group. Mutable; confined to one run. */
final class Tally {
  long numerator;
  long denominator;
  final List<Double> values = new ArrayList<>();
  final Map<String, Long> excluded = new TreeMap<>();
  final Map<String, Long> leftOut = new TreeMap<>();

  void add(Tally other) {
    add(other.numerator, other.denominator, other.values, other.excluded, other.leftOut);
  }

  /** Adds counts made elsewhere, read where they lie (no intermediate tally). */
  void add(CaseCounts counts) {
    add(
        counts.numerator(),
        counts.denominator(),
        counts.values(),
        counts.excluded(),
        counts.leftOut());
  }

  private void add(
      long numerator,
      long denominator,
      List<Double> values,
      Map<String, Long> excluded,
      Map<String, Long> leftOut) {
    this.numerator += numerator;
    this.denominator += denominator;
    this.values.addAll(values);
    excluded.forEach((k, v) -> this.excluded.merge(k, v, Long::sum));
    leftOut.forEach((k, v) -> this.leftOut.merge(k, v, Long::sum));
  }
}
