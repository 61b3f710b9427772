package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import no.regforms.definition.Code;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Note;
import no.regforms.definition.Registry;
import no.regforms.definition.Section;
import no.regforms.definition.Sensitivity;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.importer.ImportFixtures.Imported;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REDCap's public demo dictionaries (from REDCapR's test data), imported and loaded. */
class RedcapImportTest {

  @TempDir static Path shared;

  @TempDir Path folder;

  private static Imported longitudinal;

  @BeforeAll
  static void importLongitudinal() throws IOException {
    longitudinal =
        ImportFixtures.importInto(
            shared.resolve("longitudinal"), CodebookFormat.REDCAP, "redcap/longitudinal.csv");
  }

  @Test
  void import_longitudinalDictionary_loadsWithItsFormsVariablesAndCodeLists() throws IOException {
    Imported imported = longitudinal;
    Registry registry = imported.registry();

    assertThat(imported.load().diagnostics().errors()).isEmpty();
    assertThat(registry.forms()).hasSize(9);
    assertThat(registry.formOrThrow("demographics").title().in("nb")).isEqualTo("Demographics");
    // 95 fields less one file upload; 15 distinct choice lists.
    assertThat(registry.variableCount()).isEqualTo(94);
    assertThat(registry.codeLists()).hasSize(15);
    assertThat(imported.notesFor("")).extracting(ImportNote::source).contains("patient_document");
  }

  @Test
  void import_longitudinalDictionary_translatesBranchingLogicAndCalculation() throws IOException {
    Form demographics = longitudinal.registry().formOrThrow("demographics");

    Variable children = demographics.variable("num_children").orElseThrow();
    assertThat(children.visibleIf().orElseThrow().text())
        .isEqualTo("sex = '0' and given_birth = true");
    assertThat(demographics.variable("given_birth").orElseThrow().type())
        .isEqualTo(VariableType.BOOLEAN);
    Variable bmi = demographics.variable("bmi").orElseThrow();
    assertThat(bmi.compute().orElseThrow().text())
        .isEqualTo("round(weight * 10000 / (height * height), 1)");
    assertThat(demographics.graph().affectedBy("height")).contains("bmi");
  }

  @Test
  void import_longitudinalDictionary_carriesTypesLimitsAndSections() throws IOException {
    Registry registry = longitudinal.registry();
    Form demographics = registry.formOrThrow("demographics");

    Variable height = demographics.variable("height").orElseThrow();
    assertThat(height.type()).isEqualTo(VariableType.DECIMAL);
    assertThat(height.plausibleRange().orElseThrow().numericMin()).contains(new BigDecimal("130"));
    assertThat(height.plausibleRange().orElseThrow().numericMax()).contains(new BigDecimal("215"));
    assertThat(demographics.variable("dob").orElseThrow().type()).isEqualTo(VariableType.DATE);
    assertThat(demographics.variable("first_name").orElseThrow().sensitivity())
        .isEqualTo(Sensitivity.IDENTIFYING);
    assertThat(demographics.variable("email").orElseThrow().pattern()).isPresent();
    Variable meds = demographics.variable("meds").orElseThrow();
    assertThat(meds.type()).isEqualTo(VariableType.CODES);
    assertThat(registry.codeList(meds.codeList().orElseThrow()).orElseThrow().codes())
        .extracting(Code::code)
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(demographics.items())
        .filteredOn(Section.class::isInstance)
        .extracting(FormItem::id)
        .contains("consent_information", "contact_information", "general_comments");
  }

  @Test
  void import_clinicalTrialAndRepeatingDictionaries_load() throws IOException {
    Imported trial =
        ImportFixtures.importInto(
            folder.resolve("trial"), CodebookFormat.REDCAP, "redcap/clinical-trial-1.csv");
    Imported repeating =
        ImportFixtures.importInto(
            folder.resolve("repeating"), CodebookFormat.REDCAP, "redcap/repeating-instruments.csv");

    assertThat(trial.load().diagnostics().errors()).isEmpty();
    assertThat(trial.registry().variableCount()).isEqualTo(12);
    assertThat(trial.registry().codeLists()).hasSize(3);
    Variable dob = trial.registry().formOrThrow("demographics").variable("dob").orElseThrow();
    assertThat(dob.range().orElseThrow().min()).hasToString("1900-01-01");
    assertThat(repeating.load().diagnostics().errors()).isEmpty();
    assertThat(repeating.registry().forms().keySet())
        .containsExactlyInAnyOrder("demographics", "bp");
    assertThat(repeating.registry().variableCount()).isEqualTo(11);
  }

  @Test
  void import_problematicDictionary_keepsOddCharactersInLabels() throws IOException {
    Imported imported =
        ImportFixtures.importInto(
            folder, CodebookFormat.REDCAP, "redcap/potentially-problematic-dictionary.csv");
    Form form = imported.registry().formOrThrow("form_1");

    assertThat(imported.load().diagnostics().errors()).isEmpty();
    assertThat(
            form.variable("curly_quote_double_left").orElseThrow().label().orElseThrow().in("nb"))
        .isEqualTo("Maybe I don't \"look the part\"");
    assertThat(form.variable("long_dash").orElseThrow().label().orElseThrow().in("nb"))
        .contains("\u2212or even");
  }

