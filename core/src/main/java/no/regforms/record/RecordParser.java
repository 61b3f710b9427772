package no.regforms.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;

/**
 * Reads one record from its JSON text. Never throws on bad input: a line that is not JSON, or not a
 * record, comes back as a located {@code record_syntax} issue. Thread-safe.
 */
public final class RecordParser {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // Keep numbers as written ("2.50" stays 2.50): the reader passes records on unchanged.
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private RecordParser() {}

  /** What a syntax message calls the text it read: a line of a file, or a record on its own. */
  private enum Subject {
    LINE("Linjen", "The line"),
    RECORD("Posten", "The record");

    final String nb;
    final String en;

    Subject(String nb, String en) {
      this.nb = nb;
      this.en = en;
    }
  }

  /** Parses the record in {@code json}, which stood on line {@code line} (0 when not from a file). */
  public static RecordLine parse(String json, long line) {
    return parse(json, line, Subject.LINE);
  }

  /**
   * Parses a record given on its own, such as an HTTP request body: messages speak of the record,
   * not of a line, and its issues carry line 0.
   */
  public static RecordLine parse(String json) {
    return parse(json, 0, Subject.RECORD);
  }

  private static RecordLine parse(String json, long line, Subject subject) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending text, which may be health data: say only where.
      String where = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? "" : " (column " + e.getLocation().getColumnNr() + ")";
      if (e instanceof JsonEOFException) {
        return problem(line, subject.nb + " slutter før JSON-verdien er fullstendig" + where,
            subject.en + " ends before the JSON value is complete" + where);
      }
      if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
        return problem(line, subject.nb + " har samme nøkkel to ganger i ett objekt" + where,
            subject.en + " has the same key twice in one object" + where);
      }
      return problem(line, subject.nb + " er ikke gyldig JSON" + where, subject.en + " is not valid JSON" + where);
    }
    if (node == null || !node.isObject()) {
      return problem(line, subject.nb + " er ikke et JSON-objekt", subject.en + " is not a JSON object");
    }
    List<String> missing = new ArrayList<>();
    if (!node.path("form").isTextual()) missing.add("form");
    if (node.has("values") && !node.get("values").isObject()) {
      return problem(line, "\"values\" må være et objekt", "\"values\" must be an object");
    }
    if (!missing.isEmpty()) {
      return problem(line, "Posten mangler \"form\"", "The record has no \"form\" (the form id)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = node.has("values") ? MAPPER.convertValue(node.get("values"), Map.class) : Map.of();
    Record record = new Record(
        text(node, "registry"), text(node, "form"), text(node, "version"), text(node, "id"),
        text(node, "patient"), text(node, "unit"), RecordValues.of(values), line);
    return new RecordLine(line, Optional.of(record), Optional.empty());
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static RecordLine problem(long line, String nb, String en) {
    Issue issue = new Issue(Severity.ERROR, IssueCode.RECORD_SYNTAX, LocalizedText.nbEn(nb, en),
        new RecordPath("", line), Optional.empty());
    return new RecordLine(line, Optional.empty(), Optional.of(issue));
  }
}
