package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/**
 * The KVARUS indicators changed to follow the sources, on hand-built records with hand-counted
 * answers.
 */
class KvarusSourcesIndicatorTest {

  private static final Registry KVARUS = Fixtures.registry("kvarus");

  /** Haukeland's RESH id in the registry's organisation table: health trust Bergen. */
  private static final String UNIT = "4208712";

  private static Record record(String form, String id, Object... keysAndValues) {
    return Fixtures.record("kvarus", form, id, "p-" + id, UNIT, keysAndValues);
  }

  private static IndicatorResult bergen(List<Record> records, String indicator, int year) {
    IndicatorResults results =
        IndicatorCalculator.of(KVARUS)
            .calculate(
                records.iterator(),
                RunOptions.years(year, year + 1).withIndicators(Set.of(indicator)));
    return results.find(indicator, year, GroupLevel.HF, "bergen").orElseThrow();
  }

  private static Record discharge(String id, String date, Object benefit) {
    return record("discharge_patient", id, "answer_date", date, "eval_benefit_pathway", benefit);
  }

  private static Record measurement(String id, String date, int seq, Object benefit) {
    return record(
        "measurement_patient",
        id,
        "answer_date",
        date,
        "measurement_seq",
        seq,
        "eval_benefit",
        benefit);
  }

  @Test
  void perceivedBenefit_wholePathwayAnsweredAtDischarge_countsLargeAndVeryLargeOnly() {
    List<Record> records =
        List.of(
            discharge("a", "2024-01-01", "5"),
            discharge("b", "2024-06-01", "4"),
            discharge("c", "2024-06-01", "4"),
            discharge("d", "2024-06-01", "4"),
            discharge("e", "2024-12-31", "3"),
            discharge("f", "2024-06-01", Map.of("missing", "declined")),
            discharge("g", "2025-01-01", "5"),
            // An answer at a measurement point is not about the whole pathway: the primary
            // indicator ignores it.
            measurement("h", "2024-06-01", 1, "1"));

    IndicatorResult result = bergen(records, "kvarus_perceived_benefit", 2024);

    // a-e answered in 2024 (1.1 and 31.12 inclusive); 4 of them «i stor grad» or more; f declined;
    // g is 2025.
    assertThat(result.numerator()).isEqualTo(4);
    assertThat(result.denominator()).isEqualTo(5);
    // 4/5 = 80 % is exactly the registry's «high» level.
    assertThat(result.attainment()).hasValue(Attainment.HIGH);
  }

  @Test
  void perceivedBenefitMeasurement_firstMeasurementPointOnly() {
    List<Record> records =
        List.of(
            measurement("a", "2024-03-01", 1, "5"),
            measurement("b", "2024-03-01", 1, "4"),
            measurement("c", "2024-03-01", 1, "3"),
            measurement("d", "2024-03-01", 2, "5"),
            measurement("e", "2024-03-01", 1, Map.of("missing", "declined")),
            discharge("f", "2024-03-01", "5"));

    IndicatorResult result = bergen(records, "kvarus_perceived_benefit_measurement", 2024);

    // d is a later measurement point, e did not answer, f answered at discharge.
    assertThat(result.numerator()).isEqualTo(2);
    assertThat(result.denominator()).isEqualTo(3);
  }

  private static Record clinician(String id, int seq, String status, Object diagnosisPlan) {
    return record(
        "measurement_clinician",
        id,
        "measurement_date",
        "2024-05-01",
        "measurement_seq",
        seq,
        "treatment_status",
        status,
        "diagnosis_plan",
        diagnosisPlan);
  }

  @Test
  void diagnosisPlan_firstMeasurementWhileActive_unknownCountsAsNoPlan() {
    List<Record> records =
        List.of(
            clinician("a", 1, "active", true),
            clinician("b", 1, "active", true),
            clinician("c", 1, "active", false),
            clinician("d", 1, "active", Map.of("missing", "unknown")),
            clinician("e", 2, "active", true),
            clinician("f", 1, "dropped_out", true));

    IndicatorResult result = bergen(records, "kvarus_diagnosis_plan", 2024);

    // e is not the first measurement point, f is not in active treatment; d's «unknown» is no plan.
    assertThat(result.numerator()).isEqualTo(2);
    assertThat(result.denominator()).isEqualTo(4);
    assertThat(result.leftOut()).isEmpty();
    // The sources give no levels for this plan, so none is graded.
    assertThat(result.attainment()).isEmpty();
  }
}
