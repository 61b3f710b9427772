package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.importer.ImportFixtures.Imported;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NordicSCIR's real MRS Kodebok (7 sheets, 252 variables), imported and loaded. */
class MrsImportTest {

  @TempDir static Path folder;

  private static Imported scir;

  @BeforeAll
  static void importKodebok() throws IOException {
    scir =
        ImportFixtures.importInto(
            folder.resolve("scir"), CodebookFormat.MRS, "mrs/Kodebok_NordicScir.xlsx");
  }

  @Test
  void import_nordicScirKodebok_loadsWithoutErrors() {
    assertThat(scir.load().diagnostics().errors()).isEmpty();
  }

  @Test
  void import_nordicScirKodebok_hasOneFormPerSheet() {
    Registry registry = scir.registry();

    // The forms keep the workbook's sheet order (registry.json "forms").
    assertThat(registry.forms().keySet())
        .containsExactly(
            "aktivitet_og_deltakelse_tilfr",
            "aktivitet_og_deltakelse_funks",
            "tarmfunksjon",
            "funksjon_i_nedre_urinveier",
            "registrering_av_livskvalitetsda",
            "kontrollskjema",
            "ryggmargsskade");
    assertThat(registry.forms().values())
        .extracting(f -> f.variables().size())
        .containsExactly(8, 7, 63, 70, 7, 29, 68);
    assertThat(registry.variableCount()).isEqualTo(252);
    assertThat(registry.codeLists()).hasSize(25);
  }

  @Test
  void import_formVersions_comeFromSheetNameAndGyldighet() {
    Registry registry = scir.registry();

    assertThat(registry.formOrThrow("tarmfunksjon").version()).isEqualTo("1.0");
    assertThat(registry.formOrThrow("tarmfunksjon").title().in("nb")).isEqualTo("Tarmfunksjon");
    assertThat(registry.formOrThrow("ryggmargsskade").version()).isEqualTo("1.2");
    Variable outOfHospital =
        registry.formOrThrow("ryggmargsskade").variable("out_of_hosptl_dy").orElseThrow();
    assertThat(outOfHospital.description().orElseThrow().in("nb")).contains("v1.0 - v1.1");
    assertThat(scir.notesFor("out_of_hosptl_dy"))
        .extracting(ImportNote::kind)
        .contains(ImportNote.Kind.VERSION_RANGE);
  }

  @Test
  void import_enum_dropsTheVelgVerdiPlaceholderAndTheRepeatedCode() {
    Registry registry = scir.registry();
    Variable satisfaction =
        registry.formOrThrow("aktivitet_og_deltakelse_tilfr").variable("mobilmod_s").orElseThrow();
    CodeList list = registry.codeList(satisfaction.codeList().orElseThrow()).orElseThrow();

    assertThat(satisfaction.type()).isEqualTo(VariableType.CODE);
    assertThat(satisfaction.required()).isTrue();
    assertThat(satisfaction.label().orElseThrow().in("nb"))
        .startsWith("I løpet av de siste 4 ukene");
    assertThat(list.codes()).extracting(Code::code).containsExactly("0", "1", "2", "99");
    assertThat(list.codes())
        .extracting(c -> c.label().in("nb"))
        .containsExactly("Ikke tilfreds", "Ganske tilfreds", "Svært tilfreds", "Ukjent");
    assertThat(scir.notesFor("mobilmod_s"))
        .extracting(ImportNote::kind)
        .contains(ImportNote.Kind.PLACEHOLDER_CODE_DROPPED);
  }

  @Test
  void import_fieldTypes_mapToDefinitionTypes() {
    Form tarm = scir.registry().formOrThrow("tarmfunksjon");

    assertThat(tarm.variable("bfxnba_dt").orElseThrow().type()).isEqualTo(VariableType.DATETIME);
    assertThat(tarm.variable("apndec_dt_unknown").orElseThrow().type())
        .isEqualTo(VariableType.BOOLEAN);
    Variable mainForm = tarm.variable("main_form_id").orElseThrow();
    assertThat(mainForm.type()).isEqualTo(VariableType.TEXT);
    assertThat(mainForm.pattern()).isPresent();
    assertThat(mainForm.description().orElseThrow().in("nb"))
        .contains("MainFormId", "HovedskjemaGUID");
    assertThat(
            scir.registry()
                .formOrThrow("ryggmargsskade")
                .variable("hosptl_dy")
                .orElseThrow()
                .type())
        .isEqualTo(VariableType.INTEGER);
  }

  @Test
  void import_report_listsRenamedIdsApart() throws java.io.IOException {
    String report =
        java.nio.file.Files.readString(scir.folder().resolve(ImportResult.REPORT_MARKDOWN));

    assertThat(report)
        .contains(
            "## Renamed ids",
            "| `kontrollskjema` | CSensLvlAreaR | `c_sens_lvl_area_r` |",
            "`placeholder_code_dropped`");
  }

  @Test
  void import_camelCaseNames_becomeSnakeCaseWithTheSourceNameReported() {
    assertThat(scir.notesFor("c_sens_lvl_area_r"))
        .anySatisfy(
            note -> {
              assertThat(note.kind()).isEqualTo(ImportNote.Kind.RENAMED);
              assertThat(note.source()).isEqualTo("CSensLvlAreaR");
            });
  }
}
