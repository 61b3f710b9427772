package no.regforms.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordParserTest {

  @Test
  void parse_fullEnvelope_readsEveryField() {
    RecordLine line =
        RecordParser.parse(
            "{\"registry\":\"test\",\"form\":\"visit\",\"version\":\"2025.1\",\"id\":\"c-1\","
                + "\"patient\":\"p-9f\",\"unit\":\"4001031\",\"values\":{\"age\":45}}",
            7);

    Record record = line.record().orElseThrow();
    assertThat(record.registry()).isEqualTo("test");
    assertThat(record.form()).isEqualTo("visit");
    assertThat(record.version()).isEqualTo("2025.1");
    assertThat(record.id()).isEqualTo("c-1");
    assertThat(record.optionalId()).contains("c-1");
    assertThat(record.patient()).isEqualTo("p-9f");
    assertThat(record.unit()).isEqualTo("4001031");
    assertThat(record.line()).isEqualTo(7L);
    assertThat(line.number()).isEqualTo(7L);
  }

  @Test
  void parse_onlyForm_leavesEnvelopeEmpty() {
    Record record = RecordParser.parse("{\"form\":\"visit\"}", 1).record().orElseThrow();

    assertThat(record.registry()).isEmpty();
    assertThat(record.version()).isEmpty();
    assertThat(record.optionalId()).isEmpty();
    assertThat(record.values().keys()).isEmpty();
  }

  @Test
  void parse_nullEnvelopeFields_readAsEmpty() {
    Record record =
        RecordParser.parse("{\"form\":\"visit\",\"id\":null,\"unit\":null}", 1)
            .record()
            .orElseThrow();

    assertThat(record.id()).isEmpty();
    assertThat(record.unit()).isEmpty();
  }

  @Test
  void parse_links_readByLinkId_andWrittenBack() {
    Record record =
        RecordParser.parse(
                "{\"form\":\"followup\",\"links\":{\"course\":\"c-1\"},\"values\":{}}", 1)
            .record()
            .orElseThrow();

    assertThat(record.link("course")).contains("c-1");
    assertThat(record.link("other")).isEmpty();
    assertThat(JsonLinesRecordWriter.toJson(record, java.util.Map.of()).get("links").toString())
        .isEqualTo("{\"course\":\"c-1\"}");
  }

  @Test
  void parse_linksNotAnObjectOfTexts_isASyntaxProblem() {
    for (String links : new String[] {"[\"c-1\"]", "{\"course\":1}", "null", "\"c-1\""}) {
      RecordLine line = RecordParser.parse("{\"form\":\"followup\",\"links\":" + links + "}", 3);

      assertThat(line.record()).as(links).isEmpty();
      assertThat(line.problem().orElseThrow().message().exactly("en").orElseThrow())
          .as(links)
          .isEqualTo("\"links\" must be an object from link id to the id of the record linked to");
    }
  }

  @Test
  void parse_values_becomePlainJavaValues() {
    Record record =
        RecordParser.parse(
                "{\"form\":\"visit\",\"values\":{\"a\":1,\"b\":2.50,\"c\":\"x\",\"d\":true,"
                    + "\"e\":[\"p\",\"q\"],\"f\":{\"missing\":\"unknown\"},\"g\":[{\"h\":1}],\"n\":null}}",
                1)
            .record()
            .orElseThrow();

    RecordValues values = record.values();
    assertThat(values.get("a")).isEqualTo(BigDecimal.ONE);
    assertThat(values.get("b")).isEqualTo(new BigDecimal("2.50"));
    assertThat(values.get("c")).isEqualTo("x");
    assertThat(values.get("d")).isEqualTo(true);
    assertThat(values.get("e")).isEqualTo(List.of("p", "q"));
    assertThat(values.get("f")).isEqualTo(Map.of("missing", "unknown"));
    assertThat(values.get("g")).isEqualTo(List.of(Map.of("h", BigDecimal.ONE)));
    assertThat(values.has("n")).isFalse();
    assertThat(values.keys()).containsExactly("a", "b", "c", "d", "e", "f", "g");
  }

  @Test
  void parse_bigNumbers_keepEveryDigit() {
    Record record =
        RecordParser.parse(
                "{\"form\":\"visit\",\"values\":{\"a\":123456789012345678901234567890,"
                    + "\"b\":0.1000000000000000000001}}",
                1)
            .record()
            .orElseThrow();

    assertThat(record.values().get("a"))
        .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(record.values().get("b")).isEqualTo(new BigDecimal("0.1000000000000000000001"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{",
        "[1,2]",
        "\"text\"",
        "42",
        "null",
        "{\"values\":{}}",
        "{\"form\":12}",
        "{\"form\":\"visit\",\"values\":[1]}",
        "{\"form\":\"visit\",\"values\":\"x\"}",
        "{\"form\":\"visit\",\"form\":\"prom\"}",
        "{\"form\":\"visit\"} trailing"
      })
  void parse_notARecord_reportsRecordSyntaxOnItsLine(String json) {
    RecordLine line = RecordParser.parse(json, 12);

    assertThat(line.record()).isEmpty();
    Issue issue = line.problem().orElseThrow();
    assertThat(issue.code()).isEqualTo(IssueCode.RECORD_SYNTAX);
    assertThat(issue.location()).isEqualTo(new RecordPath("", 12));
    assertThat(issue.message().exactly("nb")).isPresent();
    assertThat(issue.message().exactly("en")).isPresent();
  }

  @Test
  void recordValues_areImmutable() {
    RecordValues values =
        RecordParser.parse("{\"form\":\"visit\",\"values\":{\"e\":[\"p\"],\"g\":[{\"h\":1}]}}", 1)
            .record()
            .orElseThrow()
            .values();

    assertThat(values.asMap()).isUnmodifiable();
    assertThat((List<?>) values.get("e")).isUnmodifiable();
    assertThat((Map<?, ?>) ((List<?>) values.get("g")).get(0)).isUnmodifiable();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "depth         | --max-depth",
        "string        | --max-string-length",
        "number        | --max-number-length",
        "document      | --max-record-bytes"
      })
  void parse_beyondALimit_refusesNamingTheLimitAndItsOption(String limit, String option) {
    RecordLimits limits = new RecordLimits(2_000, 10, 50, 20);
    String json =
        switch (limit) {
          case "depth" ->
              "{\"form\":\"visit\",\"values\":{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}}";
          case "string" -> "{\"form\":\"visit\",\"values\":{\"a\":\"" + "s".repeat(51) + "\"}}";
          case "number" -> "{\"form\":\"visit\",\"values\":{\"a\":1" + "0".repeat(40) + "}}";
          default -> "{\"form\":\"visit\",\"values\":{\"a\":[" + "1,".repeat(1_500) + "1]}}";
        };

    RecordLine line = RecordParser.of(limits).read(json, 7);

    Issue issue = line.problem().orElseThrow();
    assertThat(issue.code()).isEqualTo(IssueCode.RECORD_LIMIT);
    assertThat(issue.location()).isEqualTo(new RecordPath("", 7));
    assertThat(issue.text("en")).contains(option).doesNotContain("sss").doesNotContain("s,s,");
    assertThat(issue.message().exactly("nb")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"form\":\"visit\",\"note\":\"SSS\"}",
        "{\"form\":\"visit\",\"other\":{\"x\":[\"SSS\"]}}",
        "{\"form\":\"visit\",\"registry\":1NNN}",
        "{\"form\":\"visit\",\"values\":{\"a\":1.NNN}}"
      })
  void parse_beyondALimitWhereTheRecordKeepsNothing_stillRefuses(String template) {
    // The streaming reader builds only what a record keeps; the limits must hold for every token.
    String json = template.replace("SSS", "s".repeat(51)).replace("NNN", "0".repeat(40));

    RecordLine line = RecordParser.of(new RecordLimits(2_000, 10, 50, 20)).read(json, 3);

    assertThat(line.problem().orElseThrow().code()).isEqualTo(IssueCode.RECORD_LIMIT);
  }

  @Test
  void parse_defaultLimits_acceptARealisticRecord() {
    String json =
        "{\"form\":\"visit\",\"values\":{\"note\":\""
            + "t".repeat(10_000)
            + "\",\"sessions\":[{\"a\":[1,2]}]}}";

    assertThat(RecordParser.parse(json, 1).record()).isPresent();
  }
}
