package no.regforms.forms.kvarus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.regforms.definition.Registry;
import no.regforms.registrytest.RegistryTestReport;
import no.regforms.testing.RegistryModuleChecks;
import org.junit.jupiter.api.Test;

/** The KVARUS definition module loads clean, and its own tests ({@code tests/*.json}) pass. */
class KvarusRegistryTest {

  private static final Path FOLDER = Path.of("src/main/resources/registries/kvarus");
  private static final Registry REGISTRY =
      RegistryModuleChecks.assertLoadsCleanByIdAndFromFolder("kvarus", FOLDER);

  @Test
  void load_missingPublicationFacts_warnsAtRegistryJsonWithoutInventingThem() {
    assertThat(REGISTRY.owner().orElseThrow().organisationNumber()).isEmpty();
    assertThat(REGISTRY.publicationGaps())
        .extracting(issue -> issue.message().in("en"))
        .anyMatch(m -> m.startsWith("owner has no organisationNumber"))
        .anyMatch(m -> m.startsWith("owner has neither email nor url"))
        .anyMatch(m -> m.startsWith("registry.json has no baseUri"))
        .hasSize(3);
    assertThat(REGISTRY.publicationGaps())
        .allSatisfy(issue -> assertThat(issue.location().display()).startsWith("registry.json:"));
  }

  @Test
  void load_byModuleIdAndFolder_isCleanWithAllForms() {
    assertThat(REGISTRY.forms().keySet())
        .containsExactlyInAnyOrder(
            "basis_clinician",
            "basis_patient",
            "measurement_clinician",
            "measurement_patient",
            "discharge_clinician",
            "discharge_patient",
            "followup_clinician",
            "followup_patient");
    assertThat(REGISTRY.indicators().keySet())
        .containsExactlyInAnyOrder(
            "kvarus_treatment_plan",
            "kvarus_diagnosis_plan",
            "kvarus_crisis_plan",
            "kvarus_completed_treatment",
            "kvarus_perceived_benefit",
            "kvarus_perceived_benefit_measurement");
  }

  @Test
  void test_ownTests_allCasesHold() {
    RegistryTestReport report = RegistryModuleChecks.assertOwnTestsPass(REGISTRY, FOLDER);

    assertThat(report.cases()).isGreaterThanOrEqualTo(30);
  }
}
