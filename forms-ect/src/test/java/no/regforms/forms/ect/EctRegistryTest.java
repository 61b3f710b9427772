package no.regforms.forms.ect;

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

/** The ECT definition module loads clean, and its hand-made samples validate as they say. */
class EctRegistryTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples");
  private static final Registry REGISTRY =
      RegistryModuleChecks.assertLoadsCleanByIdAndFromFolder("ect", Path.of("src/main/resources/registries/ect"));
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);

  static List<SampleLine> valid() {
    return RegistryModuleChecks.samples(SAMPLES.resolve("valid.jsonl"));
  }

  static List<SampleLine> invalid() {
    return RegistryModuleChecks.samples(SAMPLES.resolve("invalid.jsonl"));
  }

  @Test
  void load_byModuleIdAndFolder_isCleanWithAllForms() {
    assertThat(REGISTRY.forms().keySet())
        .containsExactlyInAnyOrder("course", "followup", "patient_after", "patient_followup", "unit_yearly");
    assertThat(REGISTRY.indicators()).hasSize(11);
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
