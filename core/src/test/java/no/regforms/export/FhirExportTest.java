package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.Respondent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses the Questionnaires with HAPI FHIR's strict R4 parser and validates them with HAPI's
 * instance validator against Helsenorge's sdf-Questionnaire profile ({@link HelsenorgeValidator}).
 */
class FhirExportTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HelsenorgeValidator VALIDATOR = new HelsenorgeValidator();

  private static Questionnaire parse(String json) {
    return FHIR.newJsonParser()
        .setParserErrorHandler(new StrictErrorHandler())
        .parseResource(Questionnaire.class, json);
  }

  private static List<String> errors(String json) {
    return VALIDATOR.errors(json);
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void questionnaires_validatedWithHelsenorgeProfile_haveOnlyTheProfilesOwnError(String id) {
    Registry registry = Registries.load(id);
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.FHIR);
    List<Form> patientForms =
        registry.forms().values().stream()
            .filter(f -> f.respondent() == Respondent.PATIENT)
            .toList();

    assertThat(patientForms).isNotEmpty();
    assertThat(result.files()).hasSize(patientForms.size());
    for (Form form : patientForms) {
      String json = result.fileOrThrow(FhirExport.fileName(form)).content();
      Questionnaire q = parse(json);
      assertThat(q.getMeta().getProfile())
          .extracting(p -> p.getValue())
          .containsExactly(FhirExport.SDF_PROFILE);
      assertThat(q.getName()).matches("[A-Z][A-Za-z0-9_]*");
      assertThat(q.getTitle()).isEqualTo(form.title().in("nb"));
      assertThat(q.getExtensionByUrl(FhirExport.ENDPOINT))
          .as("no endpoint unless registry.json names one")
          .isNull();
      assertThat(errors(json))
          .as("HAPI validation errors in %s", form.id())
          .containsExactly(HelsenorgeValidator.PROFILE_OWN_ERROR);
      Map<String, QuestionnaireItemComponent> items = flatten(q.getItem());
      FormWalk.entries(form).stream()
          .filter(
              e ->
                  e.variable().isComputed()
                      || e.variable().respondent().orElse(Respondent.PATIENT) == Respondent.PATIENT)
          .forEach(e -> assertThat(items).containsKey(e.variable().id()));
    }
  }

  @Test
  void questionnaire_trickyForm_mapsEachFeature() {
    String json =
        MetadataExporter.create()
            .export(Registries.load("tricky"), ExportFormat.FHIR)
            .fileOrThrow("fhir/Questionnaire-prom.json")
            .content();
    assertThat(errors(json)).containsExactly(HelsenorgeValidator.PROFILE_OWN_ERROR);
    Map<String, QuestionnaireItemComponent> items = flatten(parse(json).getItem());

    QuestionnaireItemComponent worry = items.get("worry");
    assertThat(worry.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
    assertThat(worry.getRequired()).isTrue();
    assertThat(worry.getAnswerOption()).hasSize(3);
    Coding often = worry.getAnswerOption().get(2).getValueCoding();
    assertThat(often.getCode()).isEqualTo("2");
    assertThat(often.getExtensionByUrl(FhirExport.ORDINAL_VALUE).getValue().primitiveValue())
        .isEqualTo("2");
    assertThat(
            worry
                .getAnswerOption()
                .get(2)
                .getExtensionByUrl(FhirExport.ORDINAL_VALUE)
                .getValue()
                .primitiveValue())
        .as("on the option too, where SDC form fillers read it")
        .isEqualTo("2");
    assertThat(worry.getItem())
        .singleElement()
        .satisfies(
            help -> {
              assertThat(help.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.DISPLAY);
              assertThat(
                      ((org.hl7.fhir.r4.model.CodeableConcept)
                              help.getExtensionByUrl(FhirExport.ITEM_CONTROL).getValue())
                          .getCodingFirstRep()
                          .getCode())
                  .isEqualTo("help");
            });

    assertThat(items.get("sleep").getAnswerOption())
        .hasSize(4)
        .last()
        .satisfies(
            declined -> {
              assertThat(declined.getValueCoding().getSystem())
                  .isEqualTo(FhirExport.MISSING_REASON_SYSTEM);
              assertThat(declined.getValueCoding().getCode()).isEqualTo("declined");
              assertThat(declined.getValueCoding().getDisplay()).isEqualTo("Ønsker ikke å svare");
            });

    QuestionnaireItemComponent cigarettes = items.get("cigarettes");
    assertThat(cigarettes.getEnableWhen())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.getQuestion()).isEqualTo("smoker");
              assertThat(w.getAnswerBooleanType().getValue()).isTrue();
            });
    assertThat(cigarettes.getExtensionByUrl(FhirExport.MIN_VALUE).getValue().primitiveValue())
        .isEqualTo("1");
    assertThat(cigarettes.getExtensionByUrl(FhirExport.MAX_VALUE).getValue().primitiveValue())
        .isEqualTo("100");

    QuestionnaireItemComponent detail = items.get("worry_detail");
    assertThat(detail.getEnableWhen()).hasSize(2);
    assertThat(detail.getEnableBehavior()).isEqualTo(Questionnaire.EnableWhenBehavior.ANY);
    assertThat(detail.getMaxLength()).isEqualTo(200);

    Extension high =
        items.get("high_score_comment").getExtensionByUrl(FhirExport.ENABLE_WHEN_EXPRESSION);
    assertThat(((org.hl7.fhir.r4.model.Expression) high.getValue()).getExpression())
        .isEqualTo(
            "((%resource.repeat(item).where(linkId='q1').answer.value + "
                + "%resource.repeat(item).where(linkId='q2').answer.value) > 3)");
    assertThat(items.get("high_score_comment").getEnableWhen()).isEmpty();

    Extension late = items.get("late_help").getExtensionByUrl(FhirExport.ENABLE_WHEN_EXPRESSION);
    assertThat(late).as("days_between has no FHIRPath form here").isNull();
    assertThat(items.get("late_help").getEnableWhen()).isEmpty();

    QuestionnaireItemComponent total = items.get("total");
    assertThat(total.getReadOnly()).isTrue();
    assertThat(total.getCodeFirstRep().getCode()).isEqualTo("TS");
    for (String url :
        List.of(FhirExport.CALCULATED_EXPRESSION, FhirExport.SDC_CALCULATED_EXPRESSION)) {
      assertThat(
              ((org.hl7.fhir.r4.model.Expression) total.getExtensionByUrl(url).getValue())
                  .getExpression())
          .as(url)
          .isEqualTo(
              "(%resource.repeat(item).where(linkId='q1').answer.value + "
                  + "%resource.repeat(item).where(linkId='q2').answer.value)");
    }

    QuestionnaireItemComponent weight = items.get("weight");
    assertThat(weight.getExtensionByUrl(FhirExport.MAX_DECIMAL_PLACES).getValue().primitiveValue())
        .isEqualTo("1");
    assertThat(
            items.get("postcode").getExtensionByUrl(FhirExport.REGEX).getValue().primitiveValue())
        .isEqualTo("^(?:[0-9]{4})$");
    assertThat(items).doesNotContainKey("diagnosis");
  }

  @Test
  void questionnaire_header_followsSdfProfile() {
    Questionnaire q =
        parse(
            MetadataExporter.create()
                .export(Registries.load("tricky"), ExportFormat.FHIR)
                .fileOrThrow("fhir/Questionnaire-prom.json")
                .content());

    Coding authentication = (Coding) q.getExtensionByUrl(FhirExport.AUTHENTICATION).getValue();
    assertThat(authentication.getSystem())
        .isEqualTo("http://ehelse.no/fhir/ValueSet/AuthenticationRequirement");
    assertThat(authentication.getCode()).isEqualTo("3");
    assertThat(
            ((org.hl7.fhir.r4.model.Reference) q.getExtensionByUrl(FhirExport.ENDPOINT).getValue())
                .getReference())
        .isEqualTo("Endpoint/1");
    assertThat(q.getLanguage()).isEqualTo("nb-NO");
    assertThat(q.getMeta().getSecurityFirstRep().getSystem())
        .isEqualTo("urn:oid:2.16.578.1.12.4.1.1.7618");
  }

  @Test
  void helsenorgeValidator_authenticationSystemOtherThanProfileFixes_reportsError() {
    String json =
        MetadataExporter.create()
            .export(Registries.load("tricky"), ExportFormat.FHIR)
            .fileOrThrow("fhir/Questionnaire-prom.json")
            .content()
            .replace(
                FhirExport.AUTHENTICATION_SYSTEM,
                "http://ehelse.no/fhir/CodeSystem/AuthenticationRequirement");

    assertThat(errors(json))
        .anyMatch(m -> m.contains("is fixed to '" + FhirExport.AUTHENTICATION_SYSTEM + "'"));
  }

  @Test
  void questionnaire_whatCannotBeCarried_isNoted() {
    ExportResult result =
        MetadataExporter.create().export(Registries.load("tricky"), ExportFormat.FHIR);

    assertThat(result.notes())
        .extracting(n -> n.item() + ": " + n.message())
        .anyMatch(n -> n.startsWith("late_help: condition"))
        .anyMatch(n -> n.startsWith("weight: plausible range"))
        .anyMatch(n -> n.startsWith("diagnosis: answered by the clinician"))
        .anyMatch(n -> n.startsWith("response_date: range end 'today'"));
  }

  private static Map<String, QuestionnaireItemComponent> flatten(
      List<QuestionnaireItemComponent> items) {
    Map<String, QuestionnaireItemComponent> out = new java.util.LinkedHashMap<>();
    for (QuestionnaireItemComponent item : items) {
      out.put(item.getLinkId(), item);
      out.putAll(flatten(item.getItem()));
    }
    return out;
  }
}
