package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.map;
import static no.regforms.indicator.Fixtures.record;
import static no.regforms.indicator.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the indicators the boundary tests do not reach, so every indicator of the three
 * registries is computed on hand-built records at least once.
 */
class RemainingIndicatorsTest {

  private static IndicatorResult national(
      Registry registry, List<Record> records, String indicator, int year) {
    return IndicatorCalculator.of(registry)
        .calculate(records.iterator(), RunOptions.years(year).withIndicators(Set.of(indicator)))
        .find(indicator, year, GroupLevel.NATIONAL, "national")
        .orElseThrow();
  }

  private static Record inclusion(String patient, String type, String diagnosis, Object... more) {
    List<Object> values =
        new ArrayList<>(
            List.of("home_hf", "fonna", "ms_type_onset", type, "diagnosis_date", diagnosis));
    values.addAll(List.of(more));
    return record("ms", "inclusion", "i-" + patient, patient, "", values.toArray());
  }

  private static Record followup(String patient, String control, Object... more) {
    List<Object> values = new ArrayList<>(List.of("control_date", control));
    values.addAll(List.of(more));
    return record("ms", "followup", "f-" + patient + control, patient, "", values.toArray());
  }

  @Test
  void msUpdatedStatus_controlInYearWithAnswer_countsAliveOnly() {
    Registry ms = Fixtures.registry("ms");
    List<Record> records =
        List.of(
            inclusion("a", "RRMS", "2019-01-01"),
            followup("a", "2024-12-31", "treatment_status", "ongoing", "relapse_any", false),
            inclusion("b", "RRMS", "2019-01-01"),
            followup("b", "2025-01-01", "treatment_status", "ongoing", "relapse_any", false),
            inclusion("c", "RRMS", "2019-01-01"),
            followup("c", "2024-03-01"),
            inclusion("d", "RRMS", "2019-01-01", "death_date", "2024-12-31"),
            followup("d", "2024-03-01", "treatment_status", "none"),
            inclusion("e", "PPMS", "2019-01-01"),
            followup("e", "2024-03-01", "treatment_status", "none"),
            inclusion("f", "PPMS", "2025-01-01"));

    IndicatorResult treatment = national(ms, records, "ms_updated_treatment_status", 2024);
    IndicatorResult relapse = national(ms, records, "ms_updated_relapse_status", 2024);
    IndicatorResult ppms = national(ms, records, "ms_updated_treatment_status_ppms", 2024);

    // a (31.12) updated, b (1.1 next year) not, c without answers not; d died on 31.12, not alive
    // after it.
    assertThat(List.of(treatment.numerator(), treatment.denominator())).containsExactly(1L, 3L);
    assertThat(List.of(relapse.numerator(), relapse.denominator())).containsExactly(1L, 3L);
    assertThat(List.of(ppms.numerator(), ppms.denominator())).containsExactly(1L, 1L);
  }

  @Test
  void msValidEdss_edssAtMost8MonthsBeforeControl_counts() {
    Registry ms = Fixtures.registry("ms");
    List<Record> records =
        List.of(
            inclusion("a", "RRMS", "2019-01-01"),
            followup("a", "2023-11-15", "edss_done", true, "edss", 2.0, "edss_date", "2023-11-15"),
            followup("a", "2024-07-15"),
            inclusion("b", "RRMS", "2019-01-01"),
            followup("b", "2023-11-14", "edss_done", true, "edss", 2.0, "edss_date", "2023-11-14"),
            followup("b", "2024-07-15"),
            inclusion("c", "RRMS", "2019-01-01"),
            followup("c", "2023-05-05"));

    IndicatorResult valid = national(ms, records, "ms_valid_edss", 2024);

    // a: 15.11 + 8 months = 15.7, the control day (valid); c: no control in 2024. b's EDSS is one
    // day too old, and its
    // 2024 control has no EDSS date: filled(e.edss_date) makes that row false rather than unknown,
    // so b is not met.
    assertThat(List.of(valid.numerator(), valid.denominator())).containsExactly(1L, 2L);
    assertThat(valid.leftOut()).isEmpty();
  }

  @Test
  void msEarlyHighEfficacy_firstTreatmentHighEfficacy_countsStartsUntil15May() {
    Registry ms = Fixtures.registry("ms");
    List<Record> records =
        List.of(
            inclusion("a", "RRMS", "2024-02-01"),
            followup(
                "a",
                "2024-06-01",
                "treatment_status",
                "ongoing",
                "treatments",
                rows(map("drug", "L01FA01", "start_date", "2024-02-10"))),
            inclusion("b", "RRMS", "2024-02-01"),
            followup(
                "b",
                "2024-06-01",
                "treatment_status",
                "ongoing",
                "treatments",
                rows(
                    map("drug", "L03AB07", "start_date", "2024-02-10"),
                    map("drug", "L01FA01", "start_date", "2024-05-01"))),
            inclusion("c", "RRMS", "2024-02-01"),
            followup(
                "c",
                "2025-06-01",
                "treatment_status",
                "ongoing",
                "treatments",
                rows(map("drug", "L01FA01", "start_date", "2025-05-16"))),
            inclusion("d", "RRMS", "2024-02-01"),
            followup(
                "d",
                "2025-06-01",
                "treatment_status",
                "ongoing",
                "treatments",
                rows(map("drug", "L01FA01", "start_date", "2025-05-15"))));

    IndicatorResult early = national(ms, records, "ms_early_high_efficacy", 2024);

    // a: rituximab first; b: interferon first; c started after 15.5 the year after (not in); d on
    // 15.5 (in).
    assertThat(List.of(early.numerator(), early.denominator())).containsExactly(2L, 3L);
  }