  @Test
  void import_untranslatableLogic_isReportedPerVariable() throws IOException {
    Imported imported =
        ImportFixtures.importInto(folder, CodebookFormat.REDCAP, "redcap/untranslatable.csv");
    Form enrolment = imported.registry().formOrThrow("enrolment");

    assertThat(imported.load().diagnostics().errors()).isEmpty();
    assertThat(enrolment.variable("cigarettes").orElseThrow().visibleIf().orElseThrow().text())
        .isEqualTo("smoker = '1'");
    assertThat(enrolment.variable("cigarettes").orElseThrow().range()).isPresent();
    assertThat(imported.notesFor("cigarettes")).isEmpty();
    assertThat(imported.notesFor("smoker"))
        .extracting(ImportNote::message)
        .containsExactly("HTML markup in the label was removed; labels are plain text");
    assertThat(enrolment.variable("quit_year").orElseThrow().visibleIf().orElseThrow().text())
        .isEqualTo("smoker != '1'");
    assertThat(enrolment.variable("fever_days").orElseThrow().visibleIf().orElseThrow().text())
        .isEqualTo("contains(symptoms, '2')");
    Section habits =
        (Section)
            enrolment.items().stream().filter(Section.class::isInstance).findFirst().orElseThrow();
    assertThat(habits.title().in("nb")).isEqualTo("Habits");
    assertThat(habits.items())
        .filteredOn(Note.class::isInstance)
        .singleElement()
        .satisfies(
            note ->
                assertThat(note.visibleIf().orElseThrow().text())
                    .isEqualTo("empty(symptoms) or not contains(symptoms, '3')"));
    assertThat(enrolment.variable("pack_years").orElseThrow().compute().orElseThrow().text())
        .isEqualTo("round(cigarettes / 20 * quit_year, 1)");
    assertThat(enrolment.variable("smoker").orElseThrow().label().orElseThrow().in("nb"))
        .isEqualTo("Does the patient smoke?");

    assertThat(enrolment.variable("age_gap").orElseThrow().visibleIf().orElseThrow().text())
        .isEqualTo("abs(days_between(visit_date, today())) > 30");
    for (String untranslated : new String[] {"event_ref", "other_form", "bad_code"}) {
      assertThat(imported.notesFor(untranslated))
          .as(untranslated)
          .extracting(ImportNote::kind)
          .containsExactly(ImportNote.Kind.LOGIC_NOT_TRANSLATED);
      assertThat(enrolment.variable(untranslated).orElseThrow().visibleIf())
          .as(untranslated)
          .isEmpty();
    }
    assertThat(imported.notesFor("other_form").get(0).message())
        .contains("a field of the form 'followup'");
    assertThat(imported.notesFor("score_sum"))
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.CALCULATION_NOT_TRANSLATED);
    assertThat(imported.notesFor("hidden_field"))
        .extracting(ImportNote::message)
        .anySatisfy(message -> assertThat(message).contains("@HIDDEN", "@READONLY"));
    assertThat(imported.result().notes())
        .anySatisfy(
            note -> {
              assertThat(note.source()).isEqualTo("upload");
              assertThat(note.kind()).isEqualTo(ImportNote.Kind.TYPE_NOT_SUPPORTED);
            });
    assertThat(
            imported
                .registry()
                .formOrThrow("followup")
                .variable("outcome_date")
                .orElseThrow()
                .visibleIf()
                .orElseThrow()
                .text())
        .isEqualTo("outcome = true");
  }

  @Test
  void import_fieldTypesAndValidations_mapOrAreReported() throws IOException {
    Imported imported =
        ImportFixtures.importInto(folder, CodebookFormat.REDCAP, "redcap/field-types.csv");
    Form intake = imported.registry().formOrThrow("intake");

    assertThat(imported.load().diagnostics().errors()).isEmpty();
    assertThat(intake.variable("constant").orElseThrow().compute().orElseThrow().text())
        .isEqualTo("3 + 4");
    Variable pain = intake.variable("pain_scale").orElseThrow();
    assertThat(pain.type()).isEqualTo(VariableType.INTEGER);
    assertThat(pain.range().orElseThrow().numericMin()).contains(new BigDecimal("-1"));
    assertThat(pain.range().orElseThrow().numericMax()).contains(new BigDecimal("101"));
    assertThat(intake.variable("agree").orElseThrow().type()).isEqualTo(VariableType.BOOLEAN);
    assertThat(intake.variable("arrival").orElseThrow().pattern())
        .contains("([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]");
    assertThat(intake.variable("zip").orElseThrow().pattern()).contains("[0-9]{5}(-[0-9]{4})?");
    Variable weight = intake.variable("weight_kg").orElseThrow();
    assertThat(weight.decimals()).contains(2);
    assertThat(weight.plausibleRange().orElseThrow().numericMax()).contains(new BigDecimal("300"));
    assertThat(intake.variable("seen_at").orElseThrow().type()).isEqualTo(VariableType.DATETIME);
    assertThat(intake.variable("born").orElseThrow().range().orElseThrow().max())
        .hasToString("today");
    assertThat(intake.variable("signature")).isEmpty();
    assertThat(intake.variable("query")).isEmpty();
    assertThat(imported.notesFor("phone"))
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.LIMIT_NOT_CARRIED);
    assertThat(imported.notesFor("seen_at"))
        .extracting(ImportNote::kind)
        .containsExactly(ImportNote.Kind.LIMIT_NOT_CARRIED);
  }
}
