package no.regforms.forms.ms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-made samples: every valid one validates without errors, every invalid one reports its {@code expect} code. */
class MsSamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Path.of("src/test/resources/samples");
  private static final Registry REGISTRY = DefinitionLoader.create().load("ms").registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);

  static List<Arguments> valid() throws IOException {
    return lines("valid.jsonl");
  }

  static List<Arguments> invalid() throws IOException {
    return lines("invalid.jsonl");
  }

  private static List<Arguments> lines(String file) throws IOException {
    List<String> texts = Files.readAllLines(SAMPLES.resolve(file));
    List<Arguments> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!texts.get(i).isBlank()) {
        JsonNode node = JSON.readTree(texts.get(i));
        lines.add(Arguments.of(node.path("id").asText(), i + 1, texts.get(i), node.path("expect").asText("")));
      }
    }
    assertThat(lines).as(file).isNotEmpty();
    return lines;
  }

  private static ValidationResult validate(String text, long line) {
    RecordLine parsed = RecordParser.parse(text, line);
    assertThat(parsed.problem()).as("line %d reads", line).isEmpty();
    return VALIDATOR.validate(parsed.record().orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validate_validSample_hasNoErrors(String id, int line, String text, String expect) {
    ValidationResult result = validate(text, line);

    assertThat(result.diagnostics().errors()).as(id).isEmpty();
  }

  @ParameterizedTest(name = "{0} expects {3}")
  @MethodSource("invalid")
  void validate_invalidSample_reportsItsExpectedCode(String id, int line, String text, String expect) {
    assertThat(expect).as("%s names its expected code", id).isNotBlank();

    ValidationResult result = validate(text, line);

    assertThat(result.diagnostics().issues()).extracting(issue -> issue.code().code()).as(id).contains(expect);
  }
}
