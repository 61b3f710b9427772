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
    numerator += other.numerator;
    denominator += other.denominator;
    values.addAll(other.values);
    other.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
    other.leftOut.forEach((k, v) -> leftOut.merge(k, v, Long::sum));
  }
}
