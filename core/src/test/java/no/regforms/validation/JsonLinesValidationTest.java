package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

/** Reading a JSON Lines extract and validating each record, as the command line does. */
class JsonLinesValidationTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String line(RecordBuilder builder) throws JsonProcessingException {
    Record record = builder.build();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("registry", record.registry());
    json.put("form", record.form());
    json.put("id", "c-1");
    json.put("values", record.values().asMap());
    return MAPPER.writeValueAsString(json);
  }

  @Test
  void validate_extract_locatesEveryIssueByLineAndPath() throws Exception {
    String extract =
        String.join(
            "\n",
            line(TestRegistry.validVisit()),
            "",
            "{\"form\": \"visit\", \"values\": {\"age\": }",
            line(TestRegistry.validVisit().set("age", 130).setInRow("sessions", 2, "charge", 2000)),
            line(TestRegistry.validProm()));

    List<RecordLine> lines;
    try (JsonLinesRecordReader reader = new JsonLinesRecordReader(new StringReader(extract))) {
      lines = reader.lines().toList();
    }
    List<Issue> issues =
        lines.stream()
            .flatMap(
                line ->
                    line
                        .record()
                        .map(
                            record ->
                                TestRegistry.validator().validate(record).diagnostics().issues())
                        .orElseGet(() -> List.of(line.problem().orElseThrow()))
                        .stream())
            .toList();

    assertThat(lines).extracting(RecordLine::number).containsExactly(1L, 3L, 4L, 5L);
    assertThat(issues)
        .extracting(
            Issue::code,
            i -> ((RecordPath) i.location()).line(),
            i -> ((RecordPath) i.location()).path())
        .containsExactly(
            tuple(IssueCode.RECORD_SYNTAX, 3L, ""),
            tuple(IssueCode.OUT_OF_RANGE, 4L, "age"),
            tuple(IssueCode.OUT_OF_RANGE, 4L, "sessions[2].charge"));
  }

  @Test
  void validate_recordReadFromJson_derivesSameComputedValuesAsBuilt() throws Exception {
    Record read;
    try (JsonLinesRecordReader reader =
        new JsonLinesRecordReader(new StringReader(line(TestRegistry.validProm())))) {
      read = reader.lines().findFirst().orElseThrow().record().orElseThrow();
    }

    ValidationResult result = TestRegistry.validator().validate(read);

    assertThat(result.diagnostics().issues()).isEmpty();
    assertThat((BigDecimal) result.computed().get("total")).isEqualByComparingTo("20");
  }
}
