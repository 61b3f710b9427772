package no.regforms.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.importer.CodebookFormat;
import no.regforms.importer.CodebookImporter;
import no.regforms.importer.ImportOptions;
import no.regforms.importer.ImportResult;
import no.regforms.record.Record;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.validation.RecordValidator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenQReg extract in the layout of a real codebook (NoRGast's Klokeboken): one file per table
 * ({@code registration.csv}), columns named by the codebook's {@code fysisk_feltnavn}, read into
 * the registry imported from that codebook through a mapping file made from the codebook's {@code
 * tabell}, {@code fysisk_feltnavn} and {@code variabel_id} columns.
 */
class OpenQRegExtractTest {

  private static final Path CODEBOOK =
      Path.of("src/test/resources/importer/openqreg/NoRGast_klokeboken_2020-04-28.csv");

  @TempDir Path dir;

  @Test
  void norgastTables_namedAsTheCodebookSays_readThroughMappingIntoTheImportedRegistry()
      throws Exception {
    ImportResult imported =
        CodebookImporter.create().read(CodebookFormat.OPENQREG, CODEBOOK, ImportOptions.defaults());
    imported.writeTo(dir.resolve("norgast"), false);
    List<Record> records = new ArrayList<>();
    // The two clinical tables, with values for the free texts whose allowed characters the
    // generator does not
    // draw from (the patient table's identifiers are covered by ImportedRegistryGenerateTest).
    Files.writeString(
        dir.resolve("norgast/synthetic.json"),
        """
        {"patientForms": [{"form": "registrering", "count": [1, 1]}, {"form": "reinnleggelse_oppfolging", "count": [0, 1]}],
         "variables": {"registration_anesthesia_start": {"values": ["08", "13"]},
           "registration_icd10": {"values": ["C18.7", "K57.3"]}, "registration_ncsp": {"values": ["JFB30", "JFH10"]}}}""");
    Registry registry = DefinitionLoader.create().load(dir.resolve("norgast")).registryOrThrow();
    SyntheticDataGenerator.of(
            registry, registry.syntheticProfile().orElseThrow(), LocalDate.of(2025, 6, 30))
        .generate(15, 11, 0, r -> records.add(r.record()));
    Codebook codebook = Codebook.read(CODEBOOK, registry);

    // The writer names files and columns after the definition; rename them as OpenQReg does.
    Path written = dir.resolve("written");
    Path extract = Files.createDirectories(dir.resolve("extract"));
    for (Path file :
        CsvExtractWriter.of(registry, ExtractLayout.OPENQREG).write(records, written)) {
      String form = file.getFileName().toString().replace(".csv", "");
      String table = codebook.tableOf(form);
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> header = new ArrayList<>();
      for (String column : lines.get(0).split(";", -1)) header.add(codebook.columnOf(form, column));
      lines.set(0, String.join(";", header));
      Files.write(extract.resolve(table + ".csv"), lines, StandardCharsets.UTF_8);
    }
    Path mapping = dir.resolve("mapping.json");
    new ObjectMapper()
        .writeValue(mapping.toFile(), Map.of("forms", codebook.forms, "columns", codebook.columns));
    assertThat(Files.list(extract).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("readmission.csv", "registration.csv");
    assertThat(Files.readAllLines(extract.resolve("registration.csv")).get(0))
        .contains(";PREVIOUS_WEIGHT;", ";ASA;", ";STATUS");

    List<Issue> problems = new ArrayList<>();
    List<Record> read =
        MrsExtractTest.read(
            RecordSource.open(
                registry,
                extract,
                ExtractLayout.OPENQREG,
                Optional.of(ExtractMapping.read(mapping))),
            problems);

    assertThat(problems).as("every column maps to a variable, every cell converts").isEmpty();
    assertThat(read).hasSameSizeAs(records);
    assertThat(checked(registry, read)).isEqualTo(checked(registry, records));
  }

  private static Map<String, String> checked(Registry registry, List<Record> records) {
    RecordValidator validator = RecordValidator.of(registry);
    Map<String, String> out = new TreeMap<>();
    for (Record r : records) {
      out.put(
          r.form() + "/" + r.id(),
          r.patient() + "/" + r.unit() + "/" + new TreeMap<>(validator.validate(r).values()));
    }
    return out;
  }

  /**
   * The codebook's table and physical column of each imported variable, as a mapping file names
   * them.
   */
  private static final class Codebook {
    final Map<String, String> forms = new LinkedHashMap<>();
    final Map<String, Map<String, String>> columns = new LinkedHashMap<>();

    static Codebook read(Path file, Registry registry) throws Exception {
      Codebook codebook = new Codebook();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser rows =
              CSVFormat.DEFAULT
                  .builder()
                  .setDelimiter(';')
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .build()
                  .parse(in)) {
        for (CSVRecord row : rows) {
          String table = row.get("tabell");
          String variable = row.get("variabel_id").toLowerCase(Locale.ROOT);
          if (table.isEmpty()) continue;
          registry.forms().values().stream()
              .filter(f -> f.variables().containsKey(variable))
              .findFirst()
              .ifPresent(
                  form -> {
                    codebook.forms.put(table, form.id());
                    codebook
                        .columns
                        .computeIfAbsent(form.id(), k -> new TreeMap<>())
                        .put(row.get("fysisk_feltnavn"), variable);
                  });
        }
      }
      return codebook;
    }

    String tableOf(String form) {
      return forms.entrySet().stream()
          .filter(e -> e.getValue().equals(form))
          .findFirst()
          .orElseThrow()
          .getKey();
    }

    /**
     * The physical name of a column the writer named after a variable; envelope columns keep
     * theirs.
     */
    String columnOf(String form, String column) {
      return columns.getOrDefault(form, Map.of()).entrySet().stream()
          .filter(e -> e.getValue().equals(column))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(column);
    }
  }
}
