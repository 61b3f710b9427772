package no.regforms.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Indicator;
import no.regforms.definition.Organisations;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Turns the tallies of one indicator and year into results at every level: sums up the hierarchy,
 * computes values and intervals, grades them, and suppresses small and revealing counts.
 */
final class Aggregator {

  static final String UNKNOWN = "unknown";
  static final String NATIONAL = "national";
  private static final double CONFIDENCE = 0.95;

  private final Organisations organisations;
  private final ExpectedCounts expected;

  Aggregator(Organisations organisations, ExpectedCounts expected) {
    this.organisations = organisations;
    this.expected = expected;
  }

  /** A group while aggregating: its place in the hierarchy and its tally. */
  private static final class Group {
    final GroupLevel level;
    final String id;
    final String name;
    final String parent;
    final Optional<String> orgnr;
    final Tally tally = new Tally();
    Suppression suppression = Suppression.NONE;

    Group(GroupLevel level, String id, String name, String parent, Optional<String> orgnr) {
      this.level = level;
      this.id = id;
      this.name = name;
      this.parent = parent;
      this.orgnr = orgnr;
    }
  }

  List<IndicatorResult> aggregate(Indicator indicator, int year, Map<String, Tally> tallies) {
    boolean byUnit = !"home_hf".equals(indicator.attribution());
    LocalDate on = LocalDate.of(year, 12, 31);
    Map<String, Group> units = new LinkedHashMap<>();
    Map<String, Group> hfs = new LinkedHashMap<>();
    Map<String, Group> rhfs = new LinkedHashMap<>();
    for (Organisations.Region region : organisations.regions()) {
      rhfs.put(
          region.id(),
          new Group(
              GroupLevel.RHF, region.id(), region.name(), NATIONAL, Optional.of(region.orgnr())));
    }
    for (Organisations.HealthTrust hf : organisations.healthTrusts()) {
      hfs.put(
          hf.id(),
          new Group(GroupLevel.HF, hf.id(), hf.name(), hf.region(), Optional.of(hf.orgnr())));
    }
    Group nation =
        new Group(
            GroupLevel.NATIONAL, NATIONAL, "Norge", "", Optional.of(Organisations.NATION_ORGNR));
    List<String> keys = new ArrayList<>(tallies.keySet());
    keys.sort(Comparator.naturalOrder());
    for (String key : keys) {
      Tally tally = tallies.get(key);
      String hf;
      if (byUnit) {
        Optional<Organisations.Unit> unit =
            key.equals(UNKNOWN) ? Optional.empty() : organisations.unit(key, on);
        hf = unit.map(Organisations.Unit::healthTrust).orElse(UNKNOWN);
        Group group =
            units.computeIfAbsent(
                key,
                k ->
                    new Group(
                        GroupLevel.UNIT,
                        k,
                        unit.map(Organisations.Unit::name)
                            .orElse(k.equals(UNKNOWN) ? "Ukjent enhet" : "RESH " + k),
                        hf,
                        unit.map(Organisations.Unit::orgnr)));
        group.tally.add(tally);
      } else {
        hf = key;
      }
      Group hfGroup =
          hfs.computeIfAbsent(
              hf, k -> new Group(GroupLevel.HF, UNKNOWN, "Ukjent HF", UNKNOWN, Optional.empty()));
      hfGroup.tally.add(tally);
      Group rhf =
          rhfs.computeIfAbsent(
              hfGroup.parent,
              k -> new Group(GroupLevel.RHF, UNKNOWN, "Ukjent RHF", NATIONAL, Optional.empty()));
      rhf.tally.add(tally);
      nation.tally.add(tally);
    }
    List<Group> all = new ArrayList<>();
    List<String> levels = indicator.groupBy();
    if (byUnit && levels.contains("unit")) {
      List<Group> sortedUnits = new ArrayList<>(units.values());
      List<String> hfOrder = new ArrayList<>(hfs.keySet());
      sortedUnits.sort(
          Comparator.comparingInt((Group g) -> hfOrder.indexOf(g.parent)).thenComparing(g -> g.id));
      all.addAll(sortedUnits);
    }
    if (levels.contains("hf")) all.addAll(hfs.values());
    if (levels.contains("rhf")) all.addAll(rhfs.values());
    all.add(nation);
    suppress(indicator, all);
    List<IndicatorResult> out = new ArrayList<>();
    for (Group group : all) {
      IndicatorResult result = result(indicator, year, group, all);
      boolean empty =
          group.tally.denominator == 0
              && group.tally.leftOut.isEmpty()
              && group.tally.excluded.isEmpty()
              && result.expected().isEmpty();
      if (empty && group.level != GroupLevel.NATIONAL) continue; // a group without cases is no row
      out.add(result);
    }
    return out;
  }

