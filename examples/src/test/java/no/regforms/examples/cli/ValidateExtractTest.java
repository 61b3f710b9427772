package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.extract.CsvExtractWriter;
import no.regforms.extract.ExtractLayout;
import no.regforms.record.Record;
import no.regforms.synthetic.SyntheticDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code validate} reads CSV extracts as {@code load} and {@code indicators} do: MRS data dumps of
 * the three registries and OpenQReg tables, every cell problem located by file, row and column, bad
 * rows reported and the rest validated.
 */
class ValidateExtractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  record Run(int exit, String out, String err) {
    List<JsonNode> lines() throws Exception {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
      return lines;
    }

    JsonNode summary() throws Exception {
      List<JsonNode> all = lines();
      return all.get(all.size() - 1);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * Synthetic records of {@code registry}, written as an extract in {@code layout}; returns the
   * records.
   */
  private static List<Record> extract(Registry registry, ExtractLayout layout, Path folder)
      throws Exception {
    SyntheticProfile profile =
        registry
            .syntheticProfile()
            .orElseGet(() -> SyntheticProfile.uniform(List.copyOf(registry.forms().keySet())));
    List<Record> records = new ArrayList<>();
    SyntheticDataGenerator.of(registry, profile, LocalDate.of(2025, 6, 30))
        .generate(8, 5, 0, r -> records.add(r.record()));
    CsvExtractWriter.of(registry, layout).write(records, folder);
    return records;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect", "kvarus"})
  void validate_mrsDumpOfValidRecords_everyRecordValid(String id) throws Exception {
    Registry registry = DefinitionLoader.create().loadModule(id).registryOrThrow();
    List<Record> records = extract(registry, ExtractLayout.MRS, temp.resolve("dump"));

    Run run = run("validate", "--registry", id, temp.resolve("dump").toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    JsonNode summary = run.summary();
    assertThat(summary.get("records").asLong()).isEqualTo(records.size());
    assertThat(summary.get("valid").asLong()).isEqualTo(records.size());
    assertThat(summary.get("cellErrors").asLong()).isZero();
  }

  @Test
  void validate_mrsDumpWithBadCells_eachLocatedByFileRowColumn_restValidated() throws Exception {
    Registry registry = DefinitionLoader.create().loadModule("ms").registryOrThrow();
    Path dump = temp.resolve("dump");
    List<Record> records = extract(registry, ExtractLayout.MRS, dump);
    // Break one date cell in the second and third data rows (rows 3 and 4) of a form's file.
    Path file = null;
    int column = -1;
    try (var files = Files.list(dump)) {
      for (Path candidate : files.sorted().toList()) {
        if (lines(candidate).size() < 4) continue;
        column = dateColumn(lines(candidate));
        if (column >= 0) {
          file = candidate;
          break;
        }
      }
    }
    assertThat(file).as("a file with dates in rows 3 and 4").isNotNull();
    List<String> lines = new ArrayList<>(lines(file));
    for (int row : new int[] {2, 3}) {
      String[] cells = lines.get(row).split(";", -1);
      cells[column] = "31.02.2024";
      lines.set(row, String.join(";", cells));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);

    Run run = run("validate", "--registry", "ms", dump.toString());

    assertThat(run.exit()).isEqualTo(1);
    String name = file.getFileName().toString();
    for (int row : new int[] {3, 4}) {
      JsonNode line =
          run.lines().stream()
              .filter(l -> name.equals(l.path("file").asText()) && l.path("row").asInt() == row)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no line for row " + row + " in " + run.out()));
      JsonNode cell = line.get("issues").get(0);
      assertThat(cell.get("code").asText()).isEqualTo("invalid_format");
      assertThat(cell.get("file").asText()).isEqualTo(name);
      assertThat(cell.get("line").asInt()).isEqualTo(row);
      assertThat(cell.get("column").asInt()).isEqualTo(column + 1);
    }
    assertThat(run.out()).doesNotContain("31.02.2024");
    JsonNode summary = run.summary();
    assertThat(summary.get("records").asLong()).isEqualTo(records.size());
    assertThat(summary.get("cellErrors").asLong()).isEqualTo(2);
    // A broken cell keeps its text, so the record it belongs to fails validation there (a repeat
    // group's rows are part of their form's record).
    assertThat(summary.get("withErrors").asLong()).isBetween(1L, 2L);
    assertThat(summary.get("valid").asLong())
        .isEqualTo(records.size() - summary.get("withErrors").asLong());
  }

  @Test
  void validate_realMrsDumpLayout_badDateLocatedAndTheOtherRowsValidated() throws Exception {
    Path dump = Files.createDirectories(temp.resolve("kvarus"));
    String name = "DataDump_Prod_measurement_clinician_2024-10-28_1403.csv";
    Files.copy(Path.of("../core/src/test/resources/extract/" + name), dump.resolve(name));

    Run run = run("validate", "--registry", "kvarus", "--layout", "mrs", dump.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines())
        .anySatisfy(
            l -> {
              assertThat(l.path("file").asText()).isEqualTo(name);
              assertThat(l.path("row").asInt()).isEqualTo(4);
              assertThat(l.get("issues").get(0).get("column").asInt()).isEqualTo(4);
            });
    assertThat(run.out()).doesNotContain("31.02");
    assertThat(run.summary().get("records").asLong()).isEqualTo(3);
  }

  @Test
  void validate_openQRegTablesWithMapping_readAsTheRegistrysForms() throws Exception {
    Path registryFolder = temp.resolve("norgast");
    Run imported =
        run(
            "import",
            "--from",
            "oqr",
            "--out",
            registryFolder.toString(),
            "../core/src/test/resources/importer/openqreg/NoRGast_klokeboken_2020-04-28.csv");
    assertThat(imported.exit()).as(imported.err()).isIn(0, 1);
    Registry registry = DefinitionLoader.create().load(registryFolder).registryOrThrow();
    Path tables = temp.resolve("tables");
    List<Record> records = extract(registry, ExtractLayout.OPENQREG, tables);
    // OpenQReg names its table and columns otherwise: rename one file and one column, and map them
    // back.
    Path registrering = tables.resolve("registrering.csv");
    List<String> lines = new ArrayList<>(lines(registrering));
    assertThat(lines.get(0)).contains(";registration_previous_weight;");
    lines.set(0, lines.get(0).replace(";registration_previous_weight;", ";PREVIOUS_WEIGHT;"));
    Files.write(tables.resolve("registration.csv"), lines, StandardCharsets.UTF_8);
    Files.delete(registrering);
    Path mapping = temp.resolve("mapping.json");
    Files.writeString(
        mapping,
        """
        {"forms": {"registration": "registrering"},
         "columns": {"registrering": {"PREVIOUS_WEIGHT": "registration_previous_weight"}}}""");

    Run withMapping =
        run(
            "validate",
            "--registry",
            registryFolder.toString(),
            "--layout",
            "oqr",
            "--mapping",
            mapping.toString(),
            tables.toString());
    Run without =
        run(
            "validate",
            "--registry",
            registryFolder.toString(),
            "--layout",
            "oqr",
            tables.toString());

    assertThat(withMapping.exit()).as(withMapping.out()).isZero();
    assertThat(withMapping.summary().get("valid").asLong()).isEqualTo(records.size());
    assertThat(without.summary().get("extractWarnings").asLong()).isPositive();
    assertThat(without.out()).contains("registration.csv");
  }

  @Test
  void validate_unknownLayout_isAUsageError() throws Exception {
    Files.createDirectories(temp.resolve("dump"));

    Run run =
        run("validate", "--registry", "ms", "--layout", "excel", temp.resolve("dump").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--layout must be mrs or oqr");
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A column whose cells in rows 2 and 3 (0-based) are dates dd.mm.yyyy, or -1. */
  private static int dateColumn(List<String> lines) {
    for (int c = 0; c < lines.get(0).split(";", -1).length; c++) {
      String a = cellAt(lines.get(2), c);
      String b = cellAt(lines.get(3), c);
      if (a.matches("\\d\\d\\.\\d\\d\\.\\d{4}") && b.matches("\\d\\d\\.\\d\\d\\.\\d{4}")) return c;
    }
    return -1;
  }

  private static String cellAt(String line, int column) {
    String[] cells = line.split(";", -1);
    return column < cells.length ? cells[column] : "";
  }
}
