package no.regforms.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.presentation.MessageCatalogue;

/**
 * Reads one record from its JSON text. Never throws on bad input: a line that is not JSON, or not a
 * record, comes back as a located {@code record_syntax} issue, and one beyond a {@link RecordLimits
 * limit} as a {@code record_limit} issue naming the limit. Immutable and thread-safe.
 */
public final class RecordParser {

  private static final RecordParser DEFAULT = new RecordParser(RecordLimits.DEFAULTS);

  private final RecordLimits limits;
  private final JsonFactory factory;

  private RecordParser(RecordLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(limits.constraints())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /** A parser enforcing {@code limits}. */
  public static RecordParser of(RecordLimits limits) {
    return new RecordParser(Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Parses the record in {@code json}, which stood on line {@code line} (0 when not from a file),
   * within the default limits.
   */
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

  /**
   * Parses the record in {@code json}, which stood on line {@code line} (0 when not from a file).
   */
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
    if (json.length() > limits.maxRecordBytes())
      return tooLong(line, limits.maxRecordBytes(), subject);
    return read(() -> factory.createParser(json), line, subject);
  }

  /**
   * Parses the record in {@code length} bytes of {@code utf8} from {@code offset}, which stood on
   * line {@code line}; the caller has checked that they are UTF-8 and within the length limit.
   * Jackson reads bytes faster than text, and the line need not be decoded first.
   */
  RecordLine read(byte[] utf8, int offset, int length, long line) {
    return read(() -> factory.createParser(utf8, offset, length), line, Subject.LINE);
  }

  /** Opens a Jackson parser on the text of one record. */
  @FunctionalInterface
  private interface Source {
    JsonParser open() throws IOException;
  }

  private RecordLine read(Source source, long line, Subject subject) {
    Envelope envelope;
    try (JsonParser parser = source.open()) {
      envelope = readDocument(parser);
    } catch (StreamConstraintsException e) {
      return beyondLimit(line, String.valueOf(e.getOriginalMessage()), subject);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending text, which may be health data: say only where.
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      String key =
          e instanceof JsonEOFException
              ? "record.syntax.incomplete"
              : String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                  ? "record.syntax.duplicateKey"
                  : "record.syntax.notJson";
      return problem(
          line,
          MessageCatalogue.localized(
              texts ->
                  texts.text(key, texts.text(subject.key))
                      + (column < 1
                          ? ""
                          : " " + texts.text("record.syntax.column", String.valueOf(column)))));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading a record from memory failed", e); // text in memory cannot fail to read
    }
    if (envelope == null) {
      return problem(
          line,
          MessageCatalogue.localized(
              texts -> texts.text("record.syntax.notObject", texts.text(subject.key))));
    }
    Map<String, String> links = new LinkedHashMap<>();
    if (envelope.links != null && !links(envelope.links, links)) {
      return problem(line, MessageCatalogue.localized("record.syntax.linksNotObject"));
    }
    if (envelope.values != null && !(envelope.values instanceof Map)) {
      return problem(line, MessageCatalogue.localized("record.syntax.valuesNotObject"));
    }
    if (!(envelope.form instanceof String form)) {
      return problem(line, MessageCatalogue.localized("record.syntax.noForm"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values =
        envelope.values == null ? Map.of() : (Map<String, Object>) envelope.values;
    Record record =
        new Record(
            text(envelope.registry),
            form,
            text(envelope.version),
            text(envelope.id),
            text(envelope.patient),
            text(envelope.unit),
            links,
            RecordValues.read(values),
            line);
    return new RecordLine(line, Optional.of(record), Optional.empty());
  }

  /**
   * The envelope's keys as read; any value, as the checks after reading say what is wrong with it.
   */
  private static final class Envelope {
    Object registry;
    Object form;
    Object version;
    Object id;
    Object patient;
    Object unit;
    Object links;
    Object values;
  }

  /**
   * Copies {@code value} into {@code links} when it is an object of texts (ids), as {@code "links":
   * {"course": "c-000123"}} is; false otherwise.
   */
  private static boolean links(Object value, Map<String, String> links) {
    if (!(value instanceof Map<?, ?> map)) return false;
    for (Map.Entry<?, ?> link : map.entrySet()) {
      if (!(link.getValue() instanceof String id)) return false;
      links.put((String) link.getKey(), id);
    }
    return true;
  }

  /**
   * Reads the whole document in one streaming pass, straight into the values a record keeps (no
   * tree, no intermediate map, no copy); {@code null} when it is not an object. Every token is
   * read, including those of keys the record does not keep, so the limits hold for the whole text.
   */
  private static Envelope readDocument(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    Envelope envelope = null;
    if (first == JsonToken.START_OBJECT) {
      envelope = new Envelope();
      for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
        Object value = readValue(parser, parser.nextToken());
        switch (key) {
          case "registry" -> envelope.registry = value;
          case "form" -> envelope.form = value;
          case "version" -> envelope.version = value;
          case "id" -> envelope.id = value;
          case "patient" -> envelope.patient = value;
          case "unit" -> envelope.unit = value;
          case "links" -> envelope.links = value == null ? NULL : value;
          case "values" -> envelope.values = value == null ? NULL : value;
          default -> {} // other keys are read (within the limits) and left out
        }
      }
    } else if (first != null) {
      readValue(parser, first);
    }
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "trailing tokens after the record");
    }
    return envelope;
  }

  /** Marks {@code "values": null}, which is not an object (absent values are). */
  private static final Object NULL = new Object();

  /**
   * The value starting at {@code token} as a record keeps it: a {@link String}, an exact {@link
   * BigDecimal} as written ("2.50" stays 2.50), a {@link Boolean}, an unmodifiable list, an
   * unmodifiable map without its null members, or {@code null} for JSON null.
   */
  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            Object value = readValue(parser, parser.nextToken());
            if (value != null) map.put(key, value);
          }
          return Collections.unmodifiableMap(map);
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          for (JsonToken next = parser.nextToken();
              next != JsonToken.END_ARRAY;
              next = parser.nextToken()) {
            list.add(readValue(parser, next));
          }
          return Collections.unmodifiableList(list);
        }
      default:
        return null;
    }
  }

  /** Jackson names the limit it met in the first words of its message; say which in our words. */
  private RecordLine beyondLimit(long line, String jacksonMessage, Subject subject) {
    if (jacksonMessage.startsWith("Document nesting depth")) {
      return limit(
          line,
          MessageCatalogue.localized(
              "record.limit.depth", String.valueOf(limits.maxNestingDepth())),
          "--max-depth",
          "maxNestingDepth");
    }
    if (jacksonMessage.startsWith("String value length")
        || jacksonMessage.startsWith("Name length")) {
      return limit(
          line,
          MessageCatalogue.localized("record.limit.text", String.valueOf(limits.maxStringLength())),
          "--max-string-length",
          "maxStringLength");
    }
    if (jacksonMessage.startsWith("Number value length")) {
      return limit(
          line,
          MessageCatalogue.localized(
              "record.limit.number", String.valueOf(limits.maxNumberLength())),
          "--max-number-length",
          "maxNumberLength");
    }
    return tooLong(line, limits.maxRecordBytes(), subject);
  }

  /** The issue for a line (or record) longer than {@code maxRecordBytes}. */
  static RecordLine tooLong(long line, int maxRecordBytes, Subject subject) {
    return limit(
        line,
        MessageCatalogue.localized(
            texts ->
                texts.text(
                    "record.limit.length",
                    texts.text(subject.key),
                    String.valueOf(maxRecordBytes))),
        "--max-record-bytes",
        "maxRecordBytes");
  }

  private static RecordLine limit(
      long line, LocalizedText message, String option, String component) {
    Issue issue =
        new Issue(
            Severity.ERROR,
            IssueCode.RECORD_LIMIT,
            message,
            new RecordPath("", line),
            Optional.of(
                "raise the limit with "
                    + option
                    + " (RecordLimits."
                    + component
                    + " when embedding)"));
    return new RecordLine(line, Optional.empty(), Optional.of(issue));
  }

  /**
   * An envelope value as text: a number as written, a true or false as such, anything else empty.
   */
  private static String text(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal)
      return value.toString();
    return "";
  }

  static RecordLine problem(long line, LocalizedText message) {
    return problem(line, IssueCode.RECORD_SYNTAX, message);
  }

  static RecordLine problem(long line, IssueCode code, LocalizedText message) {
    Issue issue =
        new Issue(Severity.ERROR, code, message, new RecordPath("", line), Optional.empty());
    return new RecordLine(line, Optional.empty(), Optional.of(issue));
  }
}
