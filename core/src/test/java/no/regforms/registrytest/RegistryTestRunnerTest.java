package no.regforms.registrytest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.RegistryTests;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.testing.Folders;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry's own tests: the test registry's pass, and each kind of failure is located in its test
 * file.
 */
class RegistryTestRunnerTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  @TempDir Path temp;

  @Test
  void run_testRegistrysOwnTests_allCasesHold() {
    RegistryTests tests = LOADER.loadTests(TestRegistry.folder());

    RegistryTestReport report = RegistryTestRunner.run(TestRegistry.registry(), tests);

    assertThat(tests.diagnostics().issues()).isEmpty();
    assertThat(report.failures()).as(report.toDisplayString()).isEmpty();
    assertThat(report.cases()).isEqualTo(8);
    assertThat(LOADER.loadTests(temp).caseCount()).as("a folder without tests/ has none").isZero();
  }

  @Test
  void run_wrongExpectations_eachFailureLocatedAtItsExpectation() throws IOException {
    Path folder = copyOfTestRegistry();
    Files.writeString(
        folder.resolve("tests/wrong.json"),
        """
        {
          "today": "2025-06-15",
          "records": [
            {"name": "bmi", "computed": {"bmi": 24.9},
             "record": %s},
            {"name": "too old", "record": %s},
            {"name": "clean", "issues": ["required"], "record": %s}
          ],
          "indicators": [
            {"name": "share", "indicator": "treated_share", "year": 2024, "records": ["bmi"],
             "group": {"level": "unit", "id": "4201115"},
             "expect": {"numerator": 0, "denominator": 1, "suppressed": false}},
            {"name": "no such", "indicator": "treated_sahre", "year": 2024, "records": [], "expect": {"numerator": 0}}
          ]
        }
        """
            .formatted(visit(40), visit(130), visit(40)));

    RegistryTestReport report =
        RegistryTestRunner.run(TestRegistry.registry(), LOADER.loadTests(folder));

    assertThat(report.cases()).isEqualTo(13);
    assertThat(report.failedCases()).isEqualTo(5);
    assertThat(report.failures()).extracting(Issue::code).containsOnly(IssueCode.TEST_FAILED);
    assertThat(report.failures())
        .extracting(issue -> (SourceLocation) issue.location())
        .extracting(
            SourceLocation::file,
            SourceLocation::line,
            SourceLocation::column,
            SourceLocation::jsonPointer)
        .containsExactly(
            tuple("tests/wrong.json", 4, 41, "/records/0/computed/bmi"),
            tuple("tests/wrong.json", 6, 118, "/records/1/record/values/age"),
            tuple("tests/wrong.json", 7, 34, "/records/2/issues/0"),
            tuple("tests/wrong.json", 12, 30, "/indicators/0/expect/numerator"),
            tuple("tests/wrong.json", 12, 65, "/indicators/0/expect/suppressed"),
            tuple("tests/wrong.json", 13, 38, "/indicators/1/indicator"));
    assertThat(report.toDisplayString())
        .contains("'bmi' computes bmi = 25.0, but the test expects 24.9")
        .contains("'too old' gives out_of_range at age (error), which the test does not expect")
        .contains("'clean' should give required, but it does not; it gives no issue")
        .contains("'share' counts 1 in the numerator, not 0")
        .contains("'share' is suppressed, but the test expects it not to be")
        .contains("has no indicator 'treated_sahre'");
  }

  @Test
  void loadTests_badFiles_everyProblemLocated() throws IOException {
    Path folder = copyOfTestRegistry();
    Files.writeString(
        folder.resolve("tests/shape.json"),
        """
        {"records": [{"nam": "x", "record": {"form": "visit", "values": {}}}],
         "indicators": [{"name": "i", "indicator": "treated_share", "year": 2024, "records": ["x"], "expect": {"numerator": 1}}]}
        """);
    Files.writeString(
        folder.resolve("tests/names.json"),
        """
        {"records": [{"name": "a", "record": {"form": "visit", "values": {}}},
                     {"name": "a", "record": {"form": "visit", "values": {}}}],
         "indicators": [{"name": "i", "indicator": "treated_share", "year": 2024, "records": ["b"], "expect": {"numerator": 1}}]}
        """);
    Files.writeString(folder.resolve("tests/syntax.json"), "{\"records\": [}\n");

    RegistryTests tests = LOADER.loadTests(folder);

    assertThat(tests.diagnostics().issues())
        .extracting(Issue::toDisplayString)
        .containsExactlyInAnyOrder(
            "tests/names.json:2:23: error: two record cases are named 'a'; first at line 1; give each case its own name\n"
                + "    at /records/1/name",
            "tests/names.json:3:87: error: no record case of this file is named 'b'; name a case of \"records\", or write the record here\n"
                + "    at /indicators/0/records/0",
            "tests/shape.json:1:15: error: unknown key 'nam'; did you mean 'name'?\n    at /records/0/nam",
            "tests/syntax.json:1:14: error: not valid JSON: Unexpected close marker '}': expected ']'; check for a missing comma, quote or bracket just before this point\n"
                + "    at /records");
  }

  @Test
  void pointerOf_recordPath_isThePointerInsideValues() {
    assertThat(RegistryTestRunner.pointerOf("")).isEmpty();
    assertThat(RegistryTestRunner.pointerOf("age")).isEqualTo("/age");
    assertThat(RegistryTestRunner.pointerOf("sessions[2].charge")).isEqualTo("/sessions/1/charge");
  }

  /** A valid visit of an adult (age 18-100), one line of JSON. */
  private static String visit(int age) {
    return ("{\"form\": \"visit\", \"unit\": \"4201115\", \"values\": {\"visit_date\": \"2024-03-01\", \"age\": %d, "
            + "\"sex\": \"1\", \"smoker\": false, \"diagnosis\": \"F32.1\", \"treated\": true, \"height\": 180, \"weight\": 81.0, "
            + "\"start_date\": \"2024-03-01\", \"sessions\": [{\"session_date\": \"2024-03-02\"}]}}")
        .formatted(age);
  }

  private Path copyOfTestRegistry() throws IOException {
    return Folders.copy(TestRegistry.folder(), temp.resolve("test"));
  }
}
