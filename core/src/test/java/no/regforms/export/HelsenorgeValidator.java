package no.regforms.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR's R4 instance validator with Helsenorge's sdf profile resources (test resources {@code
 * fhir/sdf/}, from {@code helsenorge/fhir-sdf}) loaded ahead of R4's own definitions, as Helsenorge
 * validates the Questionnaires it publishes. The sdf StructureDefinitions come as differentials;
 * HAPI builds their snapshots. Building the chain takes a few seconds: share one.
 */
final class HelsenorgeValidator {

  /**
   * The one error every Questionnaire that follows the sdf profile gets: the profile fixes {@code
   * sdf-authenticationrequirement}'s {@code Coding.system} to a ValueSet's URL, and the package has
   * no CodeSystem of that URL.
   */
  static final String PROFILE_OWN_ERROR =
      "Questionnaire.extension[0].value.ofType(Coding): The Coding references a value set, "
          + "not a code system ('http://ehelse.no/fhir/ValueSet/AuthenticationRequirement')";

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final FhirValidator validator;

  HelsenorgeValidator() {
    PrePopulatedValidationSupport sdf = new PrePopulatedValidationSupport(FHIR);
    sdfResources().forEach(sdf::addResource);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            sdf,
            new DefaultProfileValidationSupport(FHIR),
            new SnapshotGeneratingValidationSupport(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR));
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    validator = FHIR.newValidator().registerValidatorModule(instanceValidator);
  }

  /** Every StructureDefinition, ValueSet and CodeSystem of the sdf package, parsed. */
  static List<IBaseResource> sdfResources() {
    try (Stream<Path> files = Files.walk(folder())) {
      return files
          .filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".json"))
          .sorted()
          .map(HelsenorgeValidator::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path folder() {
    try {
      return Path.of(HelsenorgeValidator.class.getResource("/fhir/sdf").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IBaseResource parse(Path file) {
    IParser parser = file.toString().endsWith(".xml") ? FHIR.newXmlParser() : FHIR.newJsonParser();
    try {
      return parser.parseResource(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The errors (and fatal errors) HAPI reports on the resource {@code json}, as {@code location:
   * message}.
   */
  List<String> errors(String json) {
    return validator.validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}
