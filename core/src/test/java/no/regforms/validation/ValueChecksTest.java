package no.regforms.validation;

import static no.regforms.diagnostic.IssueCode.CODE_NOT_VALID;
import static no.regforms.diagnostic.IssueCode.DUPLICATE_CHOICE;
import static no.regforms.diagnostic.IssueCode.IMPLAUSIBLE;
import static no.regforms.diagnostic.IssueCode.INVALID_FORMAT;
import static no.regforms.diagnostic.IssueCode.INVALID_TYPE;
import static no.regforms.diagnostic.IssueCode.MISSING_REASON_NOT_ALLOWED;
import static no.regforms.diagnostic.IssueCode.OUT_OF_RANGE;
import static no.regforms.diagnostic.IssueCode.PATTERN_MISMATCH;
import static no.regforms.diagnostic.IssueCode.STEP;
import static no.regforms.diagnostic.IssueCode.TOO_FEW_CHOICES;
import static no.regforms.diagnostic.IssueCode.TOO_LONG;
import static no.regforms.diagnostic.IssueCode.TOO_MANY_CHOICES;
import static no.regforms.diagnostic.IssueCode.TOO_MANY_DECIMALS;
import static no.regforms.diagnostic.IssueCode.UNKNOWN_CODE;
import static no.regforms.testing.TestRegistry.missing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.Severity;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks of single values: types, formats, ranges, steps, decimals, texts, codes and missing
 * reasons.
 */
class ValueChecksTest {

  private static ValidationResult validate(RecordBuilder record) {
    return TestRegistry.validator().validate(record.build());
  }

  private static void assertOnly(
      ValidationResult result, IssueCode code, String path, Severity severity) {
    assertThat(result.diagnostics().issues())
        .extracting(Issue::code, IssuePaths::path, Issue::severity)
        .containsExactly(tuple(code, path, severity));
  }

  private static void assertClean(ValidationResult result) {
    assertThat(result.diagnostics().issues()).isEmpty();
  }

  // ---- types and formats -----------------------------------------------------------------------

