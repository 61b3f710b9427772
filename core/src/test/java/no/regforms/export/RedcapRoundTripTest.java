package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.importer.CodebookFormat;
import no.regforms.importer.CodebookImporter;
import no.regforms.importer.ImportOptions;
import no.regforms.importer.ImportResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The REDCap dictionary of every registry, and of every registry imported from the test codebooks,
 * keeps REDCap's documented upload rules ({@link RedcapUploadRules}); and a dictionary exported,
 * imported with regforms' REDCap importer and exported again is the same dictionary.
 */
class RedcapRoundTripTest {

  @TempDir Path folder;

  static Stream<Arguments> imported() {
    return Stream.of(
        Arguments.of(CodebookFormat.OPENQREG, "openqreg/NoRGast_klokeboken_2020-04-28.csv"),
        Arguments.of(CodebookFormat.MRS, "mrs/Kodebok_NordicScir.xlsx"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/clinical-trial-1.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/longitudinal.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/potentially-problematic-dictionary.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/repeating-instruments.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/untranslatable.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/field-types.csv"));
  }

  private static String dictionary(Registry registry) {
    return MetadataExporter.create()
        .export(registry, ExportFormat.REDCAP)
        .fileOrThrow(RedcapExport.FILE)
        .content();
  }

  private Registry importDictionary(CodebookFormat format, Path file, String into)
      throws IOException {
    ImportResult result = CodebookImporter.create().read(format, file, ImportOptions.defaults());
    assertThat(result.hasErrors()).as("import errors: %s", result.notes()).isFalse();
    Path out = folder.resolve(into);
    result.writeTo(out, false);
    LoadResult loaded = DefinitionLoader.create().load(out);
    assertThat(loaded.diagnostics().errors()).as("imported %s", file).isEmpty();
    return loaded.registryOrThrow();
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void dictionary_realRegistry_keepsRedcapsUploadRules(String id) throws IOException {
    assertThat(RedcapUploadRules.check(dictionary(Registries.load(id)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("imported")
  void dictionary_importedRegistry_keepsRedcapsUploadRules(CodebookFormat format, String codebook)
      throws Exception {
    Registry registry = importDictionary(format, resource(codebook), "imported");

    assertThat(RedcapUploadRules.check(dictionary(registry))).isEmpty();
  }

  /**
   * Two things of a regforms definition a dictionary cannot bring back (docs/exports.md): which
   * instruments are a form's repeat groups, so branching on the parent form's fields, and the
   * formula of a computed value REDCap cannot calculate, whose field is marked {@code @READONLY}.
   * Everything else comes back as it was written.
   */
  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void dictionary_exportedImportedExported_isTheSameButForRepeatGroupsAndUncalculatedFormulas(
      String id) throws IOException {
    String first = dictionary(Registries.load(id));
    Path file = folder.resolve(id + ".csv");
    Files.writeString(file, first, StandardCharsets.UTF_8);

    String second = dictionary(importDictionary(CodebookFormat.REDCAP, file, id));

    assertThat(rows(second)).containsExactlyElementsOf(rows(carried(first)));
    assertThat(
            rows(
                dictionary(
                    importDictionary(
                        CodebookFormat.REDCAP, write(id + "-2.csv", second), id + "-2"))))
        .as("a second round trip changes nothing")
        .containsExactlyElementsOf(rows(second));
  }

  private Path write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** {@code dictionary} less the two things an import cannot bring back. */
  private static String carried(String dictionary) throws IOException {
    List<CSVRecord> records;
    List<String> header;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(dictionary))) {
      header = parser.getHeaderNames();
      records = parser.getRecords();
    }
    java.util.Map<String, String> formOf = new java.util.HashMap<>();
    records.forEach(r -> formOf.put(r.get(0), r.get(1)));
    StringBuilder out = new StringBuilder();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build();
    try (org.apache.commons.csv.CSVPrinter printer =
        new org.apache.commons.csv.CSVPrinter(out, format)) {
      for (CSVRecord r : records) {
        List<String> cells = new java.util.ArrayList<>(r.toList());
        java.util.regex.Matcher names =
            java.util.regex.Pattern.compile("\\[([a-z0-9_]+)").matcher(cells.get(11));
        while (names.find()) {
          if (!r.get(1).equals(formOf.get(names.group(1)))) {
            cells.set(11, "");
            break;
          }
        }
        cells.set(17, cells.get(17).replace("@READONLY", "").strip());
        printer.printRecord(cells);
      }
    }
    return out.toString();
  }

  /** Each row as one line, so a difference shows as the row it is in. */
  private static List<String> rows(String csv) throws IOException {
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv))) {
      return parser.getRecords().stream().map(r -> String.join(" | ", r.toList())).toList();
    }
  }

  private static Path resource(String path) throws URISyntaxException {
    return Path.of(RedcapRoundTripTest.class.getResource("/importer/" + path).toURI());
  }
}
