package no.regforms.forms.ect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.regforms.definition.Registry;
import no.regforms.registrytest.RegistryTestReport;
import no.regforms.testing.RegistryModuleChecks;
import org.junit.jupiter.api.Test;

/** The ECT definition module loads clean, and its own tests ({@code tests/*.json}) pass. */
class EctRegistryTest {

  private static final Path FOLDER = Path.of("src/main/resources/registries/ect");
  private static final Registry REGISTRY =
      RegistryModuleChecks.assertLoadsCleanByIdAndFromFolder("ect", FOLDER);

  @Test
  void load_byModuleIdAndFolder_isCleanWithAllForms() {
    assertThat(REGISTRY.forms().keySet())
        .containsExactlyInAnyOrder(
            "course", "followup", "patient_after", "patient_followup", "unit_yearly");
    assertThat(REGISTRY.indicators()).hasSize(17);
  }

  @Test
  void test_ownTests_allCasesHold() {
    RegistryTestReport report = RegistryModuleChecks.assertOwnTestsPass(REGISTRY, FOLDER);

    assertThat(report.cases()).isGreaterThanOrEqualTo(30);
  }
}
