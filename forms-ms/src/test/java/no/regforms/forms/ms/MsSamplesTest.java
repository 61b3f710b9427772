package no.regforms.forms.ms;

import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.testing.RegistryModuleChecks;
import no.regforms.testing.RegistryModuleChecks.SampleLine;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-made samples: every valid one has no issue, every invalid one reports exactly its {@code expect} code. */
class MsSamplesTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples");
  private static final RecordValidator VALIDATOR = RecordValidator.of(DefinitionLoader.create().loadModule("ms").registryOrThrow());

  static List<SampleLine> valid() {
    return RegistryModuleChecks.samples(SAMPLES.resolve("valid.jsonl"));
  }

  static List<SampleLine> invalid() {
    return RegistryModuleChecks.samples(SAMPLES.resolve("invalid.jsonl"));
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
