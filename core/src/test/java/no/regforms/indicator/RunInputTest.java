package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/** What a run reports about its input: expected-count files, order, other registries' records. */
class RunInputTest {

  private static final Registry QI = Fixtures.testRegistry("qi");

  @Test
  void expectedCounts_badRows_areLocatedAndTheRestKept() throws Exception {
    String csv =
        "indicator,year,hf,expected\nqi_x,2024,bergen,10\nqi_x,2024,narvik,3\nqi_x,twenty,ous,4\nqi_x,2024,bergen,11\n"
            + "qi_x,2024,983971636,7.5\n";

    ExpectedCounts counts = ExpectedCounts.parse(csv, "expected.csv", QI.organisations());

    assertThat(counts.diagnostics().errors())
        .as(counts.diagnostics().toDisplayString())
        .extracting(Issue::code)
        .containsExactly(
            IssueCode.UNKNOWN_ORGANISATION, IssueCode.INVALID_VALUE, IssueCode.DUPLICATE_ID);
    assertThat(counts.diagnostics().errors())
        .extracting(i -> ((SourceLocation) i.location()).line())
        .containsExactly(3, 4, 5);
    assertThat(counts.expected("qi_x", 2024, "ahus")).hasValue(7.5);
    assertThat(counts.expected("qi_x", 2024, "bergen")).hasValue(10.0);
  }

  @Test
  void expectedCounts_hugeOrInfiniteCounts_areLocatedErrors() throws Exception {
    String csv =
        "indicator,year,hf,expected\nqi_x,2024,bergen,3000000000\nqi_x,2023,bergen,1e400\nqi_x,2022,bergen,NaN\n";

    ExpectedCounts counts = ExpectedCounts.parse(csv, "expected.csv", QI.organisations());

    assertThat(counts.diagnostics().errors())
        .extracting(i -> ((SourceLocation) i.location()).line())
        .containsExactly(2, 3, 4);
    assertThat(counts.expected("qi_x", 2024, "bergen")).isEmpty();
  }

  @Test
  void expectedCounts_missingColumn_isOneErrorAtTheHeader() throws Exception {
    ExpectedCounts counts =
        ExpectedCounts.parse("indicator;year;expected\nqi_x;2024;3\n", "e.csv", QI.organisations());

    assertThat(counts.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.MISSING_KEY);
  }

  @Test
  void calculate_declaredSortedButNot_reportsAnErrorAtTheLine() {
    List<Record> records =
        List.of(
            new Record(
                "qi", "case", "", "c1", "p2", "", record("qi", "case", "", "", "").values(), 1),
            new Record(
                "qi", "case", "", "c2", "p1", "", record("qi", "case", "", "", "").values(), 2));

    IndicatorResults results =
        IndicatorCalculator.of(QI)
            .calculate(records.iterator(), RunOptions.years(2024).withSortedByPatient(true));

    assertThat(results.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.UNSORTED_INPUT);
    assertThat(results.diagnostics().errors().get(0).message().in("en"))
        .contains("sorted by patient")
        .contains("line 2")
        .contains("line 1")
        .doesNotContain("p1")
        .doesNotContain("p2");
    assertThat(results.results()).as("no figures from input in the wrong order").isEmpty();
  }

  @Test
  void calculateIfSorted_sortedRecords_sameResultsAsSortingThem() {
    List<Record> records = cases("p1", "p2", "p3");

    var streamed =
        IndicatorCalculator.of(QI).calculateIfSorted(records.iterator(), RunOptions.years(2024));
    IndicatorResults sorted =
        IndicatorCalculator.of(QI).calculate(records.iterator(), RunOptions.years(2024));

    assertThat(streamed).isPresent();
    assertThat(streamed.get().results()).isNotEmpty().isEqualTo(sorted.results());
    assertThat(streamed.get().diagnostics().issues()).isEqualTo(sorted.diagnostics().issues());
  }

  @Test
  void calculateIfSorted_keyOutOfOrder_isEmptyWithoutAnError() {
    List<Record> records = cases("p1", "p3", "p2");

    assertThat(
            IndicatorCalculator.of(QI)
                .calculateIfSorted(records.iterator(), RunOptions.years(2024)))
        .isEmpty();
  }

  private static List<Record> cases(String... patients) {
    List<Record> records = new java.util.ArrayList<>();
    for (String patient : patients) {
      records.add(
          record(
              "qi",
              "case",
              "c-" + patient,
              patient,
              "",
              "hf",
              "bergen",
              "event_date",
              "2024-03-01",
              "met",
              true));
    }
    return records;
  }

  @Test
  void calculate_noCaseInTheYears_isAnErrorSayingWhereTheDataLies() {
    List<Record> records =
        List.of(
            record(
                "qi",
                "case",
                "c1",
                "p1",
                "",
                "hf",
                "bergen",
                "event_date",
                "2022-03-01",
                "met",
                true),
            record(
                "qi",
                "case",
                "c2",
                "p2",
                "",
                "hf",
                "bergen",
                "event_date",
                "2023-05-01",
                "met",
                false));

    IndicatorResults results =
        IndicatorCalculator.of(QI).calculate(records.iterator(), RunOptions.years(1799, 1800));

    assertThat(results.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.NO_CASES);
    assertThat(results.diagnostics().errors().get(0).text())
        .contains("1799–1800")
        .contains("2022–2023");
  }

  @Test
  void calculate_recordsOfAnotherRegistryAndUnknownIndicator_areReportedNotCounted() {
    List<Record> records =
        List.of(
            record("ms", "inclusion", "x", "p1", "", "home_hf", "bergen"),
            record(
                "qi",
                "case",
                "c",
                "p2",
                "",
                "hf",
                "bergen",
                "event_date",
                "2024-01-01",
                "met",
                true));

    IndicatorResults results =
        IndicatorCalculator.of(QI)
            .calculate(
                records.iterator(),
                RunOptions.years(2024).withIndicators(Set.of("qi_ms_diagnosis", "qi_nonexistent")));

    assertThat(results.diagnostics().issues())
        .extracting(Issue::code)
        .containsExactlyInAnyOrder(IssueCode.WRONG_FORM, IssueCode.INVALID_VALUE);
    assertThat(
            results
                .find("qi_ms_diagnosis", 2024, GroupLevel.NATIONAL, "national")
                .orElseThrow()
                .denominator())
        .isEqualTo(1);
  }

  @Test
  void calculate_homeHfAttributionWithoutHomeHf_warnsAndCountsUnderUnknownHf() {
    Registry registry =
        no.regforms.definition.DefinitionLoader.create()
            .load(
                java.nio.file.Path.of(
                    "src", "test", "resources", "definitions", "valid", "patient_indicators"))
            .registryOrThrow();
    String form = registry.indicators().get("edss_in_year").form();
    List<Record> records =
        List.of(record(registry.id(), form, "i1", "p1", "", "diagnosis_date", "2020-01-01"));

    IndicatorResults results =
        IndicatorCalculator.of(registry)
            .calculate(
                records.iterator(), RunOptions.years(2024).withIndicators(Set.of("edss_in_year")));

    assertThat(results.diagnostics().warnings())
        .extracting(Issue::code)
        .contains(IssueCode.MISSING_KEY);
    assertThat(
            results
                .find("edss_in_year", 2024, GroupLevel.HF, "unknown")
                .orElseThrow()
                .denominator())
        .isEqualTo(1);
  }
}
