package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.RecordLine;
import no.regforms.testing.FuzzDeadline;
import no.regforms.testing.TestRegistry;

/**
 * Fuzzes the JSON Lines record reader and the record validator (over the test registry, which has
 * every variable type, repeat groups, skip logic, computed values and rules) with arbitrary text:
 * no exception, and every problem and issue is located by the record's line and a record path.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays the corpus under {@code
 * RecordValidationFuzzTestInputs}.
 */
class RecordValidationFuzzTest {

  private static final RecordValidator VALIDATOR = TestRegistry.validator();

  @FuzzTest
  void readAndValidate(byte[] input) {
    FuzzDeadline.within(() -> readAndValidateChecked(input));
  }

  private void readAndValidateChecked(byte[] input) throws IOException {
    try (JsonLinesRecordReader reader =
        new JsonLinesRecordReader(new StringReader(new String(input, StandardCharsets.UTF_8)))) {
      reader.lines().forEach(RecordValidationFuzzTest::check);
    }
  }

  private static void check(RecordLine line) {
    assertThat(line.number()).isPositive();
    line.problem().ifPresent(problem -> isLocated(problem, line.number()));
    line.record()
        .ifPresent(
            record -> {
              ValidationResult result = VALIDATOR.validate(record);
              result.diagnostics().issues().forEach(issue -> isLocated(issue, line.number()));
            });
  }

  private static void isLocated(Issue issue, long line) {
    assertThat(issue.location())
        .as(issue.toDisplayString())
        .isInstanceOfSatisfying(
            RecordPath.class,
            path -> assertThat(path.line()).as(issue.toDisplayString()).isEqualTo(line));
    assertThat(issue.code()).isNotNull();
    assertThat(issue.toDisplayString()).doesNotContain("Exception", "\tat ");
  }
}
