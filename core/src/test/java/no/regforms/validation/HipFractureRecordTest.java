package no.regforms.validation;

import static no.regforms.diagnostic.IssueCode.CODE_NOT_VALID;
import static no.regforms.diagnostic.IssueCode.IMPLAUSIBLE;
import static no.regforms.diagnostic.IssueCode.OUT_OF_RANGE;
import static no.regforms.diagnostic.IssueCode.RULE_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.Severity;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

/**
 * What a registry developer hit writing a hip-fracture registry: a form dated by a date-time, hours
 * from admission to surgery, a range on a computed age, and a rule warning to confirm.
 */
class HipFractureRecordTest {

  private static final Registry REGISTRY =
      DefinitionLoader.create()
          .load(Path.of("src/test/resources/registries/hipfracture"))
          .registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY, TestRegistry.CLOCK);

  private static RecordBuilder admission() {
    return RecordBuilder.of("hipfracture", "admission")
        .set("admitted_at", "2024-03-01T22:00")
        .set("birth_date", "1940-05-01")
        .set("fracture_type", "neck")
        .set("operated", true)
        .set("surgery_at", "2024-03-03T21:00");
  }

  private static ValidationResult validate(RecordBuilder record) {
    return VALIDATOR.validate(record.build());
  }

  @Test
  void validate_surgery47HoursAfterAdmission_computesHoursAndWithin48h() {
    ValidationResult result = validate(admission());

    assertThat(result.diagnostics().issues()).isEmpty();
    assertThat((BigDecimal) result.computed().get("hours_to_surgery")).isEqualByComparingTo("47");
    assertThat(result.computed())
        .containsEntry("within_48h", true)
        .containsEntry("age", new BigDecimal("83"));
  }

  @Test
  void validate_codeExpiredBeforeTheDateTimeThatDatesTheRecord_reportsCodeNotValid() {
    ValidationResult result = validate(admission().set("fracture_type", "old_other"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path)
        .containsExactly(tuple(CODE_NOT_VALID, "fracture_type"));
  }

  @Test
  void validate_computedAgeBelowItsRange_reportsOutOfRangeOnTheComputedVariable() {
    ValidationResult result = validate(admission().set("birth_date", "1991-01-01"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, Issue::severity, IssuePaths::path)
        .containsExactly(tuple(OUT_OF_RANGE, Severity.ERROR, "age"));
  }

  @Test
  void validate_computedAgeOutsidePlausibleRange_warns() {
    ValidationResult result = validate(admission().set("birth_date", "1969-01-01"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, Issue::severity, IssuePaths::path)
        .containsExactly(tuple(IMPLAUSIBLE, Severity.WARNING, "age"));
  }

  @Test
  void validate_longWait_warnsByTheConfirmableRule() {
    ValidationResult result =
        validate(admission().set("surgery_at", "2024-03-06T08:00").set("delay_reason", "capacity"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, Issue::severity, IssuePaths::path)
        .containsExactly(tuple(RULE_FAILED, Severity.WARNING, "surgery_at"));
    assertThat(REGISTRY.formOrThrow("admission").rules())
        .filteredOn(rule -> rule.id().equals("long_wait"))
        .singleElement()
        .satisfies(rule -> assertThat(rule.confirm()).isTrue());
  }

  @Test
  void explain_operatedNotAnswered_tracesEachHiddenItemToTheUnknownValue() {
    List<Decision> decisions =
        VALIDATOR.explain(admission().remove("operated").remove("surgery_at").build());

    Decision surgery = decision(decisions, Decision.Kind.HIDDEN, "surgery_at");
    assertThat(surgery.key()).isEqualTo("visibleIf");
    assertThat(surgery.explanation().text()).isEqualTo("operated = true");
    assertThat(surgery.explanation().value()).isNull();
    assertThat(surgery.unknown()).containsExactly(entry("operated", "not filled in"));
    assertThat(decision(decisions, Decision.Kind.HIDDEN, "delay_reason").unknown())
        .containsExactly(entry("within_48h", "hidden"));
    assertThat(decision(decisions, Decision.Kind.COMPUTED, "age").explanation().value())
        .isEqualTo(new BigDecimal("83"));
  }

  @Test
  void explain_failedRule_showsTheValuesItRead() {
    List<Decision> decisions =
        VALIDATOR.explain(admission().set("surgery_at", "2024-03-01T20:00").build());

    Decision rule = decision(decisions, Decision.Kind.RULE_FAILED, "surgery_after_admission");
    assertThat(rule.explanation().value()).isEqualTo(false);
    assertThat(rule.explanation().parts())
        .singleElement()
        .satisfies(
            part -> {
              assertThat(part.text()).isEqualTo("hours_to_surgery");
              assertThat((BigDecimal) part.value()).isEqualByComparingTo("-2");
            });
  }

  private static Decision decision(List<Decision> decisions, Decision.Kind kind, String path) {
    return decisions.stream()
        .filter(d -> d.kind() == kind && d.path().equals(path))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " decision at " + path + " in " + decisions));
  }

  @Test
  void issueText_ruleMessageEndingInAFullStop_joinsTheRuleIdWithoutDoublePunctuation() {
    ValidationResult result = validate(admission().set("surgery_at", "2024-03-01T20:00"));

    assertThat(result.diagnostics().errors())
        .extracting(issue -> issue.text("nb"))
        .containsExactly("Operasjonen må være etter innleggelsen; rule surgery_after_admission");
  }
}
