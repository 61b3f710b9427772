package no.regforms.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.indicator.ExpectedCounts;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResult;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.junit.jupiter.api.Test;

/**
 * {@code hours_between}, {@code minutes_between}, {@code days_between} of date-times and {@code
 * date(datetime)} in SQL, on the cases where calendar and elapsed time part: each case is one
 * patient at a unit of its own, so each unit's figures are that case's values, and the JVM, DuckDB
 * and PostgreSQL must give the same.
 */
class TimeFunctionsSqlTest {

  /** admitted_at, surgery_at, and the JVM's whole minutes and whole days elapsed between them. */
  private record Case(String admitted, String surgery, long minutes, long days) {}

  private static final List<Case> CASES =
      List.of(
          new Case(
              "2024-03-01T22:00",
              "2024-03-03T21:00",
              2_820,
              1), // 47 hours: two calendar days, one whole day
          new Case("2024-03-01T23:00", "2024-03-02T01:00", 120, 0), // the next day, two hours later
          new Case("2024-03-01T10:00:30", "2024-03-01T11:00:10", 59, 0), // 59 minutes 40 seconds
          new Case(
              "2024-03-30T12:00",
              "2024-04-01T12:00",
              2_880,
              2), // across the spring clock change: no zone, 48 hours
          new Case("2024-02-28T08:00", "2024-03-01T07:59", 2_879, 1), // across a leap day
          new Case("2024-06-01T08:00", "2024-06-01T08:00", 0, 0));

  @Test
  void timeFunctions_casesWhereCalendarAndElapsedPart_sameOnJvmDuckDbAndPostgres()
      throws Exception {
    Registry registry = EngineDifferentialTest.registry("hipfracture");
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      records.add(
          new Record(
              "hipfracture",
              "admission",
              "1",
              "r" + i,
              "p" + i,
              "unit" + i,
              RecordValues.of(
                  Map.of(
                      "admitted_at",
                      c.admitted(),
                      "birth_date",
                      "1940-05-01",
                      "fracture_type",
                      "neck",
                      "operated",
                      true,
                      "surgery_at",
                      c.surgery(),
                      "delay_reason",
                      "medical")),
              i + 1));
    }
    RunOptions options =
        new RunOptions(
            List.of(2024),
            Set.of(),
            ExpectedCounts.NONE,
            false,
            RunOptions.DEFAULT_MAX_RECORDS_IN_MEMORY,
            Optional.empty(),
            EngineDifferentialTest.TODAY);

    IndicatorResults jvm = IndicatorCalculator.of(registry).calculate(records.iterator(), options);
    IndicatorResults duckdb =
        EngineDifferentialTest.inStore(registry, records, "jdbc:duckdb:", options);
    IndicatorResults postgres =
        EngineDifferentialTest.inStore(
            registry, records, PostgresServer.shared().newDatabase("time_functions"), options);

    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      assertThat(unit(jvm, "minutes_to_surgery", i).value())
          .as("minutes, case %d", i)
          .contains((double) c.minutes());
      assertThat(unit(jvm, "surgery_within_two_days", i).numerator())
          .as("days < 2, case %d", i)
          .isEqualTo(c.days() < 2 ? 1 : 0);
    }
    // date(datetime): the second case is on the next calendar day but under 12 hours; the 47 hours
    // case is neither.
    assertThat(unit(jvm, "surgery_same_day", 1).numerator()).isEqualTo(1);
    assertThat(unit(jvm, "surgery_same_day", 0).numerator()).isZero();
    assertThat(duckdb.results()).isEqualTo(jvm.results());
    assertThat(postgres.results()).isEqualTo(jvm.results());
  }

  private static IndicatorResult unit(IndicatorResults results, String indicator, int unit) {
    return results.of(indicator).stream()
        .filter(r -> r.level() == GroupLevel.UNIT && r.group().equals("unit" + unit))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result of " + indicator + " for unit" + unit));
  }
}
