package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.map;
import static no.regforms.indicator.Fixtures.record;
import static no.regforms.indicator.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Organisations;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/**
 * The MS registry's indicators on hand-built records with known answers, and the annual report's
 * Tabell 4.1.1.
 */
class MsIndicatorTest {

  private static final Registry MS = Fixtures.registry("ms");

  /**
   * Tabell 4.1.1: patients alive 31.12.2024 and newly diagnosed in 2024, by home HF (annual report
   * 2024).
   */
  private static final Object[][] TABELL_4_1_1 = {
    {"finnmark", 114, 1, "0.9", "0.2"},
    {"unn", 446, 15, "3.4", "3.5"},
    {"nordland", 359, 8, "2.7", "1.9"},
    {"helgeland", 191, 2, "1.5", "0.5"},
    {"nord_trondelag", 434, 9, "3.3", "2.1"},
    {"st_olav", 848, 32, "6.5", "7.5"},
    {"more_romsdal", 921, 33, "7.0", "7.7"},
    {"forde", 357, 14, "2.7", "3.3"},
    {"bergen", 1353, 48, "10.3", "11.2"},
    {"fonna", 468, 18, "3.6", "4.2"},
    {"stavanger", 886, 25, "6.7", "5.8"},
    {"ostfold", 639, 26, "4.9", "6.1"},
    {"ahus", 1399, 36, "10.7", "8.4"},
    {"ous", 1064, 45, "8.1", "10.5"},
    {"innlandet", 882, 36, "6.7", "8.4"},
    {"vestre_viken", 896, 28, "6.8", "6.5"},
    {"vestfold", 512, 17, "3.9", "4.0"},
    {"telemark", 474, 11, "3.6", "2.6"},
    {"sorlandet", 886, 25, "6.7", "5.8"}
  };

  private static Record inclusion(String patient, String hf, Object... more) {
    Map<String, Object> values = new LinkedHashMap<>(map("home_hf", hf, "ms_type_onset", "RRMS"));
    values.putAll(map(more));
    return new Record(
        "ms",
        "inclusion",
        "",
        "i-" + patient,
        patient,
        "",
        no.regforms.record.RecordValues.of(values),
        0);
  }

  private static IndicatorResults run(List<Record> records, String indicator, int... years) {
    RunOptions options =
        RunOptions.years(java.util.Arrays.stream(years).boxed().toArray(Integer[]::new))
            .withIndicators(Set.of(indicator));
    return IndicatorCalculator.of(MS).calculate(records.iterator(), options);
  }

  @Test
  void coverage_tabell411Counts_reproduceCountsPercentagesAndNationalCoverage() throws IOException {
    List<Record> records = new ArrayList<>();
    int patient = 0;
    for (Object[] row : TABELL_4_1_1) {
      int all = (Integer) row[1];
      int fresh = (Integer) row[2];
      for (int i = 0; i < all; i++) {
        String date = i < fresh ? "2024-03-01" : "2015-05-05";
        records.add(inclusion("p" + patient++, (String) row[0], "diagnosis_date", date));
      }
    }
    // Dead before the end of the year or diagnosed later: not among those alive 31.12.2024.
    records.add(
        inclusion("dead", "bergen", "diagnosis_date", "2010-01-01", "death_date", "2024-12-31"));
    records.add(inclusion("later", "bergen", "diagnosis_date", "2025-01-01"));
    ExpectedCounts expected =
        ExpectedCounts.parse(
            "indicator,year,hf,expected\nms_coverage,2024,national,14870\n",
            "expected.csv",
            MS.organisations());
    RunOptions options =
        RunOptions.years(2024)
            .withIndicators(Set.of("ms_coverage", "ms_coverage_new"))
            .withExpected(expected);

    IndicatorResults results = IndicatorCalculator.of(MS).calculate(records.iterator(), options);

    IndicatorResult national =
        results.find("ms_coverage", 2024, GroupLevel.NATIONAL, "national").orElseThrow();
    IndicatorResult nationalNew =
        results.find("ms_coverage_new", 2024, GroupLevel.NATIONAL, "national").orElseThrow();
    assertThat(national.numerator()).isEqualTo(13129);
    assertThat(nationalNew.numerator()).isEqualTo(429);
    assertThat(national.value().orElseThrow()).isCloseTo(13129.0 / 14870, within(1e-12));
    assertThat(Math.round(national.value().orElseThrow() * 1000) / 10.0).isEqualTo(88.3);
    for (Object[] row : TABELL_4_1_1) {
      IndicatorResult hf =
          results.find("ms_coverage", 2024, GroupLevel.HF, (String) row[0]).orElseThrow();
      IndicatorResult hfNew =
          results.find("ms_coverage_new", 2024, GroupLevel.HF, (String) row[0]).orElseThrow();
      assertThat(hf.numerator()).as((String) row[0]).isEqualTo(((Integer) row[1]).longValue());
      assertThat(hfNew.numerator()).as((String) row[0]).isEqualTo(((Integer) row[2]).longValue());
      assertThat(
              String.format(
                  java.util.Locale.ROOT, "%.1f", 100.0 * hf.numerator() / national.numerator()))
          .isEqualTo(row[3]);
      assertThat(
              String.format(
                  java.util.Locale.ROOT,
                  "%.1f",
                  100.0 * hfNew.numerator() / nationalNew.numerator()))
          .isEqualTo(row[4]);
    }
    Organisations org = MS.organisations();
    long helseNord =
        results.find("ms_coverage", 2024, GroupLevel.RHF, "helse_nord").orElseThrow().numerator();
    assertThat(helseNord).isEqualTo(114 + 446 + 359 + 191);
    assertThat(org.region("helse_nord")).isPresent();
  }

