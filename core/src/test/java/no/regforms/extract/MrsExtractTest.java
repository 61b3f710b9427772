package no.regforms.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MRS data dumps: synthetic records of the three registries written and read back, and a dump as
 * MRS writes it.
 */
class MrsExtractTest {

  @TempDir Path dir;

  static Registry registry(String id) {
    return DefinitionLoader.create().load(folder(id)).registryOrThrow();
  }

  static Path folder(String id) {
    return Path.of("..", "forms-" + id, "src", "main", "resources", "registries", id);
  }

  static List<Record> generate(Registry registry, String id, int patients, double invalid)
      throws Exception {
    List<Record> records = new ArrayList<>();
    SyntheticDataGenerator.of(
            registry, registry.syntheticProfile().orElseThrow(), LocalDate.of(2025, 6, 30))
        .generate(patients, 7, invalid, r -> records.add(r.record()));
    return records;
  }

  static List<Record> read(RecordSource source, List<Issue> problems) {
    List<Record> out = new ArrayList<>();
    Iterator<RecordLine> lines = source.records(problems::add);
    lines.forEachRemaining(line -> out.add(line.record().orElseThrow()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect", "kvarus"})
  void syntheticRecords_writtenAsMrsDumpsAndReadBack_sameRecordsAndIndicators(String id)
      throws Exception {
    Registry registry = registry(id);
    List<Record> records = generate(registry, id, 60, 0);
    List<Path> files = CsvExtractWriter.of(registry, ExtractLayout.MRS).write(records, dir);
    assertThat(files)
        .allMatch(f -> ExtractLayout.MRS.fileName().matcher(f.getFileName().toString()).matches());
    assertThat(Files.readString(files.get(0)))
        .startsWith("\uFEFFSkjemaGUID;PasientGUID;UnitId;")
        .contains(";\r\n");

    List<Issue> problems = new ArrayList<>();
    List<Record> read =
        read(RecordSource.open(registry, dir, ExtractLayout.MRS, Optional.empty()), problems);

    assertThat(problems).isEmpty();
    assertThat(checked(registry, read)).isEqualTo(checked(registry, records));
    RunOptions options =
        RunOptions.years(2020, 2021, 2022, 2023, 2024).withToday(LocalDate.of(2025, 6, 30));
    IndicatorResults fromJson =
        IndicatorCalculator.of(registry).calculate(records.iterator(), options);
    IndicatorResults fromCsv = IndicatorCalculator.of(registry).calculate(read.iterator(), options);
    assertThat(fromCsv.results()).isEqualTo(fromJson.results());
  }

  /**
   * Each record's envelope and checked values (an empty row list and no list check alike), by
   * record id.
   */
  private static java.util.Map<String, String> checked(Registry registry, List<Record> records) {
    RecordValidator validator = RecordValidator.of(registry);
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (Record r : records) {
      out.put(
          r.form() + "/" + r.id(),
          r.patient()
              + "/"
              + r.unit()
              + "/"
              + new java.util.TreeMap<>(validator.validate(r).values()));
    }
    return out;
  }

  @Test
  void mrsDump_asMrsWritesIt_convertsCellsAndLocatesEveryBadCell() throws Exception {
    Registry registry = registry("kvarus");
    Path file = dir.resolve("DataDump_Prod_measurement_clinician_2024-10-28_1403.csv");
    Files.copy(
        Path.of(
            "src/test/resources/extract/DataDump_Prod_measurement_clinician_2024-10-28_1403.csv"),
        file);
    List<Issue> problems = new ArrayList<>();

    List<Record> read =
        read(RecordSource.open(registry, file, ExtractLayout.MRS, Optional.empty()), problems);

    assertThat(read).hasSize(3);
    Record first = read.get(0);
    assertThat(first.id()).isEqualTo("6f1c2a3e-0b7d-4c55-9a1e-2d3f4a5b6c7d");
    assertThat(first.patient()).isEqualTo("0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d");
    assertThat(first.unit()).isEqualTo("4210001");
    assertThat(first.values().get("measurement_date")).isEqualTo("2024-03-05");
    assertThat(first.values().get("measurement_seq")).isEqualTo(new java.math.BigDecimal("1"));
    assertThat(first.values().get("crisis_plan")).isEqualTo(true);
    assertThat(first.values().get("treatment_plan")).isEqualTo(false);
    assertThat(first.values().has("treatment_status")).as("-1 = velg verdi").isFalse();
    Record second = read.get(1);
    assertThat(second.values().has("crisis_plan")).as("-1 boolean: no answer").isFalse();
    assertThat(second.values().get("treatment_plan")).isEqualTo(true);
    Record third = read.get(2);
    assertThat(third.values().get("measurement_date"))
        .as("a bad date is kept as text")
        .isEqualTo("31.02.2024");
    assertThat(problems)
        .extracting(i -> ((SourceLocation) i.location()).display())
        .containsExactly(
            "DataDump_Prod_measurement_clinician_2024-10-28_1403.csv:4:4",
            "DataDump_Prod_measurement_clinician_2024-10-28_1403.csv:4:7");
    assertThat(problems)
        .allMatch(i -> !i.text("en").contains("31.02"), "no cell value in a message");
  }
}
