package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.Code;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The current MRS Kodebok layout ({@code Visningsnavn, Variabelnavn, Felttype, Mulige verdier,
 * Gyldighet, Hjelpetekst}, as rapwhale's {@code les_kb_mrs} reads it), written with POI.
 */
class MrsCurrentLayoutTest {

  @TempDir Path folder;

  @Test
  void import_currentLayout_readsValuesHelpTextsAndTypes() throws IOException {
    Path file = folder.resolve("rapport.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Basisopplysninger");
      rows(
          sheet,
          List.of(
              List.of(
                  "Visningsnavn",
                  "Variabelnavn",
                  "Felttype",
                  "Mulige verdier",
                  "Gyldighet",
                  "Hjelpetekst"),
              List.of(
                  "Behandlingsplan",
                  "plan_beh",
                  "Enkeltvalg",
                  "0 = Velg verdi",
                  "v2.0",
                  "Har pasienten en plan?"),
              List.of("", "", "", "1 = Nei", "", ""),
              List.of("", "", "", "2 = Ja", "", ""),
              List.of("", "", "", "3 = Vet ikke", "", ""),
              List.of("Vekt", "Vekt", "Tall", "", "v1.0 - v2.0", ""),
              List.of("Dato for måling", "dato_mp", "Dato", "", "v1.0", ""),
              List.of("Kommentar", "kommentar", "Tekst", "", "v1.0 - v1.1", "Fritekst"),
              List.of("Ukjent felt", "rart", "Lydopptak", "", "v1.0", "")));
      workbook.write(out);
    }

    ImportResult result =
        CodebookImporter.create().read(CodebookFormat.MRS, file, ImportOptions.defaults());
    result.writeTo(folder.resolve("out"), false);
    LoadResult load = DefinitionLoader.create().load(folder.resolve("out"));

    assertThat(load.diagnostics().errors()).isEmpty();
    Form form = load.registryOrThrow().formOrThrow("basisopplysninger");
    assertThat(form.version()).isEqualTo("2.0");
    Variable plan = form.variable("plan_beh").orElseThrow();
    assertThat(plan.help().orElseThrow().in("nb")).isEqualTo("Har pasienten en plan?");
    assertThat(load.registryOrThrow().codeList(plan.codeList().orElseThrow()).orElseThrow().codes())
        .extracting(Code::code)
        .containsExactly("1", "2", "3");
    assertThat(form.variable("vekt").orElseThrow().type()).isEqualTo(VariableType.DECIMAL);
    assertThat(form.variable("dato_mp").orElseThrow().type()).isEqualTo(VariableType.DATE);
    assertThat(form.variable("rart").orElseThrow().type()).isEqualTo(VariableType.TEXT);
    // "0 = Velg verdi" is dropped; the variable came in with form version 2.0.
    assertThat(result.notes())
        .filteredOn(n -> n.variable().equals("plan_beh"))
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.PLACEHOLDER_CODE_DROPPED, ImportNote.Kind.VERSION_RANGE);
    assertThat(result.notes())
        .filteredOn(n -> n.variable().equals("kommentar"))
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.VERSION_RANGE);
    assertThat(result.notes())
        .filteredOn(n -> n.variable().equals("rart"))
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.TYPE_NOT_SUPPORTED);
  }

  private static void rows(Sheet sheet, List<List<String>> rows) {
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows.get(r).size(); c++) {
        if (!rows.get(r).get(c).isEmpty()) row.createCell(c).setCellValue(rows.get(r).get(c));
      }
    }
  }
}
