package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the REDCap dictionary back with Commons CSV and compares its layout with real REDCap
 * dictionaries.
 */
class RedcapExportTest {

  /** Real REDCap data dictionaries (from REDCapR's test projects), in the shared examples. */
  /** The real public REDCap dictionaries, copied into the test resources by the import tests. */
  private static final Path EXAMPLES = Path.of("src", "test", "resources", "importer", "redcap");

  private static final List<String> REAL =
      List.of(
          "clinical-trial-1.csv",
          "longitudinal.csv",
          "potentially-problematic-dictionary.csv",
          "repeating-instruments.csv");
  private static final Set<String> FIELD_TYPES =
      Set.of(
          "text",
          "notes",
          "calc",
          "dropdown",
          "radio",
          "checkbox",
          "yesno",
          "truefalse",
          "file",
          "slider",
          "descriptive",
          "sql");
  private static final Pattern FIELD_REFERENCE =
      Pattern.compile("\\[([a-z][a-z0-9_]*)(\\([^)]*\\))?]");

  private static CSVParser parser(Reader reader) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
  }

  private static List<CSVRecord> read(String csv) throws IOException {
    try (CSVParser parser = parser(new StringReader(csv))) {
      return parser.getRecords();
    }
  }

  static Stream<Path> examples() {
    return REAL.stream().map(EXAMPLES::resolve);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void header_comparedWithARealRedcapDictionary_isTheSame(Path example) throws IOException {
    String text = Files.readString(example, StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<String> real;
    try (CSVParser parser = parser(new StringReader(text))) {
      real = parser.getHeaderNames();
    }
    String ours =
        MetadataExporter.create()
            .export(Registries.load("ms"), ExportFormat.REDCAP)
            .fileOrThrow(RedcapExport.FILE)
            .content();
    try (CSVParser parser = parser(new StringReader(ours))) {
      assertThat(parser.getHeaderNames()).containsExactlyElementsOf(real).hasSize(18);
    }
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void dictionary_readBack_isAWellFormedRedcapDictionary(String id) throws IOException {
    List<CSVRecord> rows =
        read(
            MetadataExporter.create()
                .export(Registries.load(id), ExportFormat.REDCAP)
                .fileOrThrow(RedcapExport.FILE)
                .content());

    assertThat(rows.get(0).get("Variable / Field Name")).isEqualTo("record_id");
    Set<String> names = new HashSet<>();
    for (CSVRecord row : rows) {
      assertThat(row.size()).isEqualTo(18);
      String name = row.get("Variable / Field Name");
      assertThat(names.add(name)).as("unique field name %s", name).isTrue();
      assertThat(name).matches("[a-z][a-z0-9_]*");
      assertThat(row.get("Form Name")).matches("[a-z][a-z0-9_]*");
      assertThat(row.get("Field Type")).isIn(FIELD_TYPES);
      if (Set.of("radio", "dropdown", "checkbox").contains(row.get("Field Type"))) {
        assertThat(row.get("Choices, Calculations, OR Slider Labels"))
            .matches("[^,|]+, [^|]*( \\| [^,|]+, [^|]*)*");
      }
    }
    for (CSVRecord row : rows) {
      for (String column :
          List.of(
              "Branching Logic (Show field only if...)",
              "Choices, Calculations, OR Slider Labels")) {
        if (column.startsWith("Choices") && !row.get("Field Type").equals("calc")) continue;
        Matcher m = FIELD_REFERENCE.matcher(row.get(column));
        while (m.find()) {
          assertThat(names).as("field named in %s of %s", column, row.get(0)).contains(m.group(1));
        }
      }
    }
    assertThat(
            rows.stream().filter(r -> !r.get("Branching Logic (Show field only if...)").isEmpty()))
        .isNotEmpty();
  }

  @Test
  void dictionary_trickyForm_translatesConditionsAndCalculations() throws IOException {
    ExportResult result =
        MetadataExporter.create().export(Registries.load("tricky"), ExportFormat.REDCAP);
    Map<String, CSVRecord> rows =
        read(result.fileOrThrow(RedcapExport.FILE).content()).stream()
            .collect(Collectors.toMap(r -> r.get(0), r -> r));

    assertThat(rows.get("cigarettes").get("Branching Logic (Show field only if...)"))
        .isEqualTo("[smoker] = '1'");
    assertThat(rows.get("cigarettes").get("Text Validation Type OR Show Slider Number"))
        .isEqualTo("integer");
    assertThat(rows.get("cigarettes").get("Text Validation Min")).isEqualTo("1");
    assertThat(rows.get("worry_detail").get("Branching Logic (Show field only if...)"))
        .isEqualTo("[worry] = '1' or [worry] = '2'");
    assertThat(rows.get("worry").get("Field Type")).isEqualTo("radio");
    assertThat(rows.get("worry").get("Choices, Calculations, OR Slider Labels"))
        .isEqualTo("0, Aldri <i> | 1, Av og til | 2, Ofte & mye");
    assertThat(rows.get("symptoms_any").get("Field Type")).isEqualTo("checkbox");
    assertThat(rows.get("total").get("Field Type")).isEqualTo("calc");
    // REDCap's sum() would skip an empty item where regforms' sum is unknown; '+' is empty as
    // regforms is.
    assertThat(rows.get("total").get("Choices, Calculations, OR Slider Labels"))
        .isEqualTo("[q1] + [q2]");
    assertThat(rows.get("smoker").get("Field Type")).isEqualTo("yesno");
    assertThat(rows.get("response_date").get("Text Validation Max")).isEqualTo("today");
    assertThat(rows.get("weight").get("Text Validation Type OR Show Slider Number"))
        .isEqualTo("number_1dp");
    assertThat(rows.get("postcode").get("Identifier?")).isEqualTo("y");
    assertThat(rows.get("late_help").get("Branching Logic (Show field only if...)"))
        .isEqualTo("datediff([response_date], 'today', \"d\", true) > 30 or [sleep] = '2'");
    assertThat(result.notes())
        .extracting(n -> n.item() + ": " + n.message())
        .anyMatch(n -> n.startsWith("weight_if_smoker: cross-field rule"));
  }

  @Test
  void dictionary_computedAgeFromYear_becomesACalcField() throws IOException {
    CSVRecord age =
        read(
                MetadataExporter.create()
                    .export(Registries.load("ect"), ExportFormat.REDCAP)
                    .fileOrThrow(RedcapExport.FILE)
                    .content())
            .stream()
            .filter(r -> r.get(0).equals("age_at_start"))
            .findFirst()
            .orElseThrow();

    assertThat(age.get("Field Type")).isEqualTo("calc");
    assertThat(age.get("Choices, Calculations, OR Slider Labels"))
        .isEqualTo("year([course_start]) - [birth_year]");
  }

  @Test
  void dictionary_conditionWithoutRedcapForm_isNotedAndLeftOut() throws IOException {
    ExportResult result =
        MetadataExporter.create().export(Registries.load("ect"), ExportFormat.REDCAP);

    assertThat(result.notes())
        .extracting(ExportNote::message)
        .anyMatch(
            m ->
                m.startsWith(
                    "condition 'coalesce(indication_outside_list, false) = false' cannot be written"));
  }
}
