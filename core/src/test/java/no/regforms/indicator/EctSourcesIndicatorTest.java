package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/**
 * The ECT indicators added or changed to follow the sources, on hand-built courses with
 * hand-counted answers.
 */
class EctSourcesIndicatorTest {

  private static final Registry ECT = Fixtures.registry("ect");

  /** A unit of health trust Bergen in the registry's organisation table. */
  private static final String UNIT = "4201234";

  private static Record course(
      String id, String patient, String start, String end, Object... more) {
    List<Object> values =
        new ArrayList<>(
            List.of(
                "birth_year",
                1970,
                "course_type",
                "acute",
                "course_start",
                start,
                "course_end",
                end));
    values.addAll(List.of(more));
    return Fixtures.record("ect", "course", id, patient, UNIT, values.toArray());
  }

  private static IndicatorResult bergen(
      List<Record> records, String indicator, RunOptions options) {
    IndicatorResults results =
        IndicatorCalculator.of(ECT)
            .calculate(records.iterator(), options.withIndicators(Set.of(indicator)));
    return results.find(indicator, options.years().get(0), GroupLevel.HF, "bergen").orElseThrow();
  }

  private static IndicatorResult bergen2024(List<Record> records, String indicator) {
    return bergen(records, indicator, RunOptions.years(2024));
  }

  @Test
  void establishedIndication_registrysOwnTopIndicationsF321AndF331_areEstablished() {
    List<Record> records =
        List.of(
            course("a", "pa", "2024-03-01", "2024-04-01", "indication", "F32.1"),
            course("b", "pb", "2024-03-01", "2024-04-01", "indication", "F33.1"),
            course("c", "pc", "2024-03-01", "2024-04-01", "indication", "F32.2"),
            course("d", "pd", "2024-03-01", "2024-04-01", "indication", "F31.3"),
            course(
                "e",
                "pe",
                "2024-03-01",
                "2024-04-01",
                "indication_outside_list",
                true,
                "indication_other_icd10",
                "F32.0"));

    IndicatorResult result = bergen2024(records, "ect_qi1_established_indication");

    // a, b, c are among 000's five most common indications; d (bipolar, mild/moderate) and e
    // (outside the list) are not.
    assertThat(result.numerator()).isEqualTo(3);
    assertThat(result.denominator()).isEqualTo(5);
  }

  private static Record memoryAfter(String id, String assessed, String severity) {
    return course(
        id,
        "p" + id,
        "2024-03-01",
        "2024-04-01",
        "memory_after_assessed",
        true,
        "memory_after_date",
        assessed,
        "memory_after_method",
        List.of("clinical"),
        "memory_after_problems",
        severity);
  }

  @Test
  void memoryProblemsFirstWeek_day0And7InDay8Out_anyDegreeAboveNoneCounts() {
    List<Record> records =
        List.of(
            memoryAfter("a", "2024-04-01", "mild"),
            memoryAfter("b", "2024-04-08", "none"),
            memoryAfter("c", "2024-04-08", "severe"),
            memoryAfter("d", "2024-04-09", "severe"),
            course("e", "pe", "2024-03-01", "2024-04-01", "memory_after_assessed", false),
            Fixtures.record(
                "ect",
                "course",
                "f",
                "pf",
                UNIT,
                "birth_year",
                1970,
                "course_type",
                "maintenance",
                "course_start",
                "2024-03-01",
                "course_end",
                "2024-04-01",
                "memory_after_assessed",
                true,
                "memory_after_date",
                "2024-04-02",
                "memory_after_method",
                List.of("clinical"),
                "memory_after_problems",
                "mild"));

    IndicatorResult result = bergen2024(records, "ect_qi4a_memory_problems_first_week");

    // a (day 0, mild) and c (day 7, severe) have problems, b (day 7) has none; d is day 8, e not
    // assessed, f a maintenance course.
    assertThat(result.numerator()).isEqualTo(2);
    assertThat(result.denominator()).isEqualTo(3);
    assertThat(result.excluded()).containsExactlyEntriesOf(Map.of("maintenance_course", 1L));
  }

