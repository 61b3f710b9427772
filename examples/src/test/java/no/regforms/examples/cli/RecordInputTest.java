package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.regforms.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How validate and indicators read records: the same input options, every line accounted for, no
 * line fatal.
 */
class RecordInputTest {

  @TempDir Path temp;

  /** The MS sample records with line 3 saved in Latin-1 (a text value "Bjørn"), then the rest. */
  private Path withLatin1Line() throws IOException {
    List<String> lines = Files.readAllLines(Cli.samples("ms"), StandardCharsets.UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 2) {
        line = line.replaceFirst("\"values\": *\\{", "\"values\":{\"note\":\"Bj\u00f8rn\",");
        assertThat(line).contains("Bj\u00f8rn");
        file.write(line.getBytes(StandardCharsets.ISO_8859_1));
      } else {
        file.write(line.getBytes(StandardCharsets.UTF_8));
      }
      file.write('\n');
    }
    return Files.write(temp.resolve("latin1.jsonl"), file.toByteArray());
  }

  private Run runOn(String command, String data, String... more) {
    List<String> args =
        new ArrayList<>(
            command.equals("validate")
                ? List.of("validate", "--registry", "ms", "--lang", "en", "--data", data)
                : List.of(
                    "indicators",
                    "--registry",
                    "ms",
                    "--year",
                    "2024",
                    "--data",
                    data,
                    "--out",
                    temp.resolve("out").toString(),
                    "--force"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "indicators"})
  void invalidUtf8Line_isReportedByLineAndByteColumn_andTheRunGoesOn(String command)
      throws IOException {
    Path file = withLatin1Line();
    long lines = Files.readAllLines(Cli.samples("ms")).size();

    Run run = runOn(command, file.toString());

    assertThat(run.exit()).as(run.both()).isEqualTo(Main.DATA_ERRORS);
    assertThat(run.both())
        .contains("not UTF-8")
        .contains("byte column")
        .doesNotContain("Exception");
    if (command.equals("validate")) {
      JsonNode summary = run.summary();
      assertThat(summary.get("linesRead").asLong()).isEqualTo(lines);
      assertThat(summary.get("records").asLong()).isEqualTo(lines - 1);
      assertThat(summary.get("unreadableLines").asLong()).isEqualTo(1);
      assertThat(run.jsonLines().get(0).get("line").asInt()).isEqualTo(3);
    } else {
      assertThat(run.err()).contains("latin1.jsonl:3: error:");
      assertThat(run.out())
          .contains("lines read " + lines + " (" + (lines - 1) + " records, 1 unreadable line;");
      assertThat(temp.resolve("out/results.csv")).exists();
      assertThat(temp.resolve("out/skde-upload-andel.csv"))
          .as("no SKDE file from a run with errors")
          .doesNotExist();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "indicators"})
  void byteOrderMark_isAccepted(String command) throws IOException {
    byte[] text = Files.readAllBytes(Cli.samples("ms"));
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Path file = Files.write(temp.resolve("bom.jsonl"), withBom);

    Run run = runOn(command, file.toString());

    assertThat(run.exit()).as(run.both()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "indicators"})
  void dash_readsStandardInput(String command) throws IOException {
    byte[] records = Files.readAllBytes(Cli.samples("ms"));
    List<String> args =
        new ArrayList<>(
            command.equals("validate")
                ? List.of("validate", "--registry", "ms", "-")
                : List.of(
                    "indicators",
                    "--registry",
                    "ms",
                    "--year",
                    "2024",
                    "--data",
                    "-",
                    "--out",
                    temp.resolve("out").toString()));

    Run run = Cli.run(new ByteArrayInputStream(records), args.toArray(String[]::new));

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.both())
        .contains(
            command.equals("validate")
                ? "\"linesRead\":" + Files.readAllLines(Cli.samples("ms")).size()
                : "lines read " + Files.readAllLines(Cli.samples("ms")).size());
  }

  @Test
  void validate_recordsAsArgumentOrWithData_giveTheSameOutput() {
    Run positional = Cli.run("validate", "--registry", "ms", Cli.samples("ms").toString());
    Run option = Cli.run("validate", "--registry", "ms", "--data", Cli.samples("ms").toString());

    assertThat(option.out()).isEqualTo(positional.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "indicators"})
  void recordOverALimit_isRefusedNamingTheOptionThatRaisesIt(String command) throws IOException {
    String deep =
        "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"a\":"
            + "[".repeat(50)
            + "]".repeat(50)
            + "}}\n";
    Path file =
        Files.writeString(temp.resolve("deep.jsonl"), deep + Files.readString(Cli.samples("ms")));

    Run run = runOn(command, file.toString(), "--max-depth", "10");

    assertThat(run.exit()).isEqualTo(Main.DATA_ERRORS);
    assertThat(run.both()).contains("nested deeper than 10 levels").contains("--max-depth");
  }

  @Test
  void validate_recordWithThousandsOfIssues_printsASmallLine() throws IOException {
    // 800 KB of codes that are not in the list: one issue each, but the output line stays small.
    StringBuilder codes = new StringBuilder();
    for (int i = 0; i < 100_000; i++)
      codes.append(i == 0 ? "" : ",").append("\"x").append(i).append('"');
    String record =
        "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset_symptoms\":["
            + codes
            + "]}}\n";
    Path file = Files.writeString(temp.resolve("big.jsonl"), record);

    Run run = Cli.run("validate", "--registry", "ms", file.toString());

    JsonNode line = run.jsonLines().get(0);
    assertThat(line.get("issues")).hasSize(ValidateCommand.MAX_ISSUES_SHOWN);
    assertThat(line.get("issuesNotShown").asInt()).isPositive();
    assertThat(run.out().lines().findFirst().orElseThrow().length()).isLessThan(50_000);
  }

  @Test
  void validate_givenRecordsTwice_isAUsageError() {
    Run run = Cli.run("validate", "--registry", "ms", "--data", "a.jsonl", "b.jsonl");

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("not both");
  }
}
