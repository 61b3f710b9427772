package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/** KVARUS and ECT indicators on hand-built records with known answers, boundaries included. */
class KvarusEctIndicatorTest {

  private static final Registry KVARUS = Fixtures.registry("kvarus");
  private static final Registry ECT = Fixtures.registry("ect");

  private static IndicatorResults run(
      Registry registry, List<Record> records, String indicator, Integer... years) {
    return IndicatorCalculator.of(registry)
        .calculate(records.iterator(), RunOptions.years(years).withIndicators(Set.of(indicator)));
  }

  private static Record measurement(String id, String date, int seq, String status, Boolean plan) {
    List<Object> values =
        new ArrayList<>(
            List.of("measurement_date", date, "measurement_seq", seq, "treatment_status", status));
    if (plan != null) values.addAll(List.of("treatment_plan", plan, "crisis_plan", plan));
    return record("kvarus", "measurement_clinician", id, "p-" + id, "4208712", values.toArray());
  }

  @Test
  void treatmentPlan_firstMeasurementWhileActive_countsAnd31DecemberVs1January() {
    List<Record> records =
        List.of(
            measurement("a", "2024-12-31", 1, "active", true),
            measurement("b", "2025-01-01", 1, "active", true),
            measurement("c", "2024-05-01", 2, "active", true),
            measurement("d", "2024-05-01", 1, "dropped_out", true),
            measurement("e", "2024-05-01", 1, "active", null),
            measurement("f", "2024-05-01", 1, "active", false));

    IndicatorResults results = run(KVARUS, records, "kvarus_treatment_plan", 2024, 2025);
    IndicatorResult unit2024 =
        results.find("kvarus_treatment_plan", 2024, GroupLevel.UNIT, "4208712").orElseThrow();
    IndicatorResult bergen2025 =
        results.find("kvarus_treatment_plan", 2025, GroupLevel.HF, "bergen").orElseThrow();

    // a (31.12) counts for 2024, b (1.1) for 2025; c is a later measurement, d not active; e's
    // missing plan counts as no plan.
    assertThat(unit2024.denominator()).isEqualTo(3);
    assertThat(unit2024.numerator()).isEqualTo(1);
    assertThat(unit2024.orgnr()).hasValue("983974724");
    assertThat(bergen2025.numerator()).isEqualTo(1);
    assertThat(bergen2025.denominator()).isEqualTo(1);
  }

  @Test
  void completedTreatment_transferredAndDied_areExcludedAndCounted() {
    List<Record> records = new ArrayList<>();
    String[] statuses = {
      "completed_mutual",
      "completed_mutual",
      "dropped_out",
      "discharged_by_unit",
      "transferred",
      "died"
    };
    for (int i = 0; i < statuses.length; i++) {
      records.add(
          record(
              "kvarus",
              "discharge_clinician",
              "d" + i,
              "p" + i,
              "974631",
              "discharge_date",
              "2024-06-01",
              "discharge_status",
              statuses[i]));
    }
    records.add(
        record(
            "kvarus",
            "discharge_clinician",
            "d-missing",
            "p-missing",
            "974631",
            "discharge_date",
            "2024-06-01"));

    IndicatorResult stOlav =
        run(KVARUS, records, "kvarus_completed_treatment", 2024)
            .find("kvarus_completed_treatment", 2024, GroupLevel.HF, "st_olav")
            .orElseThrow();

    assertThat(stOlav.numerator()).isEqualTo(2);
    assertThat(stOlav.denominator()).isEqualTo(4);
    assertThat(stOlav.excluded())
        .containsExactlyInAnyOrderEntriesOf(Map.of("transferred", 1L, "died", 1L));
    assertThat(stOlav.value()).hasValue(0.5);
    // Four cases are below the minimum of five: the result is hidden and carries no level.
    assertThat(stOlav.suppression()).isEqualTo(Suppression.PRIMARY);
    assertThat(stOlav.attainment()).isEmpty();
  }

  private static Record course(
      String id, int birthYear, String end, int before, int after, String type) {
    List<Object> values =
        new ArrayList<>(
            List.of(
                "birth_year",
                birthYear,
                "course_start",
                "2024-03-01",
                "course_end",
                end,
                "indication",
                "F32.2",
                "course_type",
                type,
                "madrs_before_done",
                true,
                "madrs_after_done",
                true));
    for (int i = 1; i <= 10; i++) {
      values.addAll(
          List.of("madrs_before_" + i, i <= before / 6 ? 6 : i == before / 6 + 1 ? before % 6 : 0));
      values.addAll(
          List.of("madrs_after_" + i, i <= after / 6 ? 6 : i == after / 6 + 1 ? after % 6 : 0));
    }
    return record("ect", "course", id, "p-" + id, "4201234", values.toArray());
  }

  @Test
  void symptomFree_madrsAfterExactly10_countsAnd11DoesNot_under16Excluded() {
    List<Record> records =
        List.of(
            course("a", 1980, "2024-05-01", 30, 10, "acute"),
            course("b", 1980, "2024-05-01", 30, 11, "acute"),
            course("c", 1980, "2024-05-01", 10, 4, "acute"),
            course("d", 2008, "2024-05-01", 30, 4, "acute"),
            course("e", 2009, "2024-05-01", 30, 4, "acute"),
            course("f", 1980, "2024-05-01", 30, 4, "maintenance"),
            course("g", 1980, "2025-01-01", 30, 4, "acute"));

    IndicatorResult bergen =
        run(ECT, records, "ect_qi3_symptom_free", 2024)
            .find("ect_qi3_symptom_free", 2024, GroupLevel.HF, "bergen")
            .orElseThrow();

    // a: after 10 (symptom free); b: 11; c: before 10 not > 10; d: 16 at start (in); e: 15
    // (excluded); f: maintenance; g: 2025.
    assertThat(bergen.numerator()).isEqualTo(2);
    assertThat(bergen.denominator()).isEqualTo(3);
    assertThat(bergen.excluded())
        .containsExactlyInAnyOrderEntriesOf(Map.of("under_16", 1L, "maintenance_course", 1L));
    assertThat(bergen.attainment()).isEmpty();
  }
}
