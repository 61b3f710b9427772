package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.FormScope;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.junit.jupiter.api.Test;

/**
 * Records of a unit form ({@code "scope": "unit"}, ECT's yearly unit survey) name their unit and no
 * patient.
 */
class UnitScopeTest {

  private static final Registry ECT =
      DefinitionLoader.create()
          .load(Path.of("..", "forms-ect", "src", "main", "resources", "registries", "ect"))
          .registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(ECT);

  private static Record survey(String patient, String unit) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("survey_year", 2024);
    values.put("completed_date", "2025-02-10");
    values.put("organisation", "own_section");
    values.put("premises", "dedicated");
    values.put("treatment_days_per_week", 3);
    values.put("written_procedures", true);
    values.put("outpatient_offered", true);
    values.put("number_of_treatments", 1460);
    values.put("number_of_patients", 118);
    values.put("patients_under_16", 0);
    values.put("emergency_law_occurred", false);
    values.put("maintenance_offered", false);
    values.put("followup_offered", true);
    return new Record("ect", "unit_yearly", "", "u1", patient, unit, RecordValues.of(values), 1);
  }

  private static List<IssueCode> codes(Record record) {
    return VALIDATOR.validate(record).diagnostics().issues().stream().map(Issue::code).toList();
  }

  @Test
  void unitForm_declaresItsScope() {
    assertThat(ECT.formOrThrow("unit_yearly").scope()).isEqualTo(FormScope.UNIT);
    assertThat(ECT.formOrThrow("course").scope()).isEqualTo(FormScope.PATIENT);
  }

  @Test
  void unitRecord_unitAndNoPatient_valid() {
    assertThat(codes(survey("", "4201234"))).isEmpty();
  }

  @Test
  void unitRecord_legacyPlaceholderPatientOfItsOwnUnit_stillAccepted() {
    assertThat(codes(survey("p-unit-4201234", "4201234"))).isEmpty();
  }

  @Test
  void unitRecord_aPatientOrAnotherUnitsPlaceholder_wrongScope() {
    assertThat(codes(survey("p-ect-0001", "4201234"))).containsExactly(IssueCode.WRONG_SCOPE);
    assertThat(codes(survey("p-unit-700541", "4201234"))).containsExactly(IssueCode.WRONG_SCOPE);
  }

  @Test
  void unitRecord_patient_wrongScopeSaidInEveryLanguage() {
    List<Issue> issues = VALIDATOR.validate(survey("p-ect-0001", "4201234")).diagnostics().issues();

    assertThat(issues.get(0).message().in("en")).contains("has no patient");
    assertThat(issues.get(0).message().in("nb")).contains("har ingen pasient");
    assertThat(issues.get(0).message().in("nn")).contains("har ingen pasient");
  }

  @Test
  void unitForm_valuesAlone_noScopeIssue() {
    // A form page or eval checks the values without the record's envelope.
    assertThat(codes(survey("", ""))).isEmpty();
  }
}