  @Test
  void onsetToDiagnosis_exactly24Months_countsAndOneMonthMoreDoesNot() {
    List<Record> records =
        List.of(
            inclusion("a", "bergen", "onset", "2022-06", "diagnosis_date", "2024-06-30"),
            inclusion("b", "bergen", "onset", "2022-05", "diagnosis_date", "2024-06-01"),
            inclusion("c", "bergen", "onset", "2024-01", "diagnosis_date", "2024-12-31"),
            inclusion("d", "bergen", "onset", "2023-01", "diagnosis_date", "2025-01-01"),
            inclusion("e", "bergen", "diagnosis_date", "2024-05-05"));

    IndicatorResult bergen =
        run(records, "ms_onset_to_diagnosis", 2024)
            .find("ms_onset_to_diagnosis", 2024, GroupLevel.HF, "bergen")
            .orElseThrow();

    // a: 24 months (in), b: 25 months (out), c: 31.12 counts for 2024, d: 1.1.2025 does not; e:
    // onset missing, left out.
    assertThat(bergen.denominator()).isEqualTo(3);
    assertThat(bergen.numerator()).isEqualTo(2);
    assertThat(bergen.leftOut()).containsExactlyEntriesOf(Map.of("onset", 1L));
    assertThat(bergen.suppression()).isEqualTo(Suppression.PRIMARY);
  }

  @Test
  void referralToDiagnosis_missingReferralDate_isExcludedAndCounted() {
    List<Record> records =
        List.of(
            inclusion("a", "ous", "referral_date", "2024-02-01", "diagnosis_date", "2024-02-29"),
            inclusion("b", "ous", "referral_date", "2024-02-01", "diagnosis_date", "2024-03-01"),
            inclusion(
                "c",
                "ous",
                "referral_date",
                Map.of("missing", "unknown"),
                "diagnosis_date",
                "2024-03-01"),
            inclusion("d", "ous", "diagnosis_date", "2024-03-01"));

    IndicatorResult ous =
        run(records, "ms_referral_to_diagnosis", 2024)
            .find("ms_referral_to_diagnosis", 2024, GroupLevel.HF, "ous")
            .orElseThrow();

    // 2024 is a leap year: 1.2 → 29.2 is 28 days (in), → 1.3 is 29 days (out).
    assertThat(ous.numerator()).isEqualTo(1);
    assertThat(ous.denominator()).isEqualTo(2);
    assertThat(ous.excluded()).containsExactlyEntriesOf(Map.of("referral_date_missing", 2L));
  }

  private static Map<String, Object> treatment(String drug, String start) {
    return map("drug", drug, "start_date", start);
  }