  private void suppress(Indicator indicator, List<Group> groups) {
    if (indicator.type() == Indicator.Type.COVERAGE)
      return; // SKDE publishes coverage (dg_andel) at any size.
    int min = indicator.minDenominator().orElse(0);
    for (Group group : groups) {
      if (group.tally.denominator < min) group.suppression = Suppression.PRIMARY;
    }
    // Secondary: a parent published with exactly one hidden child would reveal it by subtraction.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Group parent : groups) {
        if (parent.suppression.isSuppressed()) continue;
        GroupLevel childLevel =
            parent.level == GroupLevel.NATIONAL
                ? GroupLevel.RHF
                : parent.level == GroupLevel.RHF
                    ? GroupLevel.HF
                    : parent.level == GroupLevel.HF ? GroupLevel.UNIT : null;
        if (childLevel == null) continue;
        List<Group> children =
            groups.stream()
                .filter(
                    g ->
                        g.level == childLevel
                            && g.parent.equals(parent.id)
                            && g.tally.denominator > 0)
                .toList();
        long hidden = children.stream().filter(g -> g.suppression.isSuppressed()).count();
        if (hidden != 1) continue;
        Optional<Group> next =
            children.stream()
                .filter(g -> !g.suppression.isSuppressed())
                .min(
                    Comparator.comparingLong((Group g) -> g.tally.denominator)
                        .thenComparing(g -> g.id));
        if (next.isPresent()) {
          next.get().suppression = Suppression.SECONDARY;
        } else {
          parent.suppression = Suppression.SECONDARY;
        }
        changed = true;
      }
    }
  }

  private IndicatorResult result(Indicator indicator, int year, Group group, List<Group> all) {
    Tally tally = group.tally;
    Optional<Double> value = Optional.empty();
    Optional<Double> lower = Optional.empty();
    Optional<Double> upper = Optional.empty();
    Optional<Double> expectedCount = Optional.empty();
    switch (indicator.type()) {
      case PROPORTION:
        if (tally.denominator > 0) {
          value = Optional.of((double) tally.numerator / tally.denominator);
          ConfidenceInterval ci =
              new WilsonScoreInterval()
                  .createInterval((int) tally.denominator, (int) tally.numerator, CONFIDENCE);
          lower = Optional.of(ci.getLowerBound());
          upper = Optional.of(ci.getUpperBound());
        }
        break;
      case MEAN:
        if (tally.denominator > 0) {
          // Sorted, so the floating-point sum and the result never depend on record order.
          double[] values =
              tally.values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
          value = Optional.of(mean);
          if (values.length >= 2) {
            double sd =
                new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation()
                    .evaluate(values);
            double t =
                new TDistribution(values.length - 1)
                    .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            double half = t * sd / Math.sqrt(values.length);
            lower = Optional.of(mean - half);
            upper = Optional.of(mean + half);
          }
        }
        break;
      case MEDIAN:
        if (tally.denominator > 0) {
          double[] values =
              tally.values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          value = Optional.of(new Median().evaluate(values));
          // Distribution-free interval from order statistics: ranks l and n - l + 1 with l the 2.5
          // % binomial quantile.
          int l =
              new BinomialDistribution(null, values.length, 0.5)
                  .inverseCumulativeProbability((1 - CONFIDENCE) / 2);
          if (l >= 1) {
            lower = Optional.of(values[l - 1]);
            upper = Optional.of(values[values.length - l]);
          }
        }
        break;
      case COUNT:
        value = Optional.of((double) tally.denominator);
        break;
      case SUM:
      case MIN:
      case MAX:
        if (tally.denominator > 0) value = Optional.of(extreme(indicator.type(), tally));
        break;
      default:
        {
          expectedCount = expectedFor(indicator.id(), year, group, all);
          if (expectedCount.isPresent() && expectedCount.get() > 0) {
            value = Optional.of(tally.numerator / expectedCount.get());
            long n = Math.round(expectedCount.get());
            if (n > 0 && n <= Integer.MAX_VALUE && tally.numerator <= n) {
              ConfidenceInterval ci =
                  new WilsonScoreInterval()
                      .createInterval((int) n, (int) tally.numerator, CONFIDENCE);
              lower = Optional.of(ci.getLowerBound());
              upper = Optional.of(ci.getUpperBound());
            }
          }
        }
    }
    Optional<Attainment> attainment = value.flatMap(v -> Attainment.grade(indicator.levels(), v));
    IndicatorResult result =
        new IndicatorResult(
            indicator.id(),
            indicator.type(),
            year,
            group.level,
            group.id,
            group.name,
            group.parent,
            group.orgnr,
            tally.numerator,
            tally.denominator,
            expectedCount,
            value,
            lower,
            upper,
            attainment,
            Suppression.NONE,
            tally.excluded,
            tally.leftOut);
    return result.withSuppression(group.suppression);
  }

  /** The sum, smallest or largest value of a tally; no interval is defined for them. */
  private static double extreme(Indicator.Type type, Tally tally) {
    // Sorted, so the floating-point sum never depends on record order.
    java.util.stream.DoubleStream values =
        tally.values.stream().mapToDouble(Double::doubleValue).sorted();
    switch (type) {
      case SUM:
        return values.sum();
      case MIN:
        return values.min().orElseThrow();
      default:
        return values.max().orElseThrow();
    }
  }

  /** The group's own expected count, or the sum over its health trusts' rows. */
  private Optional<Double> expectedFor(String indicator, int year, Group group, List<Group> all) {
    Optional<Double> own = expected.expected(indicator, year, group.id);
    if (own.isPresent() || group.level == GroupLevel.HF || group.level == GroupLevel.UNIT)
      return own;
    double sum = 0;
    boolean any = false;
    for (Organisations.HealthTrust hf : organisations.healthTrusts()) {
      if (group.level == GroupLevel.RHF && !hf.region().equals(group.id)) continue;
      Optional<Double> count = expected.expected(indicator, year, hf.id());
      if (count.isPresent()) {
        sum += count.get();
        any = true;
      }
    }
    return any ? Optional.of(sum) : Optional.empty();
  }
}
