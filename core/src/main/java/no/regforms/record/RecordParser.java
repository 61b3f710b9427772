package no.regforms.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;

/**
 * Reads one record from its JSON text. Never throws on bad input: a line that is not JSON, or not a
 * record, comes back as a located {@code record_syntax} issue, and one beyond a {@link RecordLimits
 * limit} as a {@code record_limit} issue naming the limit. Immutable and thread-safe.
 */
public final class RecordParser {

  private static final RecordParser DEFAULT = new RecordParser(RecordLimits.DEFAULTS);

  private final RecordLimits limits;
  private final ObjectMapper mapper;

  private RecordParser(RecordLimits limits) {
    this.limits = limits;
    this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits.constraints()).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // Keep numbers as written ("2.50" stays 2.50): the reader passes records on unchanged.
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }

  /** A parser enforcing {@code limits}. */
  public static RecordParser of(RecordLimits limits) {
    return new RecordParser(Objects.requireNonNull(limits, "limits"));
  }

  /** Parses the record in {@code json}, which stood on line {@code line} (0 when not from a file), within the default limits. */
  public static RecordLine parse(String json, long line) {
    return DEFAULT.read(json, line);
  }

  /** The limits this parser enforces. */
  public RecordLimits limits() {
    return limits;
  }

  /** What a syntax message calls the text it read: a line of a file, or a record on its own. */
  enum Subject {
    LINE("record.subject.line"),
    RECORD("record.subject.record");

    /** Its name in the message catalogue, as a sentence starts. */
    final String key;

    Subject(String key) {
      this.key = key;
    }
  }

  /** Parses the record in {@code json}, which stood on line {@code line} (0 when not from a file). */
  public RecordLine read(String json, long line) {
    return read(json, line, Subject.LINE);
  }

  /**
   * Parses a record given on its own, such as an HTTP request body: messages speak of the record,
   * not of a line, and its issues carry line 0.
   */
  public RecordLine read(String json) {
    return read(json, 0, Subject.RECORD);
  }

  /** As {@link #read(String)}, within the default limits. */
  public static RecordLine parse(String json) {
    return DEFAULT.read(json);
  }

  private RecordLine read(String json, long line, Subject subject) {
    Objects.requireNonNull(json, "json");
    // Jackson checks the document length only on streams; a string is measured here (in characters,
    // which never exceed its UTF-8 bytes).
    if (json.length() > limits.maxRecordBytes()) return tooLong(line, limits.maxRecordBytes(), subject);
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (StreamConstraintsException e) {
      return beyondLimit(line, String.valueOf(e.getOriginalMessage()), subject);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending text, which may be health data: say only where.
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      String key = e instanceof JsonEOFException ? "record.syntax.incomplete"
          : String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field") ? "record.syntax.duplicateKey"
          : "record.syntax.notJson";
      return problem(line, MessageCatalogue.localized(texts -> texts.text(key, texts.text(subject.key))
          + (column < 1 ? "" : " " + texts.text("record.syntax.column", String.valueOf(column)))));
    }
    if (node == null || !node.isObject()) {
      return problem(line, MessageCatalogue.localized(texts -> texts.text("record.syntax.notObject", texts.text(subject.key))));
    }
    if (node.has("values") && !node.get("values").isObject()) {
      return problem(line, MessageCatalogue.localized("record.syntax.valuesNotObject"));
    }
    if (!node.path("form").isTextual()) {
      return problem(line, MessageCatalogue.localized("record.syntax.noForm"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = node.has("values") ? mapper.convertValue(node.get("values"), Map.class) : Map.of();
    Record record = new Record(
        text(node, "registry"), text(node, "form"), text(node, "version"), text(node, "id"),
        text(node, "patient"), text(node, "unit"), RecordValues.of(values), line);
    return new RecordLine(line, Optional.of(record), Optional.empty());
  }

  /** Jackson names the limit it met in the first words of its message; say which in our words. */
  private RecordLine beyondLimit(long line, String jacksonMessage, Subject subject) {
    if (jacksonMessage.startsWith("Document nesting depth")) {
      return limit(line, MessageCatalogue.localized("record.limit.depth", String.valueOf(limits.maxNestingDepth())),
          "--max-depth", "maxNestingDepth");
    }
    if (jacksonMessage.startsWith("String value length") || jacksonMessage.startsWith("Name length")) {
      return limit(line, MessageCatalogue.localized("record.limit.text", String.valueOf(limits.maxStringLength())),
          "--max-string-length", "maxStringLength");
    }
    if (jacksonMessage.startsWith("Number value length")) {
      return limit(line, MessageCatalogue.localized("record.limit.number", String.valueOf(limits.maxNumberLength())),
          "--max-number-length", "maxNumberLength");
    }
    return tooLong(line, limits.maxRecordBytes(), subject);
  }

  /** The issue for a line (or record) longer than {@code maxRecordBytes}. */
  static RecordLine tooLong(long line, int maxRecordBytes, Subject subject) {
    return limit(line, MessageCatalogue.localized(texts -> texts.text("record.limit.length", texts.text(subject.key),
        String.valueOf(maxRecordBytes))), "--max-record-bytes", "maxRecordBytes");
  }

  private static RecordLine limit(long line, LocalizedText message, String option, String component) {
    Issue issue = new Issue(Severity.ERROR, IssueCode.RECORD_LIMIT, message, new RecordPath("", line),
        Optional.of("raise the limit with " + option + " (RecordLimits." + component + " when embedding)"));
    return new RecordLine(line, Optional.empty(), Optional.of(issue));
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? "" : value.asText();
  }

  static RecordLine problem(long line, LocalizedText message) {
    return problem(line, IssueCode.RECORD_SYNTAX, message);
  }

  static RecordLine problem(long line, IssueCode code, LocalizedText message) {
    Issue issue = new Issue(Severity.ERROR, code, message, new RecordPath("", line), Optional.empty());
    return new RecordLine(line, Optional.empty(), Optional.of(issue));
  }
}
