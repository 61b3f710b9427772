package no.regforms.validation;

import static no.regforms.diagnostic.IssueCode.UNDEFINED_VARIABLE;
import static no.regforms.diagnostic.IssueCode.UNKNOWN_VERSION;
import static no.regforms.diagnostic.IssueCode.WRONG_FORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

  private final RecordValidator validator = TestRegistry.validator();

  @Test
  void validate_completeVisit_hasNoIssues() {
    ValidationResult result = validator.validate(TestRegistry.validVisit().build());

    assertThat(result.diagnostics().issues()).isEmpty();
    assertThat(result.isValid()).isTrue();
  }

  @Test
  void validate_completeProm_hasNoIssues() {
    ValidationResult result = validator.validate(TestRegistry.validProm().build());

    assertThat(result.diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_unknownForm_reportsWrongFormWithHint() {
    Record record = TestRegistry.validVisit().form("vist").build();

    ValidationResult result = validator.validate(record);

    assertThat(result.diagnostics().issues()).extracting(Issue::code).containsExactly(WRONG_FORM);
    Issue issue = result.diagnostics().issues().get(0);
    assertThat(IssuePaths.path(issue)).isEmpty();
    assertThat(issue.hint()).contains("did you mean 'visit'?");
    assertThat(result.computed()).isEmpty();
  }

  @Test
  void validate_formFarFromAnyKnown_hintListsForms() {
    ValidationResult result =
        validator.validate(TestRegistry.validVisit().form("baseline").build());

    assertThat(result.diagnostics().issues()).extracting(Issue::code).containsExactly(WRONG_FORM);
    assertThat(result.diagnostics().issues().get(0).hint())
        .hasValueSatisfying(h -> assertThat(h).contains("visit", "prom"));
  }

  @Test
  void validate_recordOfOtherRegistry_reportsWrongForm() {
    Record record = RecordBuilder.of("ms", "visit").set("age", 40).build();

    ValidationResult result = validator.validate(record);

    assertThat(result.diagnostics().errors()).extracting(Issue::code).containsExactly(WRONG_FORM);
  }

  @Test
  void validate_recordOfOtherRegistry_saysWhichRegistryItBelongsTo() {
    Record record = RecordBuilder.of("ect", "visit").set("age", 40).build();

    Issue issue = validator.validate(record).diagnostics().errors().get(0);

    assertThat(issue.text("en"))
        .contains("registry 'ect'")
        .contains("not '" + TestRegistry.registry().id() + "'")
        .doesNotContain("not a known form");
    assertThat(issue.text("nb")).contains("'ect'");
  }

  @Test
  void validate_versionTheRegistryNeverHad_isAnErrorListingKnownVersions() {
    Record valid = TestRegistry.validVisit().build();
    Record stamped = new Record(valid.registry(), "visit", "1999.9", "", "", "", valid.values(), 3);

    ValidationResult result = validator.validate(stamped);

    assertThat(result.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(UNKNOWN_VERSION);
    Issue issue = result.diagnostics().errors().get(0);
    assertThat(issue.location()).isEqualTo(new RecordPath("", 3));
    assertThat(issue.text("en")).contains("1999.9").contains(TestRegistry.registry().version());
  }

  @Test
  void validate_currentVersion_isAccepted() {
    Record valid = TestRegistry.validVisit().build();
    Record stamped =
        new Record(
            valid.registry(),
            "visit",
            TestRegistry.registry().version(),
            "",
            "",
            "",
            valid.values(),
            3);

    assertThat(validator.validate(stamped).diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_recordWithoutRegistry_isTakenAsThisRegistry() {
    Record valid = TestRegistry.validVisit().build();
    Record anonymous = new Record("", "visit", "", "", "", "", valid.values(), 0);

    assertThat(validator.validate(anonymous).diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_asOtherFormThanRecordNames_reportsWrongForm() {
    ValidationResult result = validator.validate(TestRegistry.validVisit().build(), "prom");

    assertThat(result.diagnostics().errors()).extracting(Issue::code).containsExactly(WRONG_FORM);
  }

  @Test
  void validate_asTheFormTheRecordNames_validates() {
    ValidationResult result = validator.validate(TestRegistry.validVisit().build(), "visit");

    assertThat(result.diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_misspeltVariable_reportsUndefinedVariableWithDidYouMean() {
    Record record = TestRegistry.validVisit().remove("height").set("hieght", 170).build();

    ValidationResult result = validator.validate(record);

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactly(tuple(UNDEFINED_VARIABLE, "hieght", Severity.ERROR));
    assertThat(result.diagnostics().issues().get(0).hint()).contains("did you mean 'height'?");
  }

  @Test
  void validate_unrelatedUndefinedVariable_reportsWithoutHint() {
    ValidationResult result =
        validator.validate(TestRegistry.validVisit().set("zzzzzzzzzzzz", 1).build());

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .containsExactly(UNDEFINED_VARIABLE);
    assertThat(result.diagnostics().issues().get(0).hint()).isEmpty();
  }

  @Test
  void validate_undefinedVariableInRow_reportsRowPath() {
    Record record = TestRegistry.validVisit().setInRow("sessions", 2, "chrage", 10).build();

    ValidationResult result = validator.validate(record);

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path)
        .containsExactly(tuple(UNDEFINED_VARIABLE, "sessions[2].chrage"));
    assertThat(result.diagnostics().issues().get(0).hint()).contains("did you mean 'charge'?");
  }

  @Test
  void validate_sectionOrNoteIdAsKey_reportsUndefinedVariable() {
    ValidationResult result =
        validator.validate(TestRegistry.validVisit().set("basics", "x").set("intro", "y").build());

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path)
        .containsExactlyInAnyOrder(
            tuple(UNDEFINED_VARIABLE, "basics"), tuple(UNDEFINED_VARIABLE, "intro"));
  }

  @Test
  void validate_recordReadFromLine_locatesIssuesOnThatLine() {
    Record record = TestRegistry.validVisit().set("age", 500).line(42).build();

    ValidationResult result = validator.validate(record);

    assertThat(result.diagnostics().issues())
        .extracting(i -> ((RecordPath) i.location()).line())
        .containsOnly(42L);
  }

  @Test
  void validate_anyRecord_leavesInputUnchanged() {
    Record record =
        TestRegistry.validVisit()
            .set("age", 130)
            .set("hieght", 1)
            .set("bmi", 99)
            .setInRow("sessions", 1, "charge", "x")
            .build();
    RecordValues before = RecordValues.of(record.values().asMap());

    validator.validate(record);

    assertThat(record.values()).isEqualTo(before);
    assertThat(record.values().asMap()).containsEntry("bmi", new BigDecimal(99));
  }

  @Test
  void validate_sharedAcrossThreads_givesTheSameResultEverywhere() {
    Record record =
        TestRegistry.validVisit()
            .set("age", 130)
            .set("weight", 300)
            .setInRow("sessions", 2, "charge", "x")
            .build();
    ValidationResult expected = validator.validate(record);

    List<ValidationResult> results =
        IntStream.range(0, 64).parallel().mapToObj(i -> validator.validate(record)).toList();

    assertThat(results)
        .allSatisfy(
            result -> {
              assertThat(result.diagnostics()).isEqualTo(expected.diagnostics());
              assertThat(result.computed()).isEqualTo(expected.computed());
            });
  }

  @Test
  void validate_nullRecord_isMisuse() {
    assertThatNullPointerException().isThrownBy(() -> validator.validate(null));
  }

  @Test
  void validate_everyIssue_hasMessageInNbAndEn() {
    Record record =
        TestRegistry.validVisit()
            .set("age", 130)
            .set("hieght", 1)
            .remove("sex")
            .set("onset", "2023-1")
            .set("symptoms", List.of("pain", "nausea", "fatigue", "headache"))
            .set("diagnosis", "X99")
            .set("end_date", "2024-04-01")
            .build();

    ValidationResult result = validator.validate(record);

    assertThat(result.diagnostics().issues())
        .hasSizeGreaterThanOrEqualTo(6)
        .allSatisfy(
            issue -> {
              assertThat(issue.message().exactly("nb"))
                  .hasValueSatisfying(t -> assertThat(t).isNotBlank());
              assertThat(issue.message().exactly("en"))
                  .hasValueSatisfying(t -> assertThat(t).isNotBlank());
              assertThat(issue.message().exactly("nb")).isNotEqualTo(issue.message().exactly("en"));
            });
  }

  @Test
  void validationResult_toString_printsCountsOnly() {
    ValidationResult result =
        validator.validate(TestRegistry.validVisit().set("comment", "ZZ_SECRET_93").build());

    assertThat(result.toString())
        .doesNotContain("ZZ_SECRET_93")
        .doesNotContain("24.4")
        .contains("errors=0");
  }
}
