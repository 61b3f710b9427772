package no.regforms.examples.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows {@code docs/tutorial.md} as a reader would, with the application folder the build makes:
 * each {@code ```json file=<path>} block is written to its file (a later block of the same file
 * replaces it), and each {@code ./regforms} line of a {@code ```sh} block runs in the tutorial's
 * folder and must exit as the line says ({@code # exit N}, else 0).
 */
class TutorialIT {

  private static final Path FOLDER = Path.of(System.getProperty("regforms.distribution"));
  private static final Path TUTORIAL =
      Path.of("..").toAbsolutePath().normalize().resolve("docs/tutorial.md");
  private static final Pattern EXIT = Pattern.compile("\\s+#\\s*exit\\s+(\\d+)\\s*$");

  @TempDir Path work;

  record Step(String command, int exit, String out, String err) {}

  @Test
  void tutorial_everyFileAndCommand_worksAsWritten() throws Exception {
    List<Step> steps = follow(Files.readAllLines(TUTORIAL, StandardCharsets.UTF_8));

    assertThat(steps).as("commands run").hasSizeGreaterThanOrEqualTo(8);
    assertThat(find(steps, "--form admission --record").out().lines().findFirst()).hasValue("47");
    assertThat(find(steps, "samples/invalid.jsonl").out())
        .contains("\"rule_failed\"")
        .contains("\"path\":\"surgery_at\"")
        .contains("\"out_of_range\"")
        .contains("\"path\":\"age\"");
    assertThat(work.resolve("out/indicators/results.csv"))
        .content()
        .contains("surgery_within_48h,2024,national");
    assertThat(work.resolve("out/helsedata/helsedata/dataset.jsonld")).exists();
    assertThat(steps)
        .allSatisfy(step -> assertThat(step.err()).as(step.command()).doesNotContain("Exception"));
  }

  private List<Step> follow(List<String> lines) throws IOException, InterruptedException {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```") || line.equals("```")) continue;
      List<String> block = new ArrayList<>();
      int start = i;
      while (!lines.get(++i).equals("```")) {
        block.add(lines.get(i));
      }
      if (line.startsWith("```json file=")) {
        Path file = work.resolve(line.substring("```json file=".length()).trim());
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", block) + "\n", StandardCharsets.UTF_8);
      } else if (line.equals("```sh")) {
        for (String command : block) {
          if (command.startsWith("./regforms ")) steps.add(run(command, start + 1));
        }
      }
    }
    return steps;
  }

  private Step run(String line, int lineNumber) throws IOException, InterruptedException {
    Matcher exit = EXIT.matcher(line);
    int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
    String command = exit.replaceFirst("");
    List<String> words = words(command);
    words.set(0, FOLDER.resolve("bin/regforms").toString());
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process process =
        new ProcessBuilder(words)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(command + " finished").isTrue();
    Step step =
        new Step(command, process.exitValue(), Files.readString(out), Files.readString(err));
    assertThat(step.exit())
        .as("tutorial.md, block at line %d: %s%n%s%s", lineNumber, command, step.out(), step.err())
        .isEqualTo(expected);
    return step;
  }

  private static Step find(List<Step> steps, String part) {
    return steps.stream()
        .filter(s -> s.command().contains(part))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the tutorial has no command with " + part));
  }

  /**
   * Splits a command line as a POSIX shell does for words in single or double quotes (no escapes,
   * no variables).
   */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) quote = 0;
        else word.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        if (word == null) word = new StringBuilder();
      } else if (Character.isWhitespace(c)) {
        if (word != null) words.add(word.toString());
        word = null;
      } else {
        if (word == null) word = new StringBuilder();
        word.append(c);
      }
    }
    if (word != null) words.add(word.toString());
    return words;
  }
}
