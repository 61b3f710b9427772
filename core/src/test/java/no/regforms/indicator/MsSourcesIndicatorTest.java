package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/**
 * The MS indicators changed to follow the sources (levels of the indicator boxes, the MRI at
 * diagnosis).
 */
class MsSourcesIndicatorTest {

  private static final Registry MS = Fixtures.registry("ms");

  private static Record inclusion(String patient, String diagnosisDate, Object... more) {
    List<Object> values =
        new ArrayList<>(
            List.of("home_hf", "forde", "ms_type_onset", "RRMS", "diagnosis_date", diagnosisDate));
    values.addAll(List.of(more));
    return record("ms", "inclusion", "i-" + patient, patient, "", values.toArray());
  }

  private static Record followup(String patient, String controlDate, Object... more) {
    List<Object> values = new ArrayList<>(List.of("control_date", controlDate));
    values.addAll(List.of(more));
    return record("ms", "followup", "f-" + patient + controlDate, patient, "", values.toArray());
  }

  private static IndicatorResult forde(List<Record> records, String indicator, int year) {
    IndicatorResults results =
        IndicatorCalculator.of(MS)
            .calculate(
                records.iterator(), RunOptions.years(year).withIndicators(Set.of(indicator)));
    return results.find(indicator, year, GroupLevel.HF, "forde").orElseThrow();
  }

  @Test
  void edssInYear_75PercentIsHighAsTheIndicatorBoxSays_controlWithoutEdssCountsAsNone() {
    List<Record> records = new ArrayList<>();
    String[] edssDates = {
      "2024-01-01",
      "2024-03-01",
      "2024-05-01",
      "2024-07-01",
      "2024-09-01",
      "2024-12-31",
      "2023-12-31"
    };
    for (int i = 0; i < edssDates.length; i++) {
      records.add(inclusion("p" + i, "2020-01-01"));
      records.add(
          followup(
              "p" + i, edssDates[i], "edss_done", true, "edss", 2.0, "edss_date", edssDates[i]));
    }
    records.add(inclusion("p7", "2020-01-01"));
    records.add(followup("p7", "2024-06-01", "edss_done", false));

    IndicatorResult result = forde(records, "ms_edss_in_year", 2024);

    // 1.1 and 31.12 are in, 31.12.2023 is not; p7's control without EDSS keeps p7 in the
    // denominator.
    assertThat(result.numerator()).isEqualTo(6);
    assertThat(result.denominator()).isEqualTo(8);
    assertThat(result.leftOut()).isEmpty();
    // 6/8 = 75 %: «meget god» by the box [75, 100]; Tabell 2.1.1's 80 % would have made it «god».
    assertThat(result.attainment()).hasValue(Attainment.HIGH);
  }

  @Test
  void mriInYear_mriAtDiagnosisCountsInTheShiftedYearItWasTaken() {
    List<Record> records =
        List.of(
            inclusion("a", "2024-06-30", "mri_at_diagnosis", true),
            inclusion("b", "2024-07-01", "mri_at_diagnosis", true),
            inclusion(
                "c", "2024-08-01", "mri_at_diagnosis", true, "mri_at_diagnosis_date", "2024-06-30"),
            inclusion("d", "2023-03-01", "mri_at_diagnosis", false),
            followup("d", "2024-03-01", "mri_done", false),
            inclusion("e", "2019-12-31", "mri_at_diagnosis", true),
            inclusion("f", "2019-12-30", "mri_at_diagnosis", true));

    IndicatorResult year2024 = forde(records, "ms_mri_in_year", 2024);
    IndicatorResult year2025 = forde(records, "ms_mri_in_year", 2025);

    // 2024 runs 1.7.2023-30.6.2024. a: MRI dated by the diagnosis, 30.6 (in); b: 1.7 (out); c: its
    // own date 30.6 (in);
    // d: a control without MRI (in the denominator, not the numerator); e: diagnosed exactly 60
    // months before 31.12.2024
    // (in the denominator, its MRI long before); f: one day more than 5 years (out).
    assertThat(year2024.numerator()).isEqualTo(2);
    assertThat(year2024.denominator()).isEqualTo(5);
    assertThat(year2024.leftOut()).isEmpty();
    // 2025 runs 1.7.2024-30.6.2025: only b's diagnostic MRI falls in it; e is now more than 5 years
    // out.
    assertThat(year2025.numerator()).isEqualTo(1);
    assertThat(year2025.denominator()).isEqualTo(4);
  }
}
