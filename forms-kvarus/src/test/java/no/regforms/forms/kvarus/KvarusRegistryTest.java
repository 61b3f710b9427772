package no.regforms.forms.kvarus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.Registry;
import no.regforms.testing.RegistryModuleChecks;
import no.regforms.testing.RegistryModuleChecks.SampleLine;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KVARUS definition module loads clean, and its hand-made samples validate as they say. */
class KvarusRegistryTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples");
  private static final Registry REGISTRY =
      RegistryModuleChecks.assertLoadsCleanByIdAndFromFolder("kvarus", Path.of("src/main/resources/registries/kvarus"));
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);

  static List<SampleLine> valid() {
    return RegistryModuleChecks.samples(SAMPLES.resolve("valid.jsonl"));
  }

  static List<SampleLine> invalid() {
    return RegistryModuleChecks.samples(SAMPLES.resolve("invalid.jsonl"));
  }

  @Test
  void load_missingPublicationFacts_warnsAtRegistryJsonWithoutInventingThem() {
    assertThat(REGISTRY.owner().orElseThrow().organisationNumber()).isEmpty();
    assertThat(REGISTRY.publicationGaps()).extracting(issue -> issue.message().in("en"))
        .anyMatch(m -> m.startsWith("owner has no organisationNumber"))
        .anyMatch(m -> m.startsWith("owner has neither email nor url"))
        .anyMatch(m -> m.startsWith("registry.json has no baseUri"))
        .hasSize(3);
    assertThat(REGISTRY.publicationGaps()).allSatisfy(issue -> assertThat(issue.location().display()).startsWith("registry.json:"));
  }

  @Test
  void load_byModuleIdAndFolder_isCleanWithAllForms() {
    assertThat(REGISTRY.forms().keySet()).containsExactlyInAnyOrder("basis_clinician", "basis_patient",
        "measurement_clinician", "measurement_patient", "discharge_clinician", "discharge_patient",
        "followup_clinician", "followup_patient");
    assertThat(REGISTRY.indicators().keySet()).containsExactlyInAnyOrder("kvarus_treatment_plan", "kvarus_diagnosis_plan",
        "kvarus_crisis_plan", "kvarus_completed_treatment", "kvarus_perceived_benefit", "kvarus_perceived_benefit_measurement");
    assertThat(valid()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(invalid()).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validate_validSample_reportsNoIssues(SampleLine sample) {
    RegistryModuleChecks.assertValid(VALIDATOR, sample);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void validate_invalidSample_reportsExactlyItsExpectedCode(SampleLine sample) {
    RegistryModuleChecks.assertReportsExpected(VALIDATOR, sample);
  }
}
