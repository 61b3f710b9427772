package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.record.Record;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real codebook, once imported, generates synthetic data whose records validate: identifying
 * and key variables (national identity numbers, names, record ids) are filled with plainly
 * synthetic values, so no imported registry is stuck at a required identifier.
 */
class ImportedRegistryGenerateTest {

  @TempDir Path temp;

  static Stream<org.junit.jupiter.params.provider.Arguments> codebooks() {
    return ImportedRegistryRenderTest.codebooks();
  }

  @ParameterizedTest
  @MethodSource("codebooks")
  void generate_importedCodebook_everyRecordValidates(CodebookFormat format, String file)
      throws IOException {
    Registry registry =
        ImportFixtures.importInto(temp.resolve("registry"), format, file).registry();
    SyntheticProfile profile =
        registry
            .syntheticProfile()
            .orElseGet(() -> SyntheticProfile.uniform(List.copyOf(registry.forms().keySet())));
    List<Record> records = new ArrayList<>();

    SyntheticDataGenerator.of(registry, profile)
        .generate(20, 7, 0, generated -> records.add(generated.record()));

    assertThat(records).hasSizeGreaterThanOrEqualTo(20);
    RecordValidator validator = RecordValidator.of(registry);
    for (Record record : records) {
      assertThat(validator.validate(record).diagnostics().errors())
          .as("record of form %s", record.form())
          .isEmpty();
      // A national identity number is plainly synthetic: its month is the real month plus 80.
      if (record.values().get("patient_ssn") instanceof String ssn) {
        assertThat(Integer.parseInt(ssn.substring(2, 4)))
            .as("month of a synthetic number")
            .isBetween(81, 92);
      }
    }
  }
}
