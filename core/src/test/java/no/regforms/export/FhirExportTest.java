package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.Respondent;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses the Questionnaires with HAPI FHIR's strict R4 parser and validates them against the base R4 structure. */
class FhirExportTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final FhirValidator VALIDATOR = validator();

  private static FhirValidator validator() {
    ValidationSupportChain support = new ValidationSupportChain(
        new DefaultProfileValidationSupport(FHIR),
        new InMemoryTerminologyServerValidationSupport(FHIR),
        new CommonCodeSystemsTerminologyService(FHIR));
    FhirValidator validator = FHIR.newValidator();
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
    // The sdf-Questionnaire profile is not published as a package we can load; validate against base R4.
    instanceValidator.setErrorForUnknownProfiles(false);
    validator.registerValidatorModule(instanceValidator);
    return validator;
  }

  private static Questionnaire parse(String json) {
    return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Questionnaire.class, json);
  }

  private static List<SingleValidationMessage> errors(String json) {
    return VALIDATOR.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void questionnaires_validatedWithHapi_haveNoErrors(String id) {
    Registry registry = Registries.load(id);
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.FHIR);
    List<Form> patientForms = registry.forms().values().stream().filter(f -> f.respondent() == Respondent.PATIENT).toList();

    assertThat(patientForms).isNotEmpty();
    assertThat(result.files()).hasSize(patientForms.size());
    for (Form form : patientForms) {
      String json = result.fileOrThrow(FhirExport.fileName(form)).content();
      Questionnaire q = parse(json);
      assertThat(q.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(FhirExport.SDF_PROFILE);
      assertThat(q.getName()).matches("[A-Z][A-Za-z0-9_]*");
      assertThat(q.getTitle()).isEqualTo(form.title().in("nb"));
      assertThat(errors(json)).as("HAPI validation errors in %s", form.id())
          .extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
      Map<String, QuestionnaireItemComponent> items = flatten(q.getItem());
      FormWalk.entries(form).stream()
          .filter(e -> e.variable().isComputed() || e.variable().respondent().orElse(Respondent.PATIENT) == Respondent.PATIENT)
          .forEach(e -> assertThat(items).containsKey(e.variable().id()));
    }
  }

  @Test
  void questionnaire_trickyForm_mapsEachFeature() {
    String json = MetadataExporter.create().export(Registries.load("tricky"), ExportFormat.FHIR)
        .fileOrThrow("fhir/Questionnaire-prom.json").content();
    assertThat(errors(json)).extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
    Map<String, QuestionnaireItemComponent> items = flatten(parse(json).getItem());

    QuestionnaireItemComponent worry = items.get("worry");
    assertThat(worry.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
    assertThat(worry.getRequired()).isTrue();
    assertThat(worry.getAnswerOption()).hasSize(3);
    Coding often = worry.getAnswerOption().get(2).getValueCoding();
    assertThat(often.getCode()).isEqualTo("2");
    assertThat(often.getExtensionByUrl(FhirExport.ORDINAL_VALUE).getValue().primitiveValue()).isEqualTo("2");
    assertThat(worry.getItem()).singleElement().satisfies(help -> {
      assertThat(help.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.DISPLAY);
      assertThat(((org.hl7.fhir.r4.model.CodeableConcept) help.getExtensionByUrl(FhirExport.ITEM_CONTROL).getValue())
          .getCodingFirstRep().getCode()).isEqualTo("help");
    });

    assertThat(items.get("sleep").getAnswerOption()).hasSize(4).last().satisfies(declined -> {
      assertThat(declined.getValueCoding().getSystem()).isEqualTo(FhirExport.MISSING_REASON_SYSTEM);
      assertThat(declined.getValueCoding().getCode()).isEqualTo("declined");
      assertThat(declined.getValueCoding().getDisplay()).isEqualTo("Ønsker ikke å svare");
    });

    QuestionnaireItemComponent cigarettes = items.get("cigarettes");
    assertThat(cigarettes.getEnableWhen()).singleElement().satisfies(w -> {
      assertThat(w.getQuestion()).isEqualTo("smoker");
      assertThat(w.getAnswerBooleanType().getValue()).isTrue();
    });
    assertThat(cigarettes.getExtensionByUrl(FhirExport.MIN_VALUE).getValue().primitiveValue()).isEqualTo("1");
    assertThat(cigarettes.getExtensionByUrl(FhirExport.MAX_VALUE).getValue().primitiveValue()).isEqualTo("100");

    QuestionnaireItemComponent detail = items.get("worry_detail");
    assertThat(detail.getEnableWhen()).hasSize(2);
    assertThat(detail.getEnableBehavior()).isEqualTo(Questionnaire.EnableWhenBehavior.ANY);
    assertThat(detail.getMaxLength()).isEqualTo(200);

    Extension high = items.get("high_score_comment").getExtensionByUrl(FhirExport.ENABLE_WHEN_EXPRESSION);
    assertThat(((org.hl7.fhir.r4.model.Expression) high.getValue()).getExpression())
        .isEqualTo("((%resource.repeat(item).where(linkId='q1').answer.value + "
            + "%resource.repeat(item).where(linkId='q2').answer.value) > 3)");
    assertThat(items.get("high_score_comment").getEnableWhen()).isEmpty();

    Extension late = items.get("late_help").getExtensionByUrl(FhirExport.ENABLE_WHEN_EXPRESSION);
    assertThat(late).as("days_between has no FHIRPath form here").isNull();
    assertThat(items.get("late_help").getEnableWhen()).isEmpty();

    QuestionnaireItemComponent total = items.get("total");
    assertThat(total.getReadOnly()).isTrue();
    assertThat(total.getCodeFirstRep().getCode()).isEqualTo("TS");
    assertThat(((org.hl7.fhir.r4.model.Expression) total.getExtensionByUrl(FhirExport.CALCULATED_EXPRESSION).getValue())
        .getExpression()).isEqualTo("(%resource.repeat(item).where(linkId='q1').answer.value + "
            + "%resource.repeat(item).where(linkId='q2').answer.value)");

    QuestionnaireItemComponent weight = items.get("weight");
    assertThat(weight.getExtensionByUrl(FhirExport.MAX_DECIMAL_PLACES).getValue().primitiveValue()).isEqualTo("1");
    assertThat(items.get("postcode").getExtensionByUrl(FhirExport.REGEX).getValue().primitiveValue()).isEqualTo("[0-9]{4}");
    assertThat(items).doesNotContainKey("diagnosis");
  }

  @Test
  void questionnaire_whatCannotBeCarried_isNoted() {
    ExportResult result = MetadataExporter.create().export(Registries.load("tricky"), ExportFormat.FHIR);

    assertThat(result.notes()).extracting(n -> n.item() + ": " + n.message())
        .anyMatch(n -> n.startsWith("late_help: condition"))
        .anyMatch(n -> n.startsWith("weight: plausible range"))
        .anyMatch(n -> n.startsWith("diagnosis: answered by the clinician"))
        .anyMatch(n -> n.startsWith("response_date: range end 'today'"));
  }

  private static Map<String, QuestionnaireItemComponent> flatten(List<QuestionnaireItemComponent> items) {
    Map<String, QuestionnaireItemComponent> out = new java.util.LinkedHashMap<>();
    for (QuestionnaireItemComponent item : items) {
      out.put(item.getLinkId(), item);
      out.putAll(flatten(item.getItem()));
    }
    return out;
  }

  static String describe(List<SingleValidationMessage> messages) {
    return messages.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).collect(Collectors.joining("\n"));
  }
}
