package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command prints health data: every command runs in its own JVM, as {@code ./regforms} runs it,
 * with SLF4J logging everything down to trace, on records and arguments full of sentinel values; no
 * sentinel may appear on standard output, standard error (which carries the log) or in the
 * indicator outputs.
 */
class HealthDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every sentinel contains this; record ids and patient keys, text, codes, dates all do. */
  private static final String SENTINEL = "ZZSENT";

  /** A number sentinel, placed in every numeric value. */
  private static final String NUMBER = "31415926535";

  @TempDir Path temp;

  @Test
  void everyCommand_atEveryLogLevel_printsNoRecordValueOrIdentifier() throws Exception {
    Path records = sentinelRecords();
    Path generated = temp.resolve("generated.jsonl");
    String badJson =
        "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset\":\""
            + SENTINEL
            + "_ARG\"";
    String goodJson =
        "{\"registry\":\"ms\",\"form\":\"inclusion\",\"id\":\""
            + SENTINEL
            + "_ID\",\"values\":{\"onset\":\""
            + SENTINEL
            + "_ONSET\",\"relapses_before_diagnosis\":"
            + NUMBER
            + "}}";
    Path recordFile = Files.writeString(temp.resolve("record.json"), goodJson);
    List<List<String>> commands =
        List.of(
            List.of("validate", "--registry", "ms", "--lang", "en", records.toString()),
            List.of("validate", "--registry", "ms", records.toString()),
            List.of(
                "validate",
                "--registry",
                "ms",
                records.toString(),
                "{\"name\":\"" + SENTINEL + "_STRAY\"}"),
            List.of(
                "eval",
                "--registry",
                "ms",
                "--form",
                "inclusion",
                "--record",
                badJson,
                "filled(onset)"),
            List.of(
                "eval",
                "--registry",
                "ms",
                "--form",
                "inclusion",
                "--record",
                goodJson,
                "filled(onset)"),
            List.of(
                "eval",
                "--registry",
                "ms",
                "--form",
                "inclusion",
                "--record",
                recordFile.toString(),
                "count(onset_symptoms)"),
            List.of(
                "indicators",
                "--registry",
                "ms",
                "--data",
                records.toString(),
                "--year",
                "2024",
                "--out",
                temp.resolve("indicators").toString()),
            List.of("render", "--registry", "ms", "--out", temp.resolve("pages").toString()),
            List.of(
                "import",
                "--from",
                "redcap",
                Cli.ROOT
                    .resolve("core/src/test/resources/importer/redcap/longitudinal.csv")
                    .toString(),
                "--out",
                temp.resolve("imported").toString()),
            List.of(
                "export",
                "--registry",
                "ms",
                "--format",
                "codebook",
                "--out",
                temp.resolve("exported").toString()),
            List.of(
                "generate",
                "--registry",
                "ms",
                "--patients",
                "20",
                "--invalid",
                "0.5",
                "--out",
                generated.toString()));
    Path script = temp.resolve("commands.jsonl");
    List<String> lines = new ArrayList<>();
    for (List<String> command : commands) lines.add(JSON.writeValueAsString(command));
    Files.write(script, lines, StandardCharsets.UTF_8);

    Output output = runInOwnJvm(script);

    assertThat(output.out()).contains("== trace enabled: true");
    assertThat(output.err())
        .as("the log at trace level")
        .containsPattern("(?m)^\\[main\\] (TRACE|DEBUG) ");
    assertThat(exitCodes(output.out()))
        .containsExactly(
            "1 validate",
            "1 validate",
            "2 validate",
            "1 eval",
            "1 eval",
            "1 eval",
            "1 indicators",
            "0 render",
            "0 import",
            "0 export",
            "0 generate");
    List<String> sentinels = new ArrayList<>(List.of(SENTINEL, NUMBER));
    sentinels.addAll(identifiers(generated));
    for (String sentinel : sentinels) {
      assertThat(output.out()).as("standard output").doesNotContain(sentinel);
      assertThat(output.err()).as("standard error and the log").doesNotContain(sentinel);
    }
    try (Stream<Path> files = Files.walk(temp.resolve("indicators"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file))
            .as(file.getFileName().toString())
            .doesNotContain(SENTINEL);
      }
    }
  }

  /**
   * The MS samples twice: first with sentinel ids and patient keys, then with every text value and
   * number replaced by a sentinel too; and lines that cannot be read, each holding a sentinel.
   */
  private Path sentinelRecords() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<String> samples = Files.readAllLines(Cli.samples("ms"), StandardCharsets.UTF_8);
    for (boolean everyValue : new boolean[] {false, true}) {
      int n = 0;
      for (String line : samples) {
        ObjectNode record = (ObjectNode) JSON.readTree(line);
        record.put("id", SENTINEL + "_ID_" + n++);
        record.put("patient", SENTINEL + "_PATIENT_" + record.path("patient").asText());
        if (everyValue) record.set("values", sentinelised(record.get("values")));
        file.write((record + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    String unreadable =
        String.join(
            "\n",
            "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset\":"
                + SENTINEL
                + "_BARE}}",
            "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset\":\""
                + SENTINEL
                + "_DUP\",\"onset\":1}}",
            "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset\":\""
                + SENTINEL
                + "_CUT",
            "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset\":\""
                + SENTINEL
                + "_LONG"
                + "x".repeat(1 << 20)
                + "\"}}",
            "[\"" + SENTINEL + "_ARRAY\"]",
            "");
    file.write(unreadable.getBytes(StandardCharsets.UTF_8));
    file.write(
        ("{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"onset\":\""
                + SENTINEL
                + "_Bj\u00f8rn\"}}\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    return Files.write(temp.resolve("records.jsonl"), file.toByteArray());
  }

  private static JsonNode sentinelised(JsonNode value) {
    if (value.isTextual()) return JSON.getNodeFactory().textNode(SENTINEL + value.asText());
    if (value.isNumber()) return JSON.getNodeFactory().numberNode(new java.math.BigDecimal(NUMBER));
    if (value.isArray()) {
      ArrayNode array = JSON.createArrayNode();
      value.forEach(element -> array.add(sentinelised(element)));
      return array;
    }
    if (value.isObject()) {
      ObjectNode object = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        object.set(field.getKey(), sentinelised(field.getValue()));
      }
      return object;
    }
    return value;
  }

  /**
   * The patient keys and record ids of generated synthetic records: identifiers as far as the tool
   * knows.
   */
  private static List<String> identifiers(Path generated) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(generated, StandardCharsets.UTF_8)) {
      JsonNode record = JSON.readTree(line);
      ids.add("\"" + record.get("patient").asText() + "\"");
      ids.add(record.get("id").asText());
    }
    assertThat(ids).hasSizeGreaterThan(40);
    return ids;
  }

  private static List<String> exitCodes(String out) {
    return out.lines()
        .filter(line -> line.startsWith("== exit "))
        .map(line -> line.substring("== exit ".length()))
        .toList();
  }

  private record Output(String out, String err) {}

  private Output runInOwnJvm(Path script) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = temp.resolve("stdout.txt");
    Path err = temp.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.jboss.logging.provider=slf4j",
                "-cp",
                System.getProperty("java.class.path"),
                SentinelDriver.class.getName(),
                script.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the commands finish").isTrue();
    return new Output(
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
