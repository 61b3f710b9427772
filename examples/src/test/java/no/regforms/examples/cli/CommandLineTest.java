package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path temp;

  record Run(int exit, String out, String err) {
    List<JsonNode> jsonLines() throws IOException {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) lines.add(JSON.readTree(line));
      }
      return lines;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void check_realRegistry_isCleanWithSummary(String id) {
    Run run = run("check", id);

    assertThat(run.exit()).as(run.out()).isZero();
    String summary = run.out().lines().reduce((first, last) -> last).orElseThrow();
    assertThat(summary)
        .startsWith(id + " ")
        .contains(": ok: ")
        .contains(" forms, ")
        .contains(" indicators");
  }

  @Test
  void check_brokenFolder_printsLocatedErrorsAndExitsTwo() throws IOException {
    Files.writeString(
        temp.resolve("registry.json"),
        "{\"id\": \"demo\", \"title\": {\"nb\": \"Demo\"}, \"version\": \"1\"}");
    Files.createDirectories(temp.resolve("forms"));
    Files.writeString(
        temp.resolve("forms/a.json"),
        String.join(
            "\n",
            "{\"id\": \"a\", \"title\": {\"nb\": \"A\"}, \"respondent\": \"clinician\",",
            " \"items\": [",
            "   {\"variable\": \"age\", \"type\": \"integer\", \"visibelIf\": \"true\"}",
            " ]}"));

    Run run = run("check", temp.toString());

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.out())
        .contains("forms/a.json:3:43: error: unknown key 'visibelIf'; did you mean 'visibleIf'?")
        .contains("    at /items/0/visibelIf")
        .contains(": 1 error, 0 warnings");
  }

  @Test
  void check_unknownRegistry_suggestsKnownOnes() {
    Run run = run("check", "ectt");

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.out()).contains("did you mean 'ect'?");
  }

  @Test
  void validate_validSamples_exitZeroWithSummaryOnly() throws IOException {
    Run run = run("validate", "--registry", "ect", Cli.samples("ect").toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("summary").asBoolean()).isTrue();
    assertThat(lines.get(0).get("withErrors").asInt()).isZero();
  }

  @Test
  void validate_badLines_reportsEachByNumberAndGoesOn() throws IOException {
    Path records = temp.resolve("records.jsonl");
    Files.writeString(
        records,
        String.join(
            "\n",
            "{\"registry\": \"ms\", \"form\": \"msis29\", \"id\": \"r1\", \"values\": {\"nonsense_key\": 1}}",
            "this is not json",
            "",
            "{\"registry\": \"ms\", \"form\": \"nosuchform\", \"id\": \"r3\", \"values\": {}}"));

    Run run = run("validate", "--registry", "ms", records.toString());

    assertThat(run.exit()).isEqualTo(1);
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 4, 0);
    assertThat(codes(lines.get(0))).contains("undefined_variable");
    assertThat(codes(lines.get(1))).containsExactly("record_syntax");
    assertThat(codes(lines.get(2))).containsExactly("wrong_form");
    JsonNode summary = lines.get(3);
    assertThat(summary.get("linesRead").asInt()).isEqualTo(3);
    assertThat(summary.get("records").asInt()).isEqualTo(2);
    assertThat(summary.get("unreadableLines").asInt()).isEqualTo(1);
    assertThat(summary.get("blankLines").asInt()).isEqualTo(1);
    assertThat(summary.get("withErrors").asInt()).isEqualTo(2);
  }

  @Test
  void validate_messages_inNorwegianByDefaultAndEnglishWhenAsked() throws IOException {
    Path records = temp.resolve("records.jsonl");
    Files.writeString(
        records,
        "{\"registry\": \"ms\", \"form\": \"msis29\", \"values\": {\"nonsense_key\": 1}}\n");

    Run norwegian = run("validate", "--registry", "ms", records.toString());
    Run english = run("validate", "--registry", "ms", "--lang", "en", records.toString());

    assertThat(norwegian.jsonLines().get(0).toString())
        .contains("Skjemaet msis29 har ikke denne variabelen");
    assertThat(english.jsonLines().get(0).toString()).doesNotContain("Skjemaet");
  }

  @Test
  void validate_unknownForm_isUsageError() throws IOException {
    Path records = Files.writeString(temp.resolve("x.jsonl"), "");

    Run run = run("validate", "--registry", "ms", "--form", "nope", records.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("has no form 'nope'");
  }

  @Test
  void eval_expressionOnRecord_printsJsonValue() throws IOException {
    Path record = temp.resolve("record.json");
    Files.writeString(
        record,
        "{\"registry\": \"ms\", \"form\": \"inclusion\", \"values\": "
            + "{\"onset\": \"2022-06\", \"diagnosis_date\": \"2024-06-30\"}}");

    Run run =
        run(
            "eval",
            "--registry",
            "ms",
            "--form",
            "inclusion",
            "--record",
            record.toString(),
            "months_between(onset, diagnosis_date)");

    assertThat(run.out().trim()).isEqualTo("24");
    assertThat(run.exit()).as("the partial record has errors").isEqualTo(Main.DATA_ERRORS);
    assertThat(run.err()).contains("note: the record has 11 errors");
  }

  @Test
  void eval_missingValue_printsNull() {
    Run run =
        run(
            "eval",
            "--registry",
            "ms",
            "--form",
            "inclusion",
            "months_between(onset, diagnosis_date)");

    assertThat(run.exit()).isZero();
    assertThat(run.out().trim()).isEqualTo("null");
  }

  @Test
  void eval_typeError_printsLocatedErrorWithCaret() {
    Run run = run("eval", "--registry", "ms", "--form", "inclusion", "diagnosis_date > 3");

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("<expression>:1:").contains("error:").contains("^");
  }

  private static final String HIP =
      ROOT.resolve("core/src/test/resources/registries/hipfracture").toString();

  @Test
  void eval_bareValuesWithForm_readsThemAsTheFormsValues() {
    Run run =
        run(
            "eval",
            "--registry",
            HIP,
            "--form",
            "admission",
            "--record",
            "{\"admitted_at\": \"2024-03-01T22:00\", \"surgery_at\": \"2024-03-03T21:00\", \"operated\": true}",
            "hours_between(admitted_at, surgery_at)");

    assertThat(run.out().trim()).isEqualTo("47");
    assertThat(run.err())
        .contains("note: the record has 2 errors")
        .doesNotContain("registry")
        .doesNotContain("form ''");
  }

  @Test
  void eval_explainExpression_printsEachPartWithItsValueAndWhyUnknown() {
    Run run =
        run(
            "eval",
            "--registry",
            HIP,
            "--form",
            "admission",
            "--explain",
            "--record",
            "{\"admitted_at\": \"2024-03-01T22:00\", \"birth_date\": \"1940-05-01\", \"fracture_type\": \"neck\"}");

    assertThat(run.out())
        .contains(
            "hidden surgery_at (visibleIf)\n  operated = true → unknown\n    operated → unknown: not filled in\n")
        .contains(
            "hidden delay_reason (visibleIf)\n  within_48h = false → unknown\n    within_48h → unknown: hidden\n")
        .contains("computed age (compute)\n  years_between(birth_date, date(admitted_at)) → 83\n");
  }

  @Test
  void eval_explainWithExpression_printsTheValueThenItsParts() {
    Run run =
        run(
            "eval",
            "--registry",
            HIP,
            "--form",
            "admission",
            "--explain",
            "--record",
            "{\"operated\": false}",
            "operated = true or filled(surgery_at)");

    assertThat(run.out())
        .isEqualTo(
            "false\noperated = true or filled(surgery_at) → false\n  operated = true → false\n"
                + "    operated → false\n  filled(surgery_at) → false\n    surgery_at → unknown: hidden\n");
  }

  private static List<String> codes(JsonNode line) {
    List<String> codes = new ArrayList<>();
    line.get("issues").forEach(issue -> codes.add(issue.get("code").asText()));
    return codes;
  }
}
