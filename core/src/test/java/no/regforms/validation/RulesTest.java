package no.regforms.validation;

import static no.regforms.diagnostic.IssueCode.HIDDEN_VALUE;
import static no.regforms.diagnostic.IssueCode.INVALID_FORMAT;
import static no.regforms.diagnostic.IssueCode.RULE_FAILED;
import static no.regforms.testing.TestRegistry.missing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.Severity;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

/** Cross-field rules: fail only when {@code check} is false while {@code when} holds. */
class RulesTest {

  private static ValidationResult validate(RecordBuilder record) {
    return TestRegistry.validator().validate(record.build());
  }

  @Test
  void validate_errorRuleCheckFalse_reportsRuleFailedOnItsVariables() {
    ValidationResult result = validate(TestRegistry.validVisit().set("end_date", "2024-04-30"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactly(tuple(RULE_FAILED, "end_date", Severity.ERROR));
    Issue issue = result.diagnostics().issues().get(0);
    assertThat(issue.message().exactly("nb")).contains("Sluttdato må være etter startdato");
    assertThat(issue.message().exactly("en")).contains("The end date must be after the start date");
    assertThat(issue.hint()).contains("rule end_after_start");
  }

  @Test
  void validate_errorRuleCheckTrue_passes() {
    assertThat(
            validate(TestRegistry.validVisit().set("end_date", "2024-05-01"))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_ruleCheckUnknown_passes() {
    assertThat(
            validate(TestRegistry.validVisit().remove("end_date").remove("remission"))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_ruleReadingInvalidValue_passes() {
    ValidationResult result = validate(TestRegistry.validVisit().set("end_date", "2024-04-31"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path)
        .containsExactlyInAnyOrder(
            tuple(INVALID_FORMAT, "end_date"), tuple(HIDDEN_VALUE, "remission"));
  }

  @Test
  void validate_warningRuleWhenTrueAndCheckFalse_warnsOnEachVariable() {
    ValidationResult result =
        validate(TestRegistry.validVisit().set("pregnant", true).set("age", 60));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactlyInAnyOrder(
            tuple(RULE_FAILED, "age", Severity.WARNING),
            tuple(RULE_FAILED, "pregnant", Severity.WARNING));
    assertThat(result.isValid()).isTrue();
  }

  @Test
  void validate_warningRuleWhenFalse_isSkipped() {
    assertThat(
            validate(TestRegistry.validVisit().set("pregnant", false).set("age", 60))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_warningRuleWhenUnknown_isSkipped() {
    ValidationResult result =
        validate(TestRegistry.validVisit().set("sex", "1").remove("pregnant").set("age", 60));

    assertThat(result.diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_warningRuleWhenTrueAndCheckTrue_passes() {
    assertThat(
            validate(TestRegistry.validVisit().set("pregnant", true).set("age", 30))
                .diagnostics()
                .issues())
        .isEmpty();
  }

  @Test
  void validate_ruleWithoutVariables_attachesToVariablesItReads() {
    ValidationResult result = validate(TestRegistry.validVisit().set("onset", "2024-06"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactlyInAnyOrder(
            tuple(RULE_FAILED, "onset", Severity.ERROR),
            tuple(RULE_FAILED, "visit_date", Severity.ERROR));
  }

  @Test
  void validate_ruleReadingMissingReason_passes() {
    assertThat(
            validate(TestRegistry.validVisit().set("onset", missing("unknown")))
                .diagnostics()
                .issues())
        .isEmpty();
  }
}
