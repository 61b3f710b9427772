package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * A mean indicator's outputs: {@code results.csv} leaves its numerator empty (a mean has none; its
 * cases are the denominator), and its report chart ranks by the indicator's direction, lowest first
 * where lower is better.
 */
class MeanIndicatorOutputTest {

  private static final Registry HIP =
      DefinitionLoader.create()
          .load(Path.of("src/test/resources/registries/hipfracture"))
          .registryOrThrow();

  /** Five operated cases at each unit, surgery {@code hours} after admission. */
  private static IndicatorResults results() {
    List<Record> records = new ArrayList<>();
    Map<String, Integer> hours = Map.of("slow", 50, "fast", 10, "middle", 30);
    int line = 0;
    for (Map.Entry<String, Integer> unit : hours.entrySet()) {
      for (int i = 0; i < 5; i++) {
        line++;
        records.add(
            new Record(
                "hipfracture",
                "admission",
                "1",
                "r" + line,
                "p" + line,
                unit.getKey(),
                RecordValues.of(
                    Map.of(
                        "admitted_at",
                        "2024-03-01T08:00",
                        "birth_date",
                        "1940-05-01",
                        "fracture_type",
                        "neck",
                        "operated",
                        true,
                        "surgery_at",
                        java.time.LocalDateTime.of(2024, 3, 1, 8, 0)
                            .plusHours(unit.getValue())
                            .toString(),
                        "delay_reason",
                        "medical")),
                line));
      }
    }
    RunOptions options =
        new RunOptions(
            List.of(2024),
            Set.of("minutes_to_surgery", "surgery_within_48h"),
            ExpectedCounts.NONE,
            false,
            RunOptions.DEFAULT_MAX_RECORDS_IN_MEMORY,
            Optional.empty(),
            LocalDate.of(2025, 6, 30));
    return IndicatorCalculator.of(HIP).calculate(records.iterator(), options);
  }

  @Test
  void writeCsv_meanIndicator_numeratorEmptyDenominatorTheCases() throws Exception {
    StringWriter csv = new StringWriter();
    ResultTableWriter.writeCsv(results(), csv);

    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv.toString()))
            .getRecords();
    CSVRecord mean =
        rows.stream()
            .filter(
                r ->
                    r.get("indicator").equals("minutes_to_surgery")
                        && r.get("level").equals("national"))
            .findFirst()
            .orElseThrow();
    CSVRecord share =
        rows.stream()
            .filter(
                r ->
                    r.get("indicator").equals("surgery_within_48h")
                        && r.get("level").equals("national"))
            .findFirst()
            .orElseThrow();
    assertThat(mean.get("numerator")).isEmpty();
    assertThat(mean.get("denominator")).isEqualTo("15");
    assertThat(mean.get("value")).isEqualTo("1800"); // (10 + 30 + 50) / 3 hours, in minutes
    assertThat(share.get("numerator")).isEqualTo("10");
  }

  @Test
  void report_meanLowerIsBetter_barsLowestFirst() {
    String page = IndicatorReport.of(HIP, "en").render(results(), 2024, GroupLevel.UNIT);

    String section = page.substring(page.indexOf("Minutes from admission to surgery"));
    int fast = section.indexOf("fast (5)");
    int middle = section.indexOf("middle (5)");
    int slow = section.indexOf("slow (5)");
    assertThat(fast).isPositive().isLessThan(middle);
    assertThat(middle).isLessThan(slow);
  }
}
