package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.map;
import static no.regforms.indicator.Fixtures.record;
import static no.regforms.indicator.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.junit.jupiter.api.Test;

/**
 * The MS treatment-start target as it changed: one month (and 90 % within three months) up to 2018,
 * 30 days 2019–2021, 21 days from 2022. Each year of a trend run is computed by the definition
 * valid that year; the same delays on both sides of each switch year give different figures.
 */
class MsTreatmentTargetHistoryTest {

  private static final Registry MS = Fixtures.registry("ms");
  private static final String INDICATOR = "ms_diagnosis_to_treatment";

  /**
   * Five patients diagnosed 1 February of {@code year}, starting treatment 21, 22, 28, 30 and 31
   * days later.
   */
  private static List<Record> patients(int year) {
    List<Record> records = new ArrayList<>();
    String[] starts = {"02-22", "02-23", "03-01", "03-03", "03-04"};
    for (int i = 0; i < starts.length; i++) {
      String patient = "p" + year + "-" + i;
      Map<String, Object> values =
          new LinkedHashMap<>(
              map("home_hf", "bergen", "ms_type_onset", "RRMS", "diagnosis_date", year + "-02-01"));
      records.add(
          new Record(
              "ms", "inclusion", "", "i-" + patient, patient, "", RecordValues.of(values), 0));
      records.add(
          record(
              "ms",
              "followup",
              "f-" + patient,
              patient,
              "",
              "control_date",
              year + "-06-01",
              "treatment_status",
              "ongoing",
              "treatments",
              rows(map("drug", "L01FA01", "start_date", year + "-" + starts[i]))));
    }
    return records;
  }

  private static IndicatorResults trend(Set<String> indicators, int... years) {
    List<Record> records = new ArrayList<>();
    for (int year : years) records.addAll(patients(year));
    RunOptions options =
        RunOptions.years(java.util.Arrays.stream(years).boxed().toArray(Integer[]::new))
            .withIndicators(indicators);
    return IndicatorCalculator.of(MS).calculate(records.iterator(), options);
  }

  private static IndicatorResult national(IndicatorResults results, String indicator, int year) {
    return results.find(indicator, year, GroupLevel.NATIONAL, "national").orElseThrow();
  }

  @Test
  void trend_eachYear_countedByTheDefinitionValidThatYear() {
    IndicatorResults results = trend(Set.of(INDICATOR), 2018, 2019, 2021, 2022);

    // 2018: within one calendar month (1 Feb → 1 Mar is a whole month, so 28 days is too late).
    assertThat(national(results, INDICATOR, 2018).numerator()).isEqualTo(2);
    // 2019 and 2021: within 30 days.
    assertThat(national(results, INDICATOR, 2019).numerator()).isEqualTo(4);
    assertThat(national(results, INDICATOR, 2021).numerator()).isEqualTo(4);
    // 2022: within 21 days.
    assertThat(national(results, INDICATOR, 2022).numerator()).isEqualTo(1);
    assertThat(List.of(2018, 2019, 2021, 2022))
        .allSatisfy(
            year -> assertThat(national(results, INDICATOR, year).denominator()).isEqualTo(5));
  }

  @Test
  void trend_eachFigure_namesTheDefinitionThatComputedIt() {
    IndicatorResults results = trend(Set.of(INDICATOR), 2018, 2019, 2021, 2022);

    assertThat(national(results, INDICATOR, 2018).version()).isEqualTo("2017");
    assertThat(national(results, INDICATOR, 2019).version()).isEqualTo("2019");
    assertThat(national(results, INDICATOR, 2021).version()).isEqualTo("2019");
    assertThat(national(results, INDICATOR, 2022).version()).isEqualTo("2022");
  }

  @Test
  void levels_2018_gradedByTheOldSingleTargetOf75Percent() {
    IndicatorResults results = trend(Set.of(INDICATOR), 2018, 2019);

    // 2/5 = 40 %: below the one target of 2018; 4/5 = 80 %: high under the later grading (75 %).
    assertThat(national(results, INDICATOR, 2018).attainment()).contains(Attainment.LOW);
    assertThat(national(results, INDICATOR, 2019).attainment()).contains(Attainment.HIGH);
    assertThat(
            MS.indicatorVersion(INDICATOR, 2018)
                .orElseThrow()
                .indicator()
                .levels()
                .orElseThrow()
                .medium())
        .isEqualByComparingTo("0.75");
  }

  @Test
  void threeMonthTarget_reportedUpTo2018Only() {
    IndicatorResults results = trend(Set.of("ms_treatment_within_three_months"), 2018, 2019);

    assertThat(national(results, "ms_treatment_within_three_months", 2018).numerator())
        .isEqualTo(5);
    assertThat(
            results.find("ms_treatment_within_three_months", 2019, GroupLevel.NATIONAL, "national"))
        .isEmpty();
  }
}
