package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.diagnostic.Severity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookImporterTest {

  @TempDir Path folder;

  private final CodebookImporter importer = CodebookImporter.create();

  @Test
  void read_klokebokenAsRedcap_reportsMissingColumns() {
    ImportResult result =
        importer.read(
            CodebookFormat.REDCAP,
            ImportFixtures.resource("openqreg/NoRGast_klokeboken_2020-04-28.csv"),
            ImportOptions.defaults());

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.files()).isEmpty();
    assertThat(result.notes())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.severity()).isEqualTo(Severity.ERROR);
              assertThat(note.kind()).isEqualTo(ImportNote.Kind.UNREADABLE);
              assertThat(note.message()).contains("variablefieldname");
            });
  }

  @Test
  void read_csvAsMrs_reportsNotAWorkbook() {
    ImportResult result =
        importer.read(
            CodebookFormat.MRS,
            ImportFixtures.resource("redcap/longitudinal.csv"),
            ImportOptions.defaults());

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.notes())
        .extracting(ImportNote::message)
        .anySatisfy(m -> assertThat(m).contains("not an Excel workbook"));
  }

  @Test
  void read_missingFile_reportsUnreadable() {
    ImportResult result =
        importer.read(
            CodebookFormat.OPENQREG, folder.resolve("absent.csv"), ImportOptions.defaults());

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.notes())
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.UNREADABLE);
  }

  @Test
  void read_windows1252CommaSeparatedKlokeboken_detectsEncodingAndSeparator() throws IOException {
    Path converted = folder.resolve("norgast-cp1252.csv");
    Charset cp1252 = Charset.forName("windows-1252");
    try (Reader in =
            Files.newBufferedReader(
                ImportFixtures.resource("openqreg/NoRGast_klokeboken_2020-04-28.csv"));
        CSVParser parser =
            CSVParser.parse(in, CSVFormat.DEFAULT.builder().setDelimiter(';').build());
        // The Klokeboken's allowed-character lists hold letters Windows-1252 lacks; they become
        // '?'.
        Writer out =
            new OutputStreamWriter(
                Files.newOutputStream(converted),
                cp1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE));
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      for (CSVRecord record : parser) {
        printer.printRecord(record.stream().map(v -> v.replace("\uFEFF", "")).toList());
      }
    }

    ImportResult result =
        importer.read(
            CodebookFormat.OPENQREG,
            converted,
            ImportOptions.defaults().withRegistryId("norgast").withTitle("NoRGast"));

    assertThat(result.readAs()).containsExactly("Windows-1252", "','-separated");
    assertThat(result.variableCount()).isEqualTo(89);
    assertThat(result.files().get("forms/personopplysninger.json")).contains("\"Kjønn\"");
    assertThat(result.files().get("registry.json"))
        .contains("\"id\": \"norgast\"", "\"nb\": \"NoRGast\"");
  }

  @Test
  void writeTo_nonEmptyFolder_refusesUnlessReplacing() throws IOException {
    ImportResult result =
        importer.read(
            CodebookFormat.REDCAP,
            ImportFixtures.resource("redcap/clinical-trial-1.csv"),
            ImportOptions.defaults());
    Path target = folder.resolve("trial");
    Files.createDirectories(target.resolve("forms"));
    Files.writeString(target.resolve("forms/stale.json"), "{}", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> result.writeTo(target, false))
        .isInstanceOf(FileAlreadyExistsException.class);

    result.writeTo(target, true);
    LoadResult load = DefinitionLoader.create().load(target);
    assertThat(target.resolve("forms/stale.json")).doesNotExist();
    assertThat(load.diagnostics().errors()).isEmpty();
    assertThat(target.resolve(ImportResult.REPORT_MARKDOWN)).exists();
  }

  @Test
  void reportMarkdown_textFromTheCodebook_isEscaped() {
    assertThat(ImportReport.cell("<b>a|b</b>\nc")).isEqualTo("&lt;b&gt;a\\|b&lt;/b&gt; c");
  }

  @Test
  void fromName_cliNames_findTheirFormats() {
    assertThat(CodebookFormat.fromName("OQR")).contains(CodebookFormat.OPENQREG);
    assertThat(CodebookFormat.fromName("mrs")).contains(CodebookFormat.MRS);
    assertThat(CodebookFormat.fromName("redcap")).contains(CodebookFormat.REDCAP);
    assertThat(CodebookFormat.fromName("odk")).isEmpty();
  }

  @Test
  void options_registryIdNotSnakeCase_isRejected() {
    assertThatThrownBy(() -> ImportOptions.defaults().withRegistryId("My Registry"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snake_case");
  }
}