  @Test
  void validate_integerGivenFraction_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().number("age", "1.5")),
        INVALID_TYPE,
        "age",
        Severity.ERROR);
  }

  @Test
  void validate_integerGivenText_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("age", "12")), INVALID_TYPE, "age", Severity.ERROR);
  }

  @Test
  void validate_integerGivenWholeDecimal_accepts() {
    assertClean(validate(TestRegistry.validVisit().number("age", "45.0")));
  }

  @Test
  void validate_decimalGivenBoolean_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("weight", true)),
        INVALID_TYPE,
        "weight",
        Severity.ERROR);
  }

  @Test
  void validate_booleanGivenText_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("on_medication", "true").remove("medications")),
        INVALID_TYPE,
        "on_medication",
        Severity.ERROR);
  }

  @Test
  void validate_textGivenNumber_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("comment", 12)),
        INVALID_TYPE,
        "comment",
        Severity.ERROR);
  }

  @Test
  void validate_impossibleDate_reportsInvalidFormat() {
    assertOnly(
        validate(TestRegistry.validVisit().set("start_date", "2024-02-30")),
        INVALID_FORMAT,
        "start_date",
        Severity.ERROR);
  }

  @Test
  void validate_leapDay_accepts() {
    assertClean(
        validate(
            TestRegistry.validVisit()
                .set("end_date", "2024-02-29")
                .set("start_date", "2024-02-01")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"02.05.2024", "2024-5-2", "2024-05-02T10:00", "20240502", ""})
  void validate_dateInWrongFormat_reportsInvalidFormat(String text) {
    assertOnly(
        validate(TestRegistry.validVisit().set("start_date", text)),
        INVALID_FORMAT,
        "start_date",
        Severity.ERROR);
  }

  @Test
  void validate_dateGivenNumber_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("start_date", 20240502)),
        INVALID_TYPE,
        "start_date",
        Severity.ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-11-01", "2023-1", "11-2023", "2023/11", "2023-13"})
  void validate_yearmonthInWrongFormat_reportsInvalidFormat(String text) {
    assertOnly(
        validate(TestRegistry.validVisit().set("onset", text)),
        INVALID_FORMAT,
        "onset",
        Severity.ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-02T10:30", "2024-05-02T10:30:15", "2024-05-02T10:30:15.250"})
  void validate_datetimeInIsoFormat_accepts(String text) {
    assertClean(validate(TestRegistry.validVisit().set("admitted_at", text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-02 10:30", "2024-05-02", "2024-05-02T25:00", "2024-05-02T10"})
  void validate_datetimeInWrongFormat_reportsInvalidFormat(String text) {
    assertOnly(
        validate(TestRegistry.validVisit().set("admitted_at", text)),
        INVALID_FORMAT,
        "admitted_at",
        Severity.ERROR);
  }

  @Test
  void validate_codeGivenNumber_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("sex", 2)), INVALID_TYPE, "sex", Severity.ERROR);
  }

  @Test
  void validate_codesGivenSingleText_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("symptoms", "pain")),
        INVALID_TYPE,
        "symptoms",
        Severity.ERROR);
  }

  @Test
  void validate_codesWithNonTextElement_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("symptoms", List.of("pain", 3))),
        INVALID_TYPE,
        "symptoms",
        Severity.ERROR);
  }

  // ---- ranges ----------------------------------------------------------------------------------

  @Test
  void validate_valueAboveRange_reportsOutOfRange() {
    ValidationResult result = validate(TestRegistry.validVisit().set("age", 121));

    assertOnly(result, OUT_OF_RANGE, "age", Severity.ERROR);
    assertThat(result.isValid()).isFalse();
    assertThat(result.diagnostics().issues().get(0).text("en")).contains("0", "120");
  }

  @Test
  void validate_valueBelowRange_reportsOutOfRange() {
    assertOnly(
        validate(TestRegistry.validVisit().set("height", 49)),
        OUT_OF_RANGE,
        "height",
        Severity.ERROR);
  }

  @Test
  void validate_valuesOnRangeBounds_accept() {
    assertClean(
        validate(
            TestRegistry.validVisit()
                .set("height", 250)
                .set("cigarettes_per_day", 1)
                .set("edss", 0)));
  }

  @Test
  void validate_valueOutsidePlausibleRange_warnsAndStaysValid() {
    ValidationResult result = validate(TestRegistry.validVisit().set("weight", 300));

    assertOnly(result, IMPLAUSIBLE, "weight", Severity.WARNING);
    assertThat(result.isValid()).isTrue();
    assertThat(result.diagnostics().errors()).isEmpty();
    assertThat(result.diagnostics().warnings()).hasSize(1);
  }

  @Test
  void validate_implausibleValue_isStillUsedByComputedValues() {
    ValidationResult result = validate(TestRegistry.validVisit().set("weight", 300));

    assertThat(result.computed()).containsKey("bmi");
  }

  @Test
  void validate_valueInsidePlausibleRange_hasNoWarning() {
    assertClean(validate(TestRegistry.validVisit().set("age", 18)));
  }

  @Test
  void validate_valueOutsideHardRange_isErrorOnlyNotAlsoImplausible() {
    assertOnly(
        validate(TestRegistry.validVisit().set("weight", 401)),
        OUT_OF_RANGE,
        "weight",
        Severity.ERROR);
  }

  @Test
  void validate_dateAfterToday_reportsOutOfRange() {
    assertOnly(
        validate(TestRegistry.validVisit().set("start_date", "2025-06-16")),
        OUT_OF_RANGE,
        "start_date",
        Severity.ERROR);
  }

  @Test
  void validate_dateOnToday_accepts() {
    assertClean(validate(TestRegistry.validVisit().set("end_date", TestRegistry.TODAY.toString())));
  }

  @Test
  void validate_dateBeforeRangeStart_reportsOutOfRange() {
    assertOnly(
        validate(
            TestRegistry.validVisit()
                .set("start_date", "1999-12-31")
                .set("end_date", "2000-01-02")),
        OUT_OF_RANGE,
        "start_date",
        Severity.ERROR);
  }

  @Test
  void validate_yearmonthAfterThisMonth_reportsOutOfRange() {
    assertOnly(
        validate(TestRegistry.validVisit().set("onset", "2025-07").set("visit_date", "2025-06-01")),
        OUT_OF_RANGE,
        "onset",
        Severity.ERROR);
  }

  @Test
  void validate_yearmonthInThisMonth_accepts() {
    assertClean(
        validate(
            TestRegistry.validVisit().set("onset", "2025-06").set("visit_date", "2025-06-01")));
  }

  // ---- step and decimals -----------------------------------------------------------------------

  @Test
  void validate_valueOffStep_reportsStep() {
    assertOnly(
        validate(TestRegistry.validVisit().number("edss", "3.3")), STEP, "edss", Severity.ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.5", "3.0", "9.5", "10"})
  void validate_valueOnStep_accepts(String edss) {
    assertClean(validate(TestRegistry.validVisit().number("edss", edss)));
  }

  @Test
  void validate_tooManyDecimals_reportsTooManyDecimals() {
    assertOnly(
        validate(TestRegistry.validVisit().number("weight", "70.55")),
        TOO_MANY_DECIMALS,
        "weight",
        Severity.ERROR);
  }

  @Test
  void validate_trailingZerosBeyondDecimals_accepts() {
    assertClean(validate(TestRegistry.validVisit().number("weight", "70.500")));
  }

  @Test
  void validate_tooManyDecimalsInRow_reportsRowPath() {
    assertOnly(
        validate(
            TestRegistry.validVisit().setInRow("sessions", 1, "charge", new BigDecimal("250.25"))),
        TOO_MANY_DECIMALS,
        "sessions[1].charge",
        Severity.ERROR);
  }

  @Test
  @Timeout(5)
  void validate_tinyNumberWithHugeScale_reportsTooManyDecimalsQuickly() {
    ValidationResult result = validate(TestRegistry.validVisit().number("edss", "1E-999999999"));

    assertThat(result.diagnostics().issues()).extracting(Issue::code).contains(TOO_MANY_DECIMALS);
  }

  @Test
  @Timeout(5)
  void validate_hugeNumbers_reportOutOfRangeQuickly() {
    ValidationResult result =
        validate(
            TestRegistry.validVisit()
                .number("age", "1E+999999999")
                .number("weight", "-1E+999999999")
                .number("edss", "1E+999999999"));

    assertThat(result.diagnostics().issues()).extracting(Issue::code).containsOnly(OUT_OF_RANGE);
  }

  // ---- texts -----------------------------------------------------------------------------------

  @Test
  void validate_textLongerThanMaxLength_reportsTooLong() {
    assertOnly(
        validate(TestRegistry.validVisit().set("comment", "x".repeat(201))),
        TOO_LONG,
        "comment",
        Severity.ERROR);
  }

  @Test
  void validate_textOfMaxLength_accepts() {
    assertClean(validate(TestRegistry.validVisit().set("comment", "x".repeat(200))));
  }

  @Test
  void validate_maxLength_countsCharactersNotUtf16Units() {
    assertClean(validate(TestRegistry.validVisit().set("comment", "\uD83D\uDE00".repeat(200))));
  }

  @Test
  void validate_textNotMatchingPattern_reportsPatternMismatch() {
    assertOnly(
        validate(TestRegistry.validVisit().set("referral_code", "ab123")),
        PATTERN_MISMATCH,
        "referral_code",
        Severity.ERROR);
  }

  @Test
  void validate_pattern_mustMatchWholeText() {
    assertOnly(
        validate(TestRegistry.validVisit().set("referral_code", "AB12x")),
        PATTERN_MISMATCH,
        "referral_code",
        Severity.ERROR);
  }

  @Test
  void validate_textMatchingPatternButTooLong_reportsTooLong() {
    assertOnly(
        validate(TestRegistry.validVisit().set("referral_code", "AB1234567")),
        TOO_LONG,
        "referral_code",
        Severity.ERROR);
  }

  // ---- codes -----------------------------------------------------------------------------------

  @Test
  void validate_unknownCode_reportsUnknownCode() {
    ValidationResult result = validate(TestRegistry.validVisit().set("diagnosis", "F99"));

    assertOnly(result, UNKNOWN_CODE, "diagnosis", Severity.ERROR);
    assertThat(result.diagnostics().issues().get(0).text("en")).contains("diagnosis");
  }

  @Test
  void validate_codeRetiredBeforeRecordDate_reportsCodeNotValid() {
    assertOnly(
        validate(TestRegistry.validVisit().set("diagnosis", "F32.9")),
        CODE_NOT_VALID,
        "diagnosis",
        Severity.ERROR);
  }

  @Test
  void validate_codeIntroducedAfterRecordDate_reportsCodeNotValid() {
    assertOnly(
        validate(
            TestRegistry.validVisit().set("visit_date", "2023-12-31").set("diagnosis", "F33.9")),
        CODE_NOT_VALID,
        "diagnosis",
        Severity.ERROR);
  }

  @Test
  void validate_codeOnFirstDayOfValidity_accepts() {
    assertClean(
        validate(
            TestRegistry.validVisit()
                .set("visit_date", "2024-01-01")
                .set("start_date", "2024-01-01")
                .setInRow("sessions", 1, "session_date", "2024-01-02")
                .setInRow("sessions", 2, "session_date", "2024-01-03")
                .set("diagnosis", "F33.9")));
  }

  @Test
  void validate_retiredCodeOnLastValidDay_accepts() {
    assertClean(
        validate(
            TestRegistry.validVisit()
                .set("visit_date", "2019-12-31")
                .set("start_date", "2019-12-31")
                .set("end_date", "2020-01-10")
                .set("onset", "2019-01")
                .setInRow("sessions", 1, "session_date", "2020-01-02")
                .setInRow("sessions", 2, "session_date", "2020-01-03")
                .set("diagnosis", "F32.9")));
  }

  @Test
  void validate_datedCodeWithoutRecordDate_isNotCheckedForValidity() {
    ValidationResult result =
        validate(TestRegistry.validVisit().remove("visit_date").set("diagnosis", "F32.9"));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .doesNotContain(CODE_NOT_VALID, UNKNOWN_CODE);
  }

  @Test
  void validate_unknownCodeAmongCodes_reportsElementPath() {
    assertOnly(
        validate(TestRegistry.validVisit().set("symptoms", List.of("pain", "itch"))),
        UNKNOWN_CODE,
        "symptoms[2]",
        Severity.ERROR);
  }

  @Test
  void validate_tooFewChoices_reportsTooFewChoices() {
    assertOnly(
        validate(TestRegistry.validVisit().set("symptoms", List.of())),
        TOO_FEW_CHOICES,
        "symptoms",
        Severity.ERROR);
  }

  @Test
  void validate_tooManyChoices_reportsTooManyChoices() {
    assertOnly(
        validate(
            TestRegistry.validVisit()
                .set("symptoms", List.of("pain", "nausea", "fatigue", "headache"))),
        TOO_MANY_CHOICES,
        "symptoms",
        Severity.ERROR);
  }

  @Test
  void validate_sameCodeTwice_reportsDuplicateChoiceAtSecond() {
    assertOnly(
        validate(TestRegistry.validVisit().set("symptoms", List.of("pain", "pain"))),
        DUPLICATE_CHOICE,
        "symptoms[2]",
        Severity.ERROR);
  }

  @Test
  void validate_choicesOnLimits_accept() {
    assertClean(validate(TestRegistry.validVisit().set("symptoms", List.of("pain"))));
    assertClean(
        validate(TestRegistry.validVisit().set("symptoms", List.of("pain", "nausea", "fatigue"))));
  }

  // ---- missing reasons -------------------------------------------------------------------------

  @Test
  void validate_allowedMissingReason_satisfiesRequired() {
    assertClean(validate(TestRegistry.validVisit().set("age", missing("unknown"))));
  }

  @Test
  void validate_registryDefinedMissingReason_accepts() {
    ValidationResult result = validate(TestRegistry.validVisit().set("weight", missing("lost")));

    assertClean(result);
    assertThat(result.computed()).doesNotContainKey("bmi");
  }

  @Test
  void validate_missingReasonNotAllowedForVariable_reportsMissingReasonNotAllowed() {
    ValidationResult result = validate(TestRegistry.validVisit().set("age", missing("not_asked")));

    assertOnly(result, MISSING_REASON_NOT_ALLOWED, "age", Severity.ERROR);
    assertThat(result.diagnostics().issues().get(0).text("en")).contains("unknown, declined");
  }

  @Test
  void validate_missingReasonOnVariableWithoutReasons_reportsMissingReasonNotAllowed() {
    assertOnly(
        validate(TestRegistry.validVisit().set("sex", missing("unknown"))),
        MISSING_REASON_NOT_ALLOWED,
        "sex",
        Severity.ERROR);
  }

  @Test
  void validate_missingReasonUnknownToRegistry_reportsWithoutEchoingIt() {
    ValidationResult result =
        validate(TestRegistry.validVisit().set("age", missing("patient said Ola")));

    assertOnly(result, MISSING_REASON_NOT_ALLOWED, "age", Severity.ERROR);
    assertThat(result.diagnostics().issues().get(0).text("nb"))
        .doesNotContain("Ola")
        .contains("unknown, declined");
  }

  @Test
  void validate_malformedMissingReason_reportsInvalidType() {
    assertOnly(
        validate(TestRegistry.validVisit().set("age", Map.of("missing", 1))),
        INVALID_TYPE,
        "age",
        Severity.ERROR);
    assertOnly(
        validate(TestRegistry.validVisit().set("age", Map.of("missing", "unknown", "why", "x"))),
        INVALID_TYPE,
        "age",
        Severity.ERROR);
  }
}
