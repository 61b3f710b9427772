package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.regforms.examples.cli.Cli.Run;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages asked for in English carry no Norwegian: letters æøå or common Norwegian words. */
class EnglishMessagesTest {

  private static final Pattern NORWEGIAN =
      Pattern.compile(
          "[æøåÆØÅ]|(?i)\\b(og|ikke|er|må|skal|verdien|verdi|skjema|skjemaet|posten|mangler|eller|mellom|gyldig|utfylt|linjen"
              + "|enn|til|som|har|med|av|ved|dato|kode|kodeliste|nivåer|tegn|tekst)\\b");

  @TempDir Path temp;

  /** Synthetic records that each carry one planted fault, then lines no reader can take. */
  private Path faultyRecords(String registry) throws IOException {
    Path generated = temp.resolve(registry + ".jsonl");
    Run generate =
        Cli.run(
            "generate",
            "--registry",
            registry,
            "--patients",
            "15",
            "--seed",
            "5",
            "--invalid",
            "1",
            "--out",
            generated.toString());
    assertThat(generate.exit()).as(generate.both()).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(generated, StandardCharsets.UTF_8));
    lines.add("not json");
    lines.add(
        "{\"registry\":\""
            + registry
            + "\",\"form\":\"x\",\"values\":{\"a\":"
            + "[".repeat(40)
            + "]".repeat(40)
            + "}}");
    lines.add("{\"registry\":\"other\",\"form\":\"x\"}");
    lines.add("{\"registry\":\"" + registry + "\",\"version\":\"0.0\",\"form\":\"x\"}");
    return Files.write(generated, lines, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void validate_inEnglish_everyMessageIsEnglish(String registry) throws IOException {
    Path records = faultyRecords(registry);

    Run english = Cli.run("validate", "--registry", registry, "--lang", "en", records.toString());
    Run norwegian = Cli.run("validate", "--registry", registry, "--lang", "nb", records.toString());

    List<String> messages = new ArrayList<>();
    for (JsonNode line : english.jsonLines()) {
      line.path("issues").forEach(issue -> messages.add(issue.get("message").asText()));
    }
    assertThat(messages)
        .hasSizeGreaterThan(20)
        .noneMatch(message -> NORWEGIAN.matcher(message).find());
    assertThat(norwegian.out())
        .as("the same run in Norwegian is Norwegian")
        .containsPattern(NORWEGIAN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms"})
  void indicators_everyMessageIsEnglish(String registry) throws IOException {
    Path records = faultyRecords(registry);

    Run run =
        Cli.run(
            "indicators",
            "--registry",
            registry,
            "--data",
            records.toString(),
            "--year",
            "2024",
            "--out",
            temp.resolve("out").toString());

    assertThat(run.err()).isNotBlank();
    assertThat(run.both().lines()).noneMatch(line -> NORWEGIAN.matcher(line).find());
  }
}