  @Test
  void diagnosisToTreatment_exactly21Days_countsAnd22DoesNot() {
    List<Record> records =
        List.of(
            inclusion("a", "st_olav", "diagnosis_date", "2024-03-01"),
            record(
                "ms",
                "followup",
                "f-a",
                "a",
                "",
                "control_date",
                "2024-04-01",
                "treatment_status",
                "ongoing",
                "treatments",
                rows(treatment("L01FA01", "2024-03-22"))),
            inclusion("b", "st_olav", "diagnosis_date", "2024-03-01"),
            record(
                "ms",
                "followup",
                "f-b",
                "b",
                "",
                "control_date",
                "2024-04-01",
                "treatment_status",
                "ongoing",
                "treatments",
                rows(treatment("L01FA01", "2024-03-23"))),
            inclusion("c", "st_olav", "diagnosis_date", "2024-03-01"),
            record(
                "ms",
                "followup",
                "f-c",
                "c",
                "",
                "control_date",
                "2024-04-01",
                "treatment_status",
                "none",
                "no_treatment_reason",
                "pregnancy"));

    IndicatorResult stOlav =
        run(records, "ms_diagnosis_to_treatment", 2024)
            .find("ms_diagnosis_to_treatment", 2024, GroupLevel.HF, "st_olav")
            .orElseThrow();

    assertThat(stOlav.numerator()).isEqualTo(1);
    assertThat(stOlav.denominator()).isEqualTo(2);
    assertThat(stOlav.excluded())
        .containsExactlyEntriesOf(Map.of("patient_choice_or_pregnancy", 1L));
  }

  @Test
  void mriInYear_shiftedYearEdges_30JuneInAnd1JulyOut() {
    List<Record> records =
        List.of(
            inclusion("a", "forde", "diagnosis_date", "2022-01-01"),
            record(
                "ms",
                "followup",
                "f-a",
                "a",
                "",
                "control_date",
                "2024-06-30",
                "mri_done",
                true,
                "mri_date",
                "2024-06-30"),
            inclusion("b", "forde", "diagnosis_date", "2022-01-01"),
            record(
                "ms",
                "followup",
                "f-b",
                "b",
                "",
                "control_date",
                "2024-07-01",
                "mri_done",
                true,
                "mri_date",
                "2024-07-01"),
            inclusion("c", "forde", "diagnosis_date", "2022-01-01"),
            record(
                "ms",
                "followup",
                "f-c",
                "c",
                "",
                "control_date",
                "2023-07-01",
                "mri_done",
                true,
                "mri_date",
                "2023-07-01"),
            inclusion("d", "forde", "diagnosis_date", "2022-01-01"),
            record(
                "ms",
                "followup",
                "f-d",
                "d",
                "",
                "control_date",
                "2023-06-30",
                "mri_done",
                true,
                "mri_date",
                "2023-06-30"));

    IndicatorResults results = run(records, "ms_mri_in_year", 2024, 2025);
    IndicatorResult forde2024 =
        results.find("ms_mri_in_year", 2024, GroupLevel.HF, "forde").orElseThrow();
    IndicatorResult forde2025 =
        results.find("ms_mri_in_year", 2025, GroupLevel.HF, "forde").orElseThrow();

    // Report year 2024 runs 1.7.2023–30.6.2024: a and c are in, b and d out; 2025 takes b only.
    assertThat(forde2024.numerator()).isEqualTo(2);
    assertThat(forde2024.denominator()).isEqualTo(4);
    assertThat(forde2025.numerator()).isEqualTo(1);
  }

  @Test
  void homeHfAttribution_patientTreatedAtTwoHfs_countsOnceAtHomeHf() {
    List<Record> records =
        List.of(
            inclusion("a", "bergen", "diagnosis_date", "2020-01-01"),
            record(
                "ms",
                "followup",
                "f1",
                "a",
                "4204191",
                "control_date",
                "2024-02-01",
                "edss_done",
                true,
                "edss",
                2.0,
                "edss_date",
                "2024-02-01"),
            record(
                "ms",
                "followup",
                "f2",
                "a",
                "4001031",
                "control_date",
                "2024-09-01",
                "edss_done",
                true,
                "edss",
                2.5,
                "edss_date",
                "2024-09-01"));

    IndicatorResults results = run(records, "ms_edss_in_year", 2024);

    assertThat(
            results
                .find("ms_edss_in_year", 2024, GroupLevel.HF, "bergen")
                .orElseThrow()
                .numerator())
        .isEqualTo(1);
    assertThat(
            results
                .find("ms_edss_in_year", 2024, GroupLevel.NATIONAL, "national")
                .orElseThrow()
                .denominator())
        .isEqualTo(1);
    // OUS treated the patient but is not the home HF: it has no case, so no row.
    assertThat(results.find("ms_edss_in_year", 2024, GroupLevel.HF, "ous")).isEmpty();
  }
}
