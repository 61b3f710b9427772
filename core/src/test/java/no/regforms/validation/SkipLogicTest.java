package no.regforms.validation;

import static no.regforms.diagnostic.IssueCode.HIDDEN_VALUE;
import static no.regforms.diagnostic.IssueCode.INVALID_FORMAT;
import static no.regforms.diagnostic.IssueCode.INVALID_TYPE;
import static no.regforms.diagnostic.IssueCode.REQUIRED;
import static no.regforms.diagnostic.IssueCode.TOO_FEW_ROWS;
import static no.regforms.diagnostic.IssueCode.TOO_MANY_ROWS;
import static no.regforms.testing.TestRegistry.missing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.Severity;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Required and required-if, visibility of variables, sections and repeat groups, and row counts.
 */
class SkipLogicTest {

  private static ValidationResult validate(RecordBuilder record) {
    return TestRegistry.validator().validate(record.build());
  }

  private static List<Tuple> issues(ValidationResult result) {
    return result.diagnostics().issues().stream()
        .map(i -> tuple(i.code(), IssuePaths.path(i), i.severity()))
        .toList();
  }

  // ---- required --------------------------------------------------------------------------------

  @Test
  void validate_requiredValueAbsent_reportsRequired() {
    assertThat(issues(validate(TestRegistry.validVisit().remove("sex"))))
        .containsExactly(tuple(REQUIRED, "sex", Severity.ERROR));
  }

  @Test
  void validate_requiredValueInvalid_reportsTheValueNotRequired() {
    assertThat(validate(TestRegistry.validVisit().set("sex", 7)).diagnostics().issues())
        .extracting(Issue::code)
        .containsExactly(INVALID_TYPE);
  }

  @Test
  void validate_requiredInRowAbsent_reportsRowPath() {
    assertThat(
            issues(validate(TestRegistry.validVisit().removeInRow("sessions", 2, "session_date"))))
        .containsExactly(tuple(REQUIRED, "sessions[2].session_date", Severity.ERROR));
  }

  @Test
  void validate_requiredIfConditionTrueAndValueAbsent_reportsRequired() {
    assertThat(issues(validate(TestRegistry.validVisit().remove("pregnant"))))
        .containsExactly(tuple(REQUIRED, "pregnant", Severity.ERROR));
  }

  @Test
  void validate_requiredIfConditionFalse_acceptsAbsentValue() {
    assertThat(
            validate(TestRegistry.validVisit().set("sex", "1").remove("pregnant"))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_requiredIfConditionUnknown_acceptsAbsentValue() {
    ValidationResult result = validate(TestRegistry.validVisit().remove("sex").remove("pregnant"));

    assertThat(issues(result)).containsExactly(tuple(REQUIRED, "sex", Severity.ERROR));
  }

  // ---- hidden values ---------------------------------------------------------------------------

  @Test
  void validate_valueOnHiddenVariable_reportsHiddenValue() {
    assertThat(issues(validate(TestRegistry.validVisit().set("smoker", false))))
        .containsExactly(tuple(HIDDEN_VALUE, "cigarettes_per_day", Severity.ERROR));
  }

  @Test
  void validate_hiddenRequiredVariableAbsent_isNotRequired() {
    assertThat(
            validate(TestRegistry.validVisit().set("smoker", false).remove("cigarettes_per_day"))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_visibleRequiredVariableAbsent_reportsRequired() {
    assertThat(issues(validate(TestRegistry.validVisit().remove("cigarettes_per_day"))))
        .containsExactly(tuple(REQUIRED, "cigarettes_per_day", Severity.ERROR));
  }

  @Test
  void validate_visibleIfUnknown_hidesVariable() {
    ValidationResult result = validate(TestRegistry.validVisit().remove("smoker"));

    assertThat(issues(result))
        .containsExactlyInAnyOrder(
            tuple(REQUIRED, "smoker", Severity.ERROR),
            tuple(HIDDEN_VALUE, "cigarettes_per_day", Severity.ERROR));
  }

  @Test
  void validate_visibleIfComparisonWithMissingReason_hidesVariable() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit().set("age", missing("unknown")).set("guardian_consent", true));

    assertThat(issues(result))
        .containsExactly(tuple(HIDDEN_VALUE, "guardian_consent", Severity.ERROR));
  }

  @Test
  void validate_visibleIfTrue_acceptsValue() {
    assertThat(
            validate(TestRegistry.validVisit().set("age", 16).set("guardian_consent", true))
                .diagnostics()
                .errors())
        .isEmpty();
  }

  @Test
  void validate_variableVisibleByInvalidValue_isHidden() {
    ValidationResult result = validate(TestRegistry.validVisit().set("smoker", "yes"));

    assertThat(issues(result))
        .containsExactlyInAnyOrder(
            tuple(INVALID_TYPE, "smoker", Severity.ERROR),
            tuple(HIDDEN_VALUE, "cigarettes_per_day", Severity.ERROR));
  }

  @Test
  void validate_valuesInHiddenSection_reportHiddenValueEach() {
    ValidationResult result = validate(TestRegistry.validVisit().set("treated", false));

    assertThat(issues(result))
        .containsExactlyInAnyOrder(
            tuple(HIDDEN_VALUE, "start_date", Severity.ERROR),
            tuple(HIDDEN_VALUE, "end_date", Severity.ERROR),
            tuple(HIDDEN_VALUE, "remission", Severity.ERROR),
            tuple(HIDDEN_VALUE, "sessions", Severity.ERROR));
  }

  @Test
  void validate_hiddenSectionEmpty_isValidAndSkipsRowMinimum() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit()
                .set("treated", false)
                .remove("start_date")
                .remove("end_date")
                .remove("remission")
                .remove("sessions"));

    assertThat(result.diagnostics().issues()).isEmpty();
    assertThat(result.computed()).doesNotContainKeys("sessions[1].day");
  }