  @Test
  void msMriBrainOnly_oneFollowupWithMriIsACase_atItsUnit() {
    Registry ms = Fixtures.registry("ms");
    List<Record> records =
        List.of(
            record(
                "ms",
                "followup",
                "f1",
                "a",
                "4201115",
                "control_date",
                "2024-03-01",
                "mri_done",
                true,
                "mri_date",
                "2024-03-01",
                "mri_region",
                "brain_only"),
            record(
                "ms",
                "followup",
                "f2",
                "a",
                "4201115",
                "control_date",
                "2024-09-01",
                "mri_done",
                true,
                "mri_date",
                "2024-09-01",
                "mri_region",
                "brain_and_spinal"),
            record(
                "ms",
                "followup",
                "f3",
                "b",
                "4201115",
                "control_date",
                "2024-09-01",
                "mri_done",
                false));

    IndicatorResults results =
        IndicatorCalculator.of(ms)
            .calculate(
                records.iterator(),
                RunOptions.years(2024).withIndicators(Set.of("ms_mri_brain_only")));

    IndicatorResult unit =
        results.find("ms_mri_brain_only", 2024, GroupLevel.UNIT, "4201115").orElseThrow();
    assertThat(List.of(unit.numerator(), unit.denominator())).containsExactly(1L, 2L);
    assertThat(unit.parent()).isEqualTo("bergen");
  }

  @Test
  void kvarusCrisisPlanAndBenefit_firstMeasurement_counts() {
    Registry kvarus = Fixtures.registry("kvarus");
    List<Record> records =
        List.of(
            record(
                "kvarus",
                "measurement_clinician",
                "m1",
                "a",
                "108345",
                "measurement_date",
                "2024-02-02",
                "measurement_seq",
                1,
                "treatment_status",
                "active",
                "crisis_plan",
                true),
            record(
                "kvarus",
                "measurement_clinician",
                "m2",
                "b",
                "108345",
                "measurement_date",
                "2024-02-02",
                "measurement_seq",
                1,
                "treatment_status",
                "active"),
            record(
                "kvarus",
                "measurement_patient",
                "p1",
                "a",
                "108345",
                "answer_date",
                "2024-02-03",
                "measurement_seq",
                1,
                "eval_benefit",
                "4"),
            record(
                "kvarus",
                "measurement_patient",
                "p2",
                "b",
                "108345",
                "answer_date",
                "2024-02-03",
                "measurement_seq",
                1,
                "eval_benefit",
                "3"),
            record(
                "kvarus",
                "measurement_patient",
                "p3",
                "c",
                "108345",
                "answer_date",
                "2024-02-03",
                "measurement_seq",
                1));

    IndicatorResult crisis = national(kvarus, records, "kvarus_crisis_plan", 2024);
    IndicatorResult benefit =
        national(kvarus, records, "kvarus_perceived_benefit_measurement", 2024);

    assertThat(List.of(crisis.numerator(), crisis.denominator())).containsExactly(1L, 2L);
    assertThat(List.of(benefit.numerator(), benefit.denominator())).containsExactly(1L, 2L);
  }

  private static Record ectCourse(String id, String indication, Object... more) {
    List<Object> values =
        new ArrayList<>(
            List.of(
                "birth_year",
                1970,
                "course_start",
                "2024-01-10",
                "course_end",
                "2024-03-01",
                "indication",
                indication,
                "course_type",
                "acute"));
    values.addAll(List.of(more));
    return record("ect", "course", id, "p-" + id, "700541", values.toArray());
  }

  @Test
  void ectIndicationMadrsMemoryAndMaintenance_knownAnswers() {
    Registry ect = Fixtures.registry("ect");
    List<Object> madrs =
        new ArrayList<>(List.of("madrs_before_done", true, "madrs_after_done", true));
    for (int i = 1; i <= 10; i++)
      madrs.addAll(List.of("madrs_before_" + i, 3, "madrs_after_" + i, 1));
    List<Record> records =
        List.of(
            ectCourse("a", "F32.2", madrs.toArray()),
            ectCourse(
                "b",
                "F32.1",
                "madrs_before_done",
                false,
                "memory_before_assessed",
                true,
                "memory_after_assessed",
                true),
            ectCourse("c", "F20.0", "memory_before_assessed", true, "memory_after_assessed", false),
            record(
                "ect",
                "unit_yearly",
                "u1",
                "",
                "700541",
                "survey_year",
                2024,
                "completed_date",
                "2025-01-20",
                "maintenance_offered",
                true),
            record(
                "ect",
                "unit_yearly",
                "u2",
                "",
                "4201234",
                "survey_year",
                2024,
                "completed_date",
                "2025-01-20",
                "maintenance_offered",
                false));

    IndicatorResult indication = national(ect, records, "ect_qi1_established_indication", 2024);
    IndicatorResult madrsBoth = national(ect, records, "ect_qi2_madrs_before_after", 2024);
    IndicatorResult memory = national(ect, records, "ect_qi4_memory_before_after", 2024);
    IndicatorResult maintenance = national(ect, records, "ect_qi5_maintenance_offered", 2024);

    // F32.2 and F32.1 are established indications, F20.0 is not; a and b have a depression
    // indication.
    assertThat(List.of(indication.numerator(), indication.denominator())).containsExactly(2L, 3L);
    assertThat(List.of(madrsBoth.numerator(), madrsBoth.denominator())).containsExactly(1L, 2L);
    assertThat(List.of(memory.numerator(), memory.denominator())).containsExactly(1L, 2L);
    assertThat(List.of(maintenance.numerator(), maintenance.denominator())).containsExactly(1L, 2L);
  }
}