  private static Record madrs(String id, String end, Integer before, Integer after) {
    List<Object> values = new ArrayList<>();
    if (before != null) {
      values.add("madrs_before_done");
      values.add(true);
      addItems(values, "madrs_before_", before);
    }
    if (after != null) {
      values.add("madrs_after_done");
      values.add(true);
      addItems(values, "madrs_after_", after);
    }
    return course(id, "p" + id, "2024-03-01", end, values.toArray());
  }

  /** Ten MADRS items 0-6 adding up to {@code total}. */
  private static void addItems(List<Object> values, String prefix, int total) {
    for (int i = 1; i <= 10; i++) {
      values.add(prefix + i);
      values.add(i <= total / 6 ? 6 : i == total / 6 + 1 ? total % 6 : 0);
    }
  }

  @Test
  void madrsSummaries_unpairedMeansMediansMinimaAndMaximaOfTheYearsCourses() {
    List<Record> records =
        List.of(
            madrs("a", "2024-04-01", 30, 5),
            madrs("b", "2024-04-01", 34, null),
            madrs("c", "2024-12-31", 40, 16),
            madrs("d", "2024-04-01", null, 9),
            madrs("e", "2024-04-01", 50, 60),
            madrs("f", "2025-01-01", 10, 0));

    // Before: a, b, c, e = 30, 34, 40, 50 (f ended in 2025); after: a, c, d, e = 5, 16, 9, 60.
    IndicatorResult beforeMean = bergen2024(records, "ect_madrs_before_mean");
    IndicatorResult beforeMedian = bergen2024(records, "ect_madrs_before_median");
    IndicatorResult afterMean = bergen2024(records, "ect_madrs_after_mean");
    IndicatorResult afterMedian = bergen2024(records, "ect_madrs_after_median");

    assertThat(beforeMean.denominator()).isEqualTo(4);
    assertThat(beforeMean.value().orElseThrow()).isCloseTo(38.5, within(1e-9));
    assertThat(beforeMedian.value().orElseThrow()).isCloseTo(37.0, within(1e-9));
    assertThat(afterMean.denominator()).isEqualTo(4);
    assertThat(afterMean.value().orElseThrow()).isCloseTo(22.5, within(1e-9));
    assertThat(afterMedian.value().orElseThrow()).isCloseTo(12.5, within(1e-9));
    // The slide's min and max columns.
    assertThat(bergen2024(records, "ect_madrs_before_min").value()).contains(30.0);
    assertThat(bergen2024(records, "ect_madrs_before_max").value()).contains(50.0);
    assertThat(bergen2024(records, "ect_madrs_after_min").value()).contains(5.0);
    assertThat(bergen2024(records, "ect_madrs_after_max").value()).contains(60.0);
    assertThat(bergen2024(records, "ect_madrs_after_max").denominator()).isEqualTo(4);
  }

  @Test
  void coverage_patientsWithACourseRunningInTheYear_overNprExpectedCount() throws IOException {
    List<Record> records =
        List.of(
            course("a", "pa", "2023-12-01", "2024-01-01", "indication", "F32.2"),
            course("b1", "pb", "2024-02-01", "2024-03-01", "indication", "F32.2"),
            course("b2", "pb", "2024-09-01", "2024-10-01", "indication", "F32.2"),
            course("c", "pc", "2023-05-01", "2023-12-31", "indication", "F32.2"),
            course("d", "pd", "2025-01-01", "2025-02-01", "indication", "F32.2"),
            course("e", "pe", "2024-12-31", "2025-01-20", "indication", "F32.2"));
    ExpectedCounts expected =
        ExpectedCounts.parse(
            "indicator,year,hf,expected\nect_coverage,2024,bergen,8\n",
            "expected.csv",
            ECT.organisations());

    IndicatorResult result =
        bergen(records, "ect_coverage", RunOptions.years(2024).withExpected(expected));

    // a ends 1.1.2024 and e starts 31.12.2024: both in; b has two courses and is one patient; c
    // ended 31.12.2023, d starts 2025.
    assertThat(result.numerator()).isEqualTo(3);
    assertThat(result.expected()).hasValue(8.0);
    assertThat(result.value().orElseThrow()).isCloseTo(3.0 / 8, within(1e-12));
  }
}
