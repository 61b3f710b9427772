package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tidy results table, reading from a file, and what the table and report never show. */
class ResultTableWriterTest {

  private static final Registry QI = Fixtures.testRegistry("qi");

  private static List<Record> records() {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      records.add(
          record(
              "qi",
              "case",
              "a" + i,
              "pa" + i,
              "",
              "hf",
              "bergen",
              "event_date",
              "2024-01-01",
              "met",
              i < 5));
    }
    for (int i = 0; i < 2; i++) {
      records.add(
          record(
              "qi",
              "case",
              "b" + i,
              "pb" + i,
              "",
              "hf",
              "ous",
              "event_date",
              "2024-01-01",
              "met",
              true));
    }
    records.add(record("qi", "case", "c", "pc", "", "hf", "ous", "event_date", "2024-01-01"));
    return records;
  }

  @Test
  void writeCsv_suppressedRow_showsNoCountsButItsReason() throws Exception {
    IndicatorResults results =
        IndicatorCalculator.of(QI)
            .calculate(
                records().iterator(),
                RunOptions.years(2024).withIndicators(Set.of("qi_ms_diagnosis")));
    StringWriter out = new StringWriter();

    ResultTableWriter.writeCsv(results, out);

    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .build()
            .parse(new java.io.StringReader(out.toString()))
            .getRecords();
    CSVRecord ous =
        rows.stream().filter(r -> r.get("group").equals("ous")).findFirst().orElseThrow();
    CSVRecord bergen =
        rows.stream().filter(r -> r.get("group").equals("bergen")).findFirst().orElseThrow();
    CSVRecord vest =
        rows.stream().filter(r -> r.get("group").equals("helse_vest")).findFirst().orElseThrow();
    assertThat(ous.get("suppressed")).isEqualTo("primary");
    assertThat(
            ous.get("numerator") + ous.get("denominator") + ous.get("value") + ous.get("left_out"))
        .isEmpty();
    assertThat(bergen.get("numerator")).isEqualTo("5");
    assertThat(bergen.get("value")).isEqualTo("0.714286");
    assertThat(bergen.get("attainment")).isEqualTo("M");
    // Helse Sør-Øst (3 cases) is hidden; the nation minus Helse Vest would give it away, so Helse
    // Vest is hidden as well.
    assertThat(
            rows.stream()
                .filter(r -> r.get("group").equals("helse_sor_ost"))
                .findFirst()
                .orElseThrow()
                .get("suppressed"))
        .isEqualTo("primary");
    assertThat(vest.get("suppressed")).isEqualTo("secondary");
    assertThat(vest.get("denominator")).isEmpty();
    assertThat(
            rows.stream()
                .filter(r -> r.get("group").equals("national"))
                .findFirst()
                .orElseThrow()
                .get("denominator"))
        .isEqualTo("9");
  }

  @Test
  void calculateFromFile_unsortedJsonLines_matchesInMemoryRunAndWritesJson(@TempDir Path dir)
      throws Exception {
    List<Record> records = records();
    Path file = dir.resolve("records.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (int i = records.size() - 1; i >= 0; i--) {
      Record r = records.get(i);
      lines.add(
          json.writeValueAsString(
              java.util.Map.of(
                  "registry",
                  "qi",
                  "form",
                  r.form(),
                  "id",
                  r.id(),
                  "patient",
                  r.patient(),
                  "unit",
                  r.unit(),
                  "values",
                  r.values().asMap())));
    }
    lines.add("{not json");
    Files.write(file, lines, StandardCharsets.UTF_8);
    RunOptions options =
        RunOptions.years(2024)
            .withIndicators(Set.of("qi_ms_diagnosis"))
            .withSpill(3, java.util.Optional.of(dir));

    IndicatorResults fromFile = IndicatorCalculator.of(QI).calculate(file, options);
    IndicatorResults inMemory = IndicatorCalculator.of(QI).calculate(records.iterator(), options);
    StringWriter out = new StringWriter();
    ResultTableWriter.writeJson(fromFile, out);

    assertThat(fromFile.results()).isEqualTo(inMemory.results());
    assertThat(fromFile.diagnostics().errors()).hasSize(1);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("records.jsonl");
    }
    JsonNode doc = json.readTree(out.toString());
    assertThat(doc.path("results").get(0).path("indicator").asText()).isEqualTo("qi_ms_diagnosis");
    assertThat(doc.path("issues")).hasSize(1);
    assertThat(doc.path("issues").get(0).fieldNames())
        .toIterable()
        .containsExactly("severity", "code", "message");
  }

  @Test
  void render_definitionTextWithMarkup_isEscaped() {
    IndicatorResults results =
        IndicatorCalculator.of(QI).calculate(records().iterator(), RunOptions.years(2023, 2024));

    String html = IndicatorReport.of(QI, "nb").render(results, 2024, GroupLevel.HF);

    assertThat(html)
        .contains("Helse Bergen HF (7)")
        .contains("71 %")
        .contains("Færre enn 5 observasjoner");
    assertThat(html)
        .doesNotContain("<script")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «merking»");
    assertThat(html).contains("Gjennomsnittlig skår");
  }

  @Test
  void writeCsv_coverage_denominatorIsTheExpectedCountAndEmptyWithoutOne() throws Exception {
    Registry ms = Fixtures.registry("ms");
    List<Record> records = Fixtures.msInclusions(6, "forde", "2024-04-04");
    RunOptions options = RunOptions.years(2024).withIndicators(Set.of("ms_coverage_new"));
    ExpectedCounts expected =
        ExpectedCounts.parse(
            "indicator;year;hf;expected\nms_coverage_new;2024;forde;8\n",
            "exp.csv",
            ms.organisations());

    CSVRecord without = national(IndicatorCalculator.of(ms).calculate(records.iterator(), options));
    CSVRecord with =
        national(
            IndicatorCalculator.of(ms)
                .calculate(records.iterator(), options.withExpected(expected)));

    assertThat(without.get("numerator")).isEqualTo("6");
    assertThat(without.get("denominator") + without.get("expected") + without.get("value"))
        .as("no share to read")
        .isEmpty();
    assertThat(with.get("numerator")).isEqualTo("6");
    assertThat(with.get("denominator")).isEqualTo("8");
    assertThat(with.get("value")).isEqualTo("0.75");
  }

  private static CSVRecord national(IndicatorResults results) throws Exception {
    StringWriter out = new StringWriter();
    ResultTableWriter.writeCsv(results, out);
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .build()
        .parse(new java.io.StringReader(out.toString()))
        .getRecords()
        .stream()
        .filter(r -> r.get("group").equals("national"))
        .findFirst()
        .orElseThrow();
  }
}