  @Test
  void validate_nestedSectionHiddenByOwnCondition_reportsHiddenValue() {
    assertThat(issues(validate(TestRegistry.validVisit().remove("end_date"))))
        .containsExactly(tuple(HIDDEN_VALUE, "remission", Severity.ERROR));
  }

  @Test
  void validate_nestedSectionHiddenByOwnCondition_isNotRequired() {
    assertThat(
            validate(TestRegistry.validVisit().remove("end_date").remove("remission"))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_nestedSectionVisible_requiresItsVariables() {
    assertThat(issues(validate(TestRegistry.validVisit().remove("remission"))))
        .containsExactly(tuple(REQUIRED, "remission", Severity.ERROR));
  }

  @Test
  void validate_nestedSectionInsideHiddenSection_isHiddenEvenIfOwnConditionHolds() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit()
                .set("treated", false)
                .remove("start_date")
                .remove("sessions"));

    assertThat(issues(result))
        .containsExactlyInAnyOrder(
            tuple(HIDDEN_VALUE, "end_date", Severity.ERROR),
            tuple(HIDDEN_VALUE, "remission", Severity.ERROR));
  }

  @Test
  void validate_requiredIfInRowTrue_reportsRequiredAtRowPath() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit().addRow("medications", RecordBuilder.row("drug", "other")));

    assertThat(issues(result))
        .containsExactly(tuple(REQUIRED, "medications[2].other_reason", Severity.ERROR));
  }

  @Test
  void validate_requiredIfInRowSatisfied_accepts() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit()
                .addRow(
                    "medications",
                    RecordBuilder.row("drug", "other", "other_reason", "intolerance")));

    assertThat(result.diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_rowsOfHiddenRepeatGroup_reportHiddenValue() {
    assertThat(issues(validate(TestRegistry.validVisit().set("on_medication", false))))
        .containsExactly(tuple(HIDDEN_VALUE, "medications", Severity.ERROR));
  }

  @Test
  void validate_emptyListOnHiddenRepeatGroup_accepts() {
    assertThat(
            validate(
                    TestRegistry.validVisit()
                        .set("on_medication", false)
                        .set("medications", List.of()))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_rowVariableHiddenByOuterValue_reportsHiddenValueInRow() {
    ValidationResult result =
        validate(TestRegistry.validVisit().setInRow("sessions", 2, "elderly_dose", true));

    assertThat(issues(result))
        .containsExactly(tuple(HIDDEN_VALUE, "sessions[2].elderly_dose", Severity.ERROR));
  }

  @Test
  void validate_rowVariableShownByOuterValue_accepts() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit().set("age", 70).setInRow("sessions", 2, "elderly_dose", true));

    assertThat(result.diagnostics().issues()).isEmpty();
  }

  // ---- rows ------------------------------------------------------------------------------------

  @Test
  void validate_fewerRowsThanMin_reportsTooFewRows() {
    assertThat(issues(validate(TestRegistry.validVisit().set("sessions", List.of()))))
        .containsExactly(tuple(TOO_FEW_ROWS, "sessions", Severity.ERROR));
  }

  @Test
  void validate_visibleRepeatGroupAbsent_reportsTooFewRows() {
    assertThat(issues(validate(TestRegistry.validVisit().remove("medications"))))
        .containsExactly(tuple(TOO_FEW_ROWS, "medications", Severity.ERROR));
  }

  @Test
  void validate_moreRowsThanMax_reportsTooManyRows() {
    RecordBuilder record =
        TestRegistry.validVisit()
            .addRow("sessions", RecordBuilder.row("session_date", "2024-05-08"))
            .addRow("sessions", RecordBuilder.row("session_date", "2024-05-10"));

    assertThat(issues(validate(record)))
        .containsExactly(tuple(TOO_MANY_ROWS, "sessions", Severity.ERROR));
  }

  @Test
  void validate_rowsOnMax_accepts() {
    RecordBuilder record =
        TestRegistry.validVisit()
            .addRow("sessions", RecordBuilder.row("session_date", "2024-05-08"));

    assertThat(validate(record).diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_tooManyRows_stillChecksEveryRow() {
    RecordBuilder record =
        TestRegistry.validVisit()
            .addRow("sessions", RecordBuilder.row("session_date", "2024-05-08"))
            .addRow("sessions", RecordBuilder.row("session_date", "2024-05-32"));

    assertThat(issues(validate(record)))
        .containsExactlyInAnyOrder(
            tuple(TOO_MANY_ROWS, "sessions", Severity.ERROR),
            tuple(INVALID_FORMAT, "sessions[4].session_date", Severity.ERROR));
  }

  @Test
  void validate_repeatGroupNotAList_reportsInvalidType() {
    assertThat(
            issues(
                validate(
                    TestRegistry.validVisit()
                        .set("sessions", Map.of("session_date", "2024-05-03")))))
        .containsExactly(tuple(INVALID_TYPE, "sessions", Severity.ERROR));
  }

  @Test
  void validate_rowNotAnObject_reportsInvalidTypeAtRow() {
    assertThat(
            issues(validate(TestRegistry.validVisit().set("medications", List.of("sertraline")))))
        .containsExactly(tuple(INVALID_TYPE, "medications[1]", Severity.ERROR));
  }
}
