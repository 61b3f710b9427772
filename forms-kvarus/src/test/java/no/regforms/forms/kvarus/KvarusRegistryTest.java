package no.regforms.forms.kvarus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.Test;

/** The KVARUS definition module loads clean, and its hand-made samples validate as they say. */
class KvarusRegistryTest {

  private static final Path FOLDER = Path.of("src/main/resources/registries/kvarus");
  private static final Path SAMPLES = Path.of("src/test/resources/samples");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void load_byModuleId_isCleanWithAllForms() {
    LoadResult result = DefinitionLoader.create().load("kvarus");

    assertThat(result.diagnostics().issues()).isEmpty();
    Registry registry = result.registryOrThrow();
    assertThat(registry.id()).isEqualTo("kvarus");
    assertThat(registry.forms().keySet()).containsExactlyInAnyOrder("basis_clinician", "basis_patient", "measurement_clinician", "measurement_patient",
            "discharge_clinician", "discharge_patient", "followup_clinician", "followup_patient");
    assertThat(registry.indicators()).hasSize(4);
  }

  @Test
  void load_fromFolder_isCleanAndMatchesModule() {
    LoadResult result = DefinitionLoader.create().load(FOLDER);

    assertThat(result.diagnostics().issues()).isEmpty();
    assertThat(result.registryOrThrow().forms()).hasSameSizeAs(DefinitionLoader.create().load("kvarus").registryOrThrow().forms());
  }

  @Test
  void validate_validSamples_reportNoIssues() throws IOException {
    RecordValidator validator = RecordValidator.of(DefinitionLoader.create().load("kvarus").registryOrThrow());
    List<String> lines = lines("valid.jsonl");

    assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    for (int i = 0; i < lines.size(); i++) {
      Record record = record(lines.get(i), i + 1);
      assertThat(validator.validate(record).diagnostics().issues()).as(record.id()).isEmpty();
    }
  }

  @Test
  void validate_invalidSamples_reportTheirExpectedCode() throws IOException {
    RecordValidator validator = RecordValidator.of(DefinitionLoader.create().load("kvarus").registryOrThrow());
    List<String> lines = lines("invalid.jsonl");

    assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
    for (int i = 0; i < lines.size(); i++) {
      String expect = JSON.readTree(lines.get(i)).path("expect").asText();
      Record record = record(lines.get(i), i + 1);
      List<String> codes = validator.validate(record).diagnostics().issues().stream()
          .map(Issue::code).map(c -> c.code()).toList();
      assertThat(expect).as(record.id() + " names its expected code").isNotBlank();
      assertThat(codes).as(record.id()).containsExactly(expect);
    }
  }

  private static List<String> lines(String file) throws IOException {
    return Files.readAllLines(SAMPLES.resolve(file)).stream().filter(l -> !l.isBlank()).toList();
  }

  private static Record record(String line, long number) {
    RecordLine parsed = RecordParser.parse(line, number);
    assertThat(parsed.problem()).as("line " + number).isEmpty();
    return parsed.record().orElseThrow();
  }
}
