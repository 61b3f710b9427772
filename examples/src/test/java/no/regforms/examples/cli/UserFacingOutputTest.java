package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.regforms.testing.SampleRecords;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything a registry shows its users (forms, every export format, validation messages, indicator
 * results, SKDE files and the report) is free of the registry developers' source citations,
 * modelling assumptions and quoted figures: those belong in {@code notes}.
 */
class UserFacingOutputTest {

  /**
   * What an authoring note looks like: a seed citation, an assumption, a figure quoted from a
   * report.
   */
  private static final Pattern AUTHORING_NOTE =
      Pattern.compile(
          "\\(\\d{3}:L\\d+|\\(seed|Antakelse|Assumption:|seedene|Resultat \\d{4}:|Result \\d{4}:");

  /** The one output meant for registry developers, which shows the notes on purpose. */
  private static final String DEVELOPER_CODEBOOK = "codebook-developer.html";

  @TempDir Path temp;

  private final List<String> streams = new ArrayList<>();

  private int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    streams.add(String.join(" ", args) + "\n" + out + err);
    return exit;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void outputs_everyCommandOnSamples_showNoAuthoringNotes(String id) throws IOException {
    for (String lang : List.of("nb", "en")) {
      assertThat(
              run(
                  "render",
                  "--registry",
                  id,
                  "--lang",
                  lang,
                  "--out",
                  temp.resolve("forms-" + lang).toString()))
          .isZero();
      for (String sample : List.of("valid", "invalid")) {
        run(
            "validate",
            "--registry",
            id,
            "--lang",
            lang,
            SampleRecords.jsonl(id, sample).toString());
      }
      assertThat(
              run(
                  "indicators",
                  "--registry",
                  id,
                  "--data",
                  Cli.samples(id).toString(),
                  "--year",
                  "2024",
                  "--lang",
                  lang,
                  "--out",
                  temp.resolve("indicators-" + lang).toString()))
          .isZero();
    }
    run("export", "--registry", id, "--format", "all", "--out", temp.resolve("export").toString());

    List<String> found = new ArrayList<>();
    for (String stream : streams) {
      found.addAll(notesIn(stream.lines().findFirst().orElseThrow(), stream));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(temp)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals(DEVELOPER_CODEBOOK))
              .toList();
    }
    assertThat(files).as("outputs written").hasSizeGreaterThan(10);
    for (Path file : files) {
      found.addAll(
          notesIn(
              temp.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
    }
    assertThat(found).as("authoring notes in what users see (move them to \"notes\")").isEmpty();
  }

  private static List<String> notesIn(String where, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = AUTHORING_NOTE.matcher(text);
    while (matcher.find()) {
      int from = Math.max(0, matcher.start() - 60);
      int to = Math.min(text.length(), matcher.end() + 20);
      found.add(where + ": …" + text.substring(from, to).replace('\n', ' ') + "…");
    }
    return found;
  }
}
