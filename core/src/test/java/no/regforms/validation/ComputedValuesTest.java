package no.regforms.validation;

import static no.regforms.diagnostic.IssueCode.COMPUTED_VALUE_IGNORED;
import static no.regforms.diagnostic.IssueCode.HIDDEN_VALUE;
import static no.regforms.diagnostic.IssueCode.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.Severity;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

/** Computed values: derived in dependency order, returned by path, never taken from the input. */
class ComputedValuesTest {

  private static ValidationResult validate(RecordBuilder record) {
    return TestRegistry.validator().validate(record.build());
  }

  private static BigDecimal number(Object value) {
    return (BigDecimal) value;
  }

  @Test
  void validate_scoreOfTenItems_isDerived() {
    ValidationResult result = validate(TestRegistry.validProm().set("q01", 0).set("q10", 3));

    assertThat(number(result.computed().get("total"))).isEqualByComparingTo("19");
  }

  @Test
  void validate_computedFromComputed_isDerivedInOrder() {
    ValidationResult result = validate(TestRegistry.validProm());

    assertThat(number(result.computed().get("total"))).isEqualByComparingTo("20");
    assertThat(number(result.computed().get("total_percent"))).isEqualByComparingTo("67");
    assertThat(result.computed()).containsEntry("severe", true);
  }

  @Test
  void validate_computedBoolean_drivesVisibility() {
    ValidationResult result = validate(TestRegistry.validProm().set("q01", 0).remove("overall"));

    assertThat(result.computed()).containsEntry("severe", false);
    assertThat(result.diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_computedBooleanTrue_makesRequiredVisible() {
    ValidationResult result = validate(TestRegistry.validProm().remove("overall"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path)
        .containsExactly(tuple(REQUIRED, "overall"));
  }

  @Test
  void validate_scoreItemMissing_leavesScoreAndDependentsUncomputed() {
    ValidationResult result = validate(TestRegistry.validProm().remove("q05"));

    assertThat(result.computed()).doesNotContainKeys("total", "total_percent", "severe");
    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path)
        .containsExactlyInAnyOrder(tuple(REQUIRED, "q05"), tuple(HIDDEN_VALUE, "overall"));
  }

  @Test
  void validate_scoreItemOutOfRange_isNotSummed() {
    ValidationResult result = validate(TestRegistry.validProm().set("q05", 9));

    assertThat(result.computed()).doesNotContainKey("total");
  }

  @Test
  void validate_computedDecimal_isRounded() {
    ValidationResult result = validate(TestRegistry.validVisit());

    assertThat(number(result.computed().get("bmi"))).isEqualByComparingTo("24.4");
    assertThat(result.computed()).containsEntry("obese", false);
  }

  @Test
  void validate_computedInRows_areReturnedByRowPath() {
    ValidationResult result = validate(TestRegistry.validVisit());

    assertThat(number(result.computed().get("sessions[1].day"))).isEqualByComparingTo("3");
    assertThat(number(result.computed().get("sessions[2].day"))).isEqualByComparingTo("6");
  }

  @Test
  void validate_computedInRow_readsOuterVariable() {
    ValidationResult result = validate(TestRegistry.validVisit().set("start_date", "2024-04-01"));

    assertThat(number(result.computed().get("sessions[2].day"))).isEqualByComparingTo("36");
  }

  @Test
  void validate_computedValues_appearInResultValues() {
    ValidationResult result = validate(TestRegistry.validVisit());

    assertThat(number(result.values().get("bmi"))).isEqualByComparingTo("24.4");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sessions =
        (List<Map<String, Object>>) result.values().get("sessions");
    assertThat(number(sessions.get(1).get("day"))).isEqualByComparingTo("6");
  }

  @Test
  void validate_inputForComputedVariable_isIgnoredWithWarning() {
    ValidationResult result = validate(TestRegistry.validVisit().set("bmi", 99));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactly(tuple(COMPUTED_VALUE_IGNORED, "bmi", Severity.WARNING));
    assertThat(number(result.computed().get("bmi"))).isEqualByComparingTo("24.4");
    assertThat(result.isValid()).isTrue();
  }

  @Test
  void validate_inputForComputedVariableInRow_isIgnoredWithWarning() {
    ValidationResult result =
        validate(TestRegistry.validVisit().setInRow("sessions", 2, "day", 100));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactly(tuple(COMPUTED_VALUE_IGNORED, "sessions[2].day", Severity.WARNING));
    assertThat(number(result.computed().get("sessions[2].day"))).isEqualByComparingTo("6");
  }

  @Test
  void validate_inputForUncomputableVariable_isIgnoredNotUsed() {
    ValidationResult result = validate(TestRegistry.validVisit().remove("height").set("bmi", 35));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .containsExactly(COMPUTED_VALUE_IGNORED);
    assertThat(result.computed()).doesNotContainKeys("bmi", "obese");
  }

  @Test
  void validate_computedValuesInHiddenSection_areNotDerived() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit()
                .set("treated", false)
                .remove("start_date")
                .remove("end_date")
                .remove("remission")
                .remove("sessions"));

    assertThat(result.computed()).containsOnlyKeys("bmi", "obese");
  }
}
