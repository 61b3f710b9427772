package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.regforms.definition.Registry;
import no.regforms.record.Record;

/**
 * Properties of every run: numerator within denominator, groups summing to the nation, order not
 * mattering.
 */
class IndicatorPropertyTest {

  private static final Registry QI = Fixtures.testRegistry("qi");
  private static final List<String> HFS =
      List.of("nord_trondelag", "more_romsdal", "st_olav", "bergen", "ous", "finnmark");
  private static final List<String> UNITS = List.of("100", "101", "200", "300", "999", "");

  /** One patient: a case record and some visits. */
  record Patient(
      int hf,
      int unit,
      int caseYear,
      Boolean met,
      Integer score,
      List<Integer> visitYears,
      boolean noDate) {}

  @Provide
  Arbitrary<List<Patient>> patients() {
    Arbitrary<Patient> patient =
        Combinators.combine(
                Arbitraries.integers().between(-1, HFS.size() - 1),
                Arbitraries.integers().between(0, UNITS.size() - 1),
                Arbitraries.integers().between(2021, 2024),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.1),
                Arbitraries.integers().between(0, 40).injectNull(0.1),
                Arbitraries.integers().between(2020, 2025).list().ofMaxSize(3),
                Arbitraries.integers().between(0, 9).map(i -> i == 0))
            .as(Patient::new);
    return patient.list().ofMaxSize(60);
  }

  private static List<Record> records(List<Patient> patients) {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < patients.size(); i++) {
      Patient p = patients.get(i);
      List<Object> values = new ArrayList<>();
      if (p.hf() >= 0) values.addAll(List.of("hf", HFS.get(p.hf())));
      if (!p.noDate()) values.addAll(List.of("event_date", p.caseYear() + "-06-15"));
      if (p.met() != null) values.addAll(List.of("met", p.met()));
      if (p.score() != null) values.addAll(List.of("score", p.score()));
      String patient = String.format("p%03d", i); // sorted as text, as --sorted requires
      records.add(
          Fixtures.record("qi", "case", "c" + i, patient, UNITS.get(p.unit()), values.toArray()));
      int v = 0;
      for (int year : p.visitYears()) {
        records.add(
            Fixtures.record(
                "qi",
                "visit",
                "v" + i + "-" + v++,
                patient,
                UNITS.get(p.unit()),
                "visit_date",
                year + "-03-01"));
      }
    }
    return records;
  }

  private static IndicatorResults run(List<Record> records, RunOptions options) {
    return IndicatorCalculator.of(QI).calculate(records.iterator(), options);
  }

  private static final RunOptions OPTIONS =
      RunOptions.years(2022, 2023, 2024).withToday(java.time.LocalDate.of(2025, 1, 1));

  @Property(tries = 60)
  void calculate_anyRecords_numeratorWithinDenominator(@ForAll("patients") List<Patient> patients) {
    IndicatorResults results = run(records(patients), OPTIONS);

    assertThat(results.results())
        .allSatisfy(
            r -> {
              assertThat(r.numerator()).isBetween(0L, r.denominator());
              r.value()
                  .ifPresent(
                      v -> {
                        if (r.indicator().equals("qi_ms_diagnosis")
                            || r.indicator().equals("qi_visit")) assertThat(v).isBetween(0.0, 1.0);
                      });
            });
  }

  @Property(tries = 60)
  void calculate_anyRecords_groupsSumToNational(@ForAll("patients") List<Patient> patients) {
    IndicatorResults results = run(records(patients), OPTIONS);

    for (String indicator : QI.indicators().keySet()) {
      for (int year : OPTIONS.years()) {
        IndicatorResult national =
            results.find(indicator, year, GroupLevel.NATIONAL, "national").orElseThrow();
        for (GroupLevel level : List.of(GroupLevel.HF, GroupLevel.RHF)) {
          List<IndicatorResult> groups = results.of(indicator, year, level);
          assertThat(groups.stream().mapToLong(IndicatorResult::denominator).sum())
              .isEqualTo(national.denominator());
          assertThat(groups.stream().mapToLong(IndicatorResult::numerator).sum())
              .isEqualTo(national.numerator());
          assertThat(groups.stream().mapToLong(IndicatorResult::leftOutTotal).sum())
              .isEqualTo(national.leftOutTotal());
        }
      }
    }
  }

  @Property(tries = 40)
  void calculate_shuffledOrSpilled_sameResults(
      @ForAll("patients") List<Patient> patients, @ForAll long seed) {
    List<Record> records = records(patients);
    List<Record> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(seed));

    IndicatorResults inOrder = run(records, OPTIONS);
    IndicatorResults reordered = run(shuffled, OPTIONS);
    IndicatorResults spilled = run(shuffled, OPTIONS.withSpill(7, Optional.empty()));
    IndicatorResults streamed = run(records, OPTIONS.withSortedByPatient(true));

    assertThat(reordered.results()).isEqualTo(inOrder.results());
    assertThat(spilled.results()).isEqualTo(inOrder.results());
    assertThat(streamed.results()).isEqualTo(inOrder.results());
  }

  @Property(tries = 40)
  void suppression_anyRecords_noParentRevealsASingleHiddenChild(
      @ForAll("patients") List<Patient> patients) {
    IndicatorResults results =
        run(records(patients), OPTIONS.withIndicators(Set.of("qi_visit", "qi_ms_diagnosis")));

    for (IndicatorResult parent : results.results()) {
      if (parent.isSuppressed() || parent.level() == GroupLevel.UNIT) continue;
      GroupLevel childLevel = GroupLevel.values()[parent.level().ordinal() - 1];
      long hidden =
          results.of(parent.indicator(), parent.year(), childLevel).stream()
              .filter(
                  c -> c.parent().equals(parent.group()) && c.denominator() > 0 && c.isSuppressed())
              .count();
      assertThat(hidden)
          .as("%s %s %s", parent.indicator(), parent.year(), parent.group())
          .isNotEqualTo(1L);
    }
  }
}
