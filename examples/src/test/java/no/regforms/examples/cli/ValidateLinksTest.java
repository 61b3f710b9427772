package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import no.regforms.examples.cli.Cli.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} over files whose ECT follow-ups link to their courses. */
class ValidateLinksTest {

  @TempDir static Path temp;
  private static List<String> generated;

  @BeforeAll
  static void generateEct() throws IOException {
    Path out = temp.resolve("ect.jsonl");
    Run run =
        Cli.run(
            "generate",
            "--registry",
            "ect",
            "--patients",
            "60",
            "--seed",
            "11",
            "--out",
            out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    generated = Files.readAllLines(out);
    assertThat(generated).anyMatch(line -> line.contains("\"links\":{\"course\":"));
  }

  private static Run validate(List<String> lines) throws IOException {
    Path file = Files.createTempFile(temp, "records", ".jsonl");
    Files.write(file, lines);
    return Cli.run("validate", "--registry", "ect", file.toString());
  }

  private static JsonNode summary(Run run) {
    List<JsonNode> lines = run.jsonLines();
    return lines.get(lines.size() - 1);
  }

  @Test
  void validate_generatedFile_noDanglingLinks() throws IOException {
    Run run = validate(generated);

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(summary(run).get("withErrors").asInt()).isZero();
  }

  @Test
  void validate_followupsBeforeTheirCourses_stillResolve() throws IOException {
    List<String> reversed = new ArrayList<>(generated);
    Collections.reverse(reversed);

    Run run = validate(reversed);

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(summary(run).get("valid").asInt()).isEqualTo(generated.size());
  }

  @Test
  void validate_courseMissing_reportsDanglingLinkByLineAndGoesOn() throws IOException {
    List<String> lines = new ArrayList<>();
    int firstFollowup =
        generated.indexOf(
            generated.stream()
                .filter(l -> l.contains("\"form\":\"followup\""))
                .findFirst()
                .orElseThrow());
    String course = followedCourse(generated.get(firstFollowup));
    for (String line : generated) {
      if (!line.contains("\"id\":\"" + course + "\"")) lines.add(line);
    }
    lines.add(0, "not a record");
    int expectedLine = lines.indexOf(generated.get(firstFollowup)) + 1;

    Run run = validate(lines);

    assertThat(run.exit()).isEqualTo(1);
    List<JsonNode> out = run.jsonLines();
    assertThat(out.get(0).path("line").asInt()).isEqualTo(1);
    JsonNode dangling = out.get(1);
    assertThat(dangling.path("line").asInt()).isEqualTo(expectedLine);
    assertThat(dangling.path("issues").get(0).path("code").asText()).isEqualTo("link_dangling");
    assertThat(summary(run).get("withErrors").asInt()).isEqualTo(1);
    assertThat(summary(run).get("records").asInt()).isEqualTo(lines.size() - 1);
    assertThat(run.out() + run.err()).doesNotContain(course);
  }

  @Test
  void validate_standardInput_saysLinksAreNotResolved() {
    byte[] input = String.join("\n", generated).getBytes(StandardCharsets.UTF_8);

    Run run = Cli.run(new ByteArrayInputStream(input), "validate", "--registry", "ect", "-");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("links between records are not resolved from standard input");
  }

  private static String followedCourse(String followup) {
    int at = followup.indexOf("\"course\":\"") + "\"course\":\"".length();
    return followup.substring(at, followup.indexOf('"', at));
  }
}
