package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import no.regforms.definition.Bound;
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

/** NoRGast's real Klokeboken (163 rows, 89 variables in 3 forms), imported and loaded. */
class OpenQRegImportTest {

  @TempDir static Path folder;

  private static Imported norgast;

  @BeforeAll
  static void importKlokeboken() throws IOException {
    norgast =
        ImportFixtures.importInto(
            folder.resolve("norgast"),
            CodebookFormat.OPENQREG,
            "openqreg/NoRGast_klokeboken_2020-04-28.csv");
  }

  @Test
  void import_norgastKlokeboken_loadsWithoutErrors() {
    assertThat(norgast.load().diagnostics().errors()).isEmpty();
    assertThat(norgast.result().readAs()).containsExactly("UTF-8 with BOM", "';'-separated");
  }

  @Test
  void import_norgastKlokeboken_hasItsFormsVariablesAndCodeLists() {
    Registry registry = norgast.registry();

    assertThat(registry.id()).isEqualTo("norgast_klokeboken_2020_04_28");
    assertThat(registry.forms().keySet())
        .containsExactlyInAnyOrder(
            "personopplysninger", "registrering", "reinnleggelse_oppfolging");
    assertThat(registry.formOrThrow("personopplysninger").variables()).hasSize(9);
    assertThat(registry.formOrThrow("registrering").variables()).hasSize(59);
    assertThat(registry.formOrThrow("reinnleggelse_oppfolging").variables()).hasSize(21);
    assertThat(registry.variableCount()).isEqualTo(89);
    // 13 distinct lists of values (39 variables share 1 = Ja, 0 = Nei) and the form status list.
    assertThat(registry.codeLists()).hasSize(14);
    assertThat(norgast.result().variableCount()).isEqualTo(89);
  }

  @Test
  void import_numberVariable_keepsHardAndSoftRangeAndDecimals() {
    Variable weight =
        norgast
            .registry()
            .formOrThrow("registrering")
            .variable("registration_previous_weight")
            .orElseThrow();

    assertThat(weight.type()).isEqualTo(VariableType.INTEGER);
    assertThat(weight.label().orElseThrow().in("nb"))
        .isEqualTo("Pasientrapportert vekt 6 mnd før innleggelse:");
    assertThat(weight.help().orElseThrow().in("nb")).endsWith("Oppgis i kg.");
    assertThat(weight.required()).isTrue();
    assertThat(weight.range().orElseThrow().numericMin()).contains(new BigDecimal("30"));
    assertThat(weight.range().orElseThrow().numericMax()).contains(new BigDecimal("250"));
    assertThat(weight.plausibleRange().orElseThrow().numericMin()).contains(new BigDecimal("45"));
    assertThat(weight.plausibleRange().orElseThrow().numericMax()).contains(new BigDecimal("150"));
    assertThat(weight.description().orElseThrow().in("nb"))
        .contains("REGISTRATION_PREVIOUS_WEIGHT", "VektFoerInn");
    assertThat(weight.validFrom()).hasToString("Optional[1980-01-01]");
  }

  @Test
  void import_listVariable_getsItsCodeList() {
    Registry registry = norgast.registry();
    Variable gender =
        registry.formOrThrow("personopplysninger").variable("patient_gender").orElseThrow();
    CodeList list = registry.codeList(gender.codeList().orElseThrow()).orElseThrow();

    assertThat(gender.type()).isEqualTo(VariableType.CODE);
    assertThat(list.codes()).extracting(Code::code).containsExactly("1", "2", "9");
    assertThat(list.codes())
        .extracting(c -> c.label().in("nb"))
        .containsExactly("Mann", "Kvinne", "Ukjent");
  }

  @Test
  void import_yesNoLists_areSharedByContent() {
    Form registration = norgast.registry().formOrThrow("registrering");

    assertThat(registration.variable("registration_diabetes").orElseThrow().codeList())
        .contains("ja_nei");
    assertThat(registration.variable("registration_lung_disease").orElseThrow().codeList())
        .contains("ja_nei");
  }

  @Test
  void import_dateVariable_keepsQuotedAndSymbolicBounds() {
    Variable birth =
        norgast
            .registry()
            .formOrThrow("personopplysninger")
            .variable("patient_birth_date")
            .orElseThrow();

    assertThat(birth.type()).isEqualTo(VariableType.DATE);
    assertThat(birth.range().orElseThrow().min()).hasToString("1900-01-01");
    assertThat(birth.range().orElseThrow().max()).isInstanceOf(Bound.Today.class);
  }

  @Test
  void import_textVariable_keepsLengthAndAllowedCharacters() {
    Variable ssn =
        norgast.registry().formOrThrow("personopplysninger").variable("patient_ssn").orElseThrow();

    assertThat(ssn.maxLength()).contains(11);
    assertThat(ssn.pattern()).contains("[1234567890\\-]*");
  }

  @Test
  void import_skipFlagsAndHiddenVariables_areReportedNotInvented() {
    assertThat(norgast.notesFor("patient_deceased_date"))
        .extracting(ImportNote::kind)
        .contains(ImportNote.Kind.LOGIC_NOT_TRANSLATED);
    assertThat(norgast.notesFor("registration_bmi"))
        .extracting(ImportNote::kind)
        .contains(ImportNote.Kind.CALCULATION_NOT_TRANSLATED);
    assertThat(
            norgast
                .registry()
                .formOrThrow("personopplysninger")
                .variable("patient_deceased_date")
                .orElseThrow()
                .visibleIf())
        .isEmpty();
    // 10 controlling and 28 follow-up questions are flagged; 11 hidden variables have no formula.
    assertThat(norgast.warnings())
        .filteredOn(n -> n.kind() == ImportNote.Kind.LOGIC_NOT_TRANSLATED)
        .hasSize(38);
    assertThat(norgast.warnings())
        .filteredOn(n -> n.kind() == ImportNote.Kind.CALCULATION_NOT_TRANSLATED)
        .hasSize(11);
  }

  @Test
  void import_report_isWrittenBesideTheDefinition() throws IOException {
    String report =
        java.nio.file.Files.readString(norgast.folder().resolve(ImportResult.REPORT_MARKDOWN));

    assertThat(report)
        .contains(
            "Imported 3 forms, 89 variables and 14 code lists",
            "| `patient_deceased_date` | PATIENT_DECEASED_DATE |",
            "`logic_not_translated`");
    assertThat(norgast.folder().resolve(ImportResult.REPORT_JSON)).exists();
  }
}
