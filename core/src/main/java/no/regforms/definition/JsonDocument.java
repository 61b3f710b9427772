package no.regforms.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;

/**
 * One definition file read with Jackson, with the line and column of every value and key, so that
 * any problem found later can be reported at its place in the file.
 */
final class JsonDocument {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String file;
  private final String text;
  private final JsonNode root;
  private final Map<String, JsonLocation> values;
  private final Map<String, JsonLocation> keys;

  /**
   * Parts of an expanded document that come from elsewhere: a library entry, an override, a
   * default.
   */
  private final Map<String, Origin> origins;

  /**
   * Expression strings of an expanded document spliced together from several strings of this file.
   */
  private final Map<String, List<Splice>> splices;

  /** The file as read; this document itself unless it is expanded. */
  private final JsonDocument written;

  private JsonDocument(
      String file,
      String text,
      JsonNode root,
      Map<String, JsonLocation> values,
      Map<String, JsonLocation> keys) {
    this(file, text, root, values, keys, Map.of(), Map.of(), null);
  }

  private JsonDocument(
      String file,
      String text,
      JsonNode root,
      Map<String, JsonLocation> values,
      Map<String, JsonLocation> keys,
      Map<String, Origin> origins,
      Map<String, List<Splice>> splices,
      JsonDocument written) {
    this.written = written == null ? this : written;
    this.file = file;
    this.text = text;
    this.root = root;
    this.values = values;
    this.keys = keys;
    this.origins = origins;
    this.splices = splices;
  }

  /**
   * Where the value at a pointer of an expanded document was written: at {@code pointer} of {@code
   * document}, a file as read (never itself expanded).
   */
  record Origin(JsonDocument document, String pointer) {}

  /**
   * Characters {@code start..end} of an expanded expression string that were written at {@code
   * sourceStart} of the string at {@code pointer} of the same file.
   */
  record Splice(int start, int end, String pointer, int sourceStart) {}

  /**
   * This file as {@code expanded} says it, after reuse and defaults: every problem found in it is
   * still located where its text was written, through {@code origins} (the longest pointer prefix
   * wins) and {@code splices}.
   */
  JsonDocument expanded(
      JsonNode expanded, Map<String, Origin> origins, Map<String, List<Splice>> splices) {
    return new JsonDocument(
        file, text, expanded, values, keys, Map.copyOf(origins), Map.copyOf(splices), written);
  }

  /**
   * Whether this document differs from its file: uses, defaults or named expressions were resolved.
   */
  boolean isExpanded() {
    return written != this;
  }

  /** The JSON the schema checks: the text as read, or the expanded tree. */
  String json() {
    if (!isExpanded()) return text;
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serialises", e);
    }
  }

  /** The origin of the value at {@code pointer}, when it comes from elsewhere. */
  private Optional<Origin> originOf(String pointer) {
    return origins.isEmpty() ? Optional.empty() : originIn(origins, pointer);
  }

  /**
   * The origin {@code origins} give the value at {@code pointer}: that of its longest prefix, with
   * the rest of the pointer applied.
   */
  static Optional<Origin> originIn(Map<String, Origin> origins, String pointer) {
    String probe = pointer;
    while (true) {
      Origin origin = origins.get(probe);
      if (origin != null)
        return Optional.of(
            new Origin(origin.document(), origin.pointer() + pointer.substring(probe.length())));
      if (probe.isEmpty()) return Optional.empty();
      probe = probe.substring(0, probe.lastIndexOf('/'));
    }
  }

  /** Reads {@code text}; a syntax error comes back as an issue located where the parser stopped. */
  static Result parse(String file, String text) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null || root.isMissingNode()) {
        return new Result(
            null,
            Issue.error(
                IssueCode.JSON_SYNTAX,
                "the file is empty; expected a JSON object",
                SourceLocation.of(file, 1, 1, "")));
      }
      Optional<Issue> trailing = trailingContent(file, parser);
      if (trailing.isPresent()) {
        return new Result(null, trailing.get());
      }
      Map<String, JsonLocation> values = new HashMap<>();
      Map<String, JsonLocation> keys = new HashMap<>();
      index(text, values, keys);
      return new Result(new JsonDocument(file, text, root, values, keys), null);
    } catch (JsonProcessingException e) {
      return new Result(null, syntaxIssue(file, text, e));
    } catch (IOException e) {
      return new Result(
          null,
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot read the file: " + e.getMessage(),
              SourceLocation.of(file, 0, 0, "")));
    }
  }

  /**
   * The issue for a syntax error, with Jackson's message made plain for the commonest mistakes: a
   * missing comma is reported where the comma belongs, a trailing comma at the comma, a repeated
   * key at the key. The JSON pointer is that of the member being read, when the parser knows it.
   */
  private static Issue syntaxIssue(String file, String text, JsonProcessingException e) {
    String message = clean(e.getOriginalMessage());
    JsonLocation where = e.getLocation();
    String pointer =
        e.getProcessor() instanceof JsonParser parser
            ? parser.getParsingContext().pathAsPointer().toString()
            : "";
    SourceLocation parserStop = at(file, where);
    SourceLocation here = SourceLocation.of(file, parserStop.line(), parserStop.column(), pointer);
    int offset = where == null ? -1 : (int) Math.min(where.getCharOffset(), text.length());
    Matcher duplicate = DUPLICATE_KEY.matcher(message);
    if (duplicate.matches() && where != null) {
      // Jackson stops just after the key; the caret belongs on its opening quote.
      int column = Math.max(1, here.column() - duplicate.group(1).length() - 2);
      return Issue.error(
              IssueCode.JSON_SYNTAX,
              "key '" + duplicate.group(1) + "' appears twice in the same object",
              SourceLocation.of(file, here.line(), column, pointer))
          .withHint("each key may appear once in an object; remove or rename one of them");
    }
    int before = offset < 0 ? -1 : previousNonBlank(text, offset);
    if (message.contains("was expecting comma to separate") && before >= 0) {
      return Issue.error(
              IssueCode.JSON_SYNTAX,
              "not valid JSON: a comma is missing after this value",
              position(file, text, before + 1, pointer))
          .withHint("separate the members of an object, and the items of a list, with commas");
    }
    Matcher close = TRAILING_COMMA.matcher(message);
    if (close.find() && before >= 0 && text.charAt(before) == ',') {
      return Issue.error(
              IssueCode.JSON_SYNTAX,
              "not valid JSON: a comma before '"
                  + close.group(1)
                  + "' (a trailing comma) is not allowed",
              position(file, text, before, pointer))
          .withHint(
              "remove the comma after the last "
                  + (close.group(1).equals("}") ? "member of the object" : "item of the list"));
    }
    Matcher end = UNCLOSED.matcher(message);
    if (end.find()) {
      boolean list = end.group(1).equals("Array");
      return Issue.error(
              IssueCode.JSON_SYNTAX,
              "not valid JSON: the file ends inside the "
                  + (list ? "list" : "object")
                  + " opened at line "
                  + end.group(2)
                  + ", column "
                  + end.group(3),
              here)
          .withHint(
              "close it with '"
                  + (list ? "]" : "}")
                  + "', and close whatever is still open around it");
    }
    return Issue.error(IssueCode.JSON_SYNTAX, "not valid JSON: " + message, here)
        .withHint("check for a missing comma, quote or bracket just before this point");
  }

  /** The offset of the last character before {@code offset} that is not white space, or -1. */
  private static int previousNonBlank(String text, int offset) {
    int i = offset - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
    return i;
  }

  /** The 1-based line and column of character {@code offset} of {@code text}. */
  private static SourceLocation position(String file, String text, int offset, String pointer) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return SourceLocation.of(file, line, offset - lineStart + 1, pointer);
  }

  /** Text after the end of the root value: a second object, a stray bracket, garbage. */
  private static Optional<Issue> trailingContent(String file, JsonParser parser)
      throws IOException {
    JsonLocation where;
    try {
      if (parser.nextToken() == null) return Optional.empty();
      where = parser.currentTokenLocation();
    } catch (JsonProcessingException e) {
      where = e.getLocation();
    }
    return Optional.of(
        Issue.error(
                IssueCode.JSON_SYNTAX,
                "not valid JSON: unexpected text after the end of the "
                    + "JSON object that the file holds",
                at(file, where))
            .withHint(
                "a definition file holds exactly one JSON object; remove what follows its closing '}'"));
  }

  private static SourceLocation at(String file, JsonLocation where) {
    int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
    int column = where == null ? 0 : Math.max(where.getColumnNr(), 0);
    return SourceLocation.of(file, line, column, "");
  }

  /** A result of parsing: a document, or the issue that stopped parsing. */
  record Result(JsonDocument document, Issue issue) {}

  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");
  private static final Pattern TRAILING_COMMA =
      Pattern.compile(
          "^Unexpected character \\('([}\\]])'\\): (was expecting double-quote to start field name|expected a (valid )?value)");
  private static final Pattern UNCLOSED =
      Pattern.compile(
          "^Unexpected end-of-input: expected close marker for (Array|Object) \\(opened at line (\\d+), column (\\d+)\\)");
  private static final Pattern CHAR_CODE = Pattern.compile(" \\(code -?\\d+\\)");
  private static final Pattern START_MARKER =
      Pattern.compile(
          "\\s*\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern SOURCE =
      Pattern.compile("\\s*(\\(for \\w+ starting )?at \\[Source: [^\\]]*\\]\\)?");

  /**
   * Jackson's message on one line, without character codes and source descriptions meant for
   * programmers.
   */
  private static String clean(String message) {
    int newline = message.indexOf('\n');
    String text = newline < 0 ? message : message.substring(0, newline);
    text = CHAR_CODE.matcher(text).replaceAll("");
    text = START_MARKER.matcher(text).replaceAll(" (opened at line $1, column $2)");
    return SOURCE.matcher(text).replaceAll("");
  }

  /** Walks the tokens once, remembering where each value (and each object key) starts. */
  private static void index(
      String text, Map<String, JsonLocation> values, Map<String, JsonLocation> keys)
      throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      Deque<Frame> frames = new ArrayDeque<>();
      String fieldName = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          fieldName = parser.currentName();
          keys.put(frames.peek().pointer + "/" + escape(fieldName), parser.currentTokenLocation());
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          frames.pop();
          continue;
        }
        Frame parent = frames.peek();
        String here;
        if (parent == null) {
          here = "";
        } else if (parent.isArray) {
          here = parent.pointer + "/" + parent.nextIndex++;
        } else {
          here = parent.pointer + "/" + escape(fieldName);
        }
        values.put(here, parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          frames.push(new Frame(here, token == JsonToken.START_ARRAY));
        }
      }
    }
  }

  /** An open object or array while indexing. */
  private static final class Frame {
    final String pointer;
    final boolean isArray;
    int nextIndex;

    Frame(String pointer, boolean isArray) {
      this.pointer = pointer;
      this.isArray = isArray;
    }
  }

  /** Escapes a key for a JSON Pointer (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  String file() {
    return file;
  }

  String text() {
    return text;
  }

  JsonNode root() {
    return root;
  }

  /** The node at {@code pointer}, if present. */
  Optional<JsonNode> at(String pointer) {
    JsonNode node = root.at(JsonPointer.compile(pointer));
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /**
   * The location of the value at {@code pointer}, or of the nearest enclosing value that exists.
   */
  SourceLocation locate(String pointer) {
    Optional<Origin> origin = originOf(pointer);
    if (origin.isPresent()) return origin.get().document().locate(origin.get().pointer());
    String probe = pointer;
    while (true) {
      JsonLocation where = values.get(probe);
      if (where != null) return location(where, pointer);
      if (probe.isEmpty()) return SourceLocation.of(file, 1, 1, pointer);
      probe = probe.substring(0, probe.lastIndexOf('/'));
    }
  }

  /** The location of the key of the member at {@code pointer}; falls back to its value. */
  SourceLocation locateKey(String pointer) {
    Optional<Origin> origin = originOf(pointer);
    if (origin.isPresent()) return origin.get().document().locateKey(origin.get().pointer());
    JsonLocation where = keys.get(pointer);
    return where != null ? location(where, pointer) : locate(pointer);
  }

  /**
   * The location of characters {@code start..end} inside the string value at {@code pointer},
   * counting escape sequences, so that a caret lands on the right column of the file.
   */
  SourceLocation locateInString(String pointer, String value, int start, int end) {
    Optional<Origin> origin = originOf(pointer);
    if (origin.isPresent()) {
      return origin.get().document().locateInString(origin.get().pointer(), value, start, end);
    }
    for (Splice splice : splices.getOrDefault(pointer, List.of())) {
      if (start >= splice.start() && start < Math.max(splice.end(), splice.start() + 1)) {
        String source = written.at(splice.pointer()).map(JsonNode::asText).orElse(value);
        int from = splice.sourceStart() + start - splice.start();
        int to = splice.sourceStart() + Math.min(end, splice.end()) - splice.start();
        return written.locateInString(splice.pointer(), source, from, Math.max(from, to));
      }
    }
    JsonLocation where = values.get(pointer);
    SourceLocation.Excerpt excerpt = new SourceLocation.Excerpt(value, start, end);
    if (where == null) {
      return locate(pointer).withExcerpt(excerpt);
    }
    int raw = (int) where.getCharOffset() + 1; // just after the opening quote
    int column = where.getColumnNr() + 1;
    for (int decoded = 0; decoded < start && raw < text.length(); decoded++) {
      int width = escapeWidth(raw);
      raw += width;
      column += width;
    }
    return new SourceLocation(file, where.getLineNr(), column, pointer, Optional.of(excerpt));
  }

  private int escapeWidth(int raw) {
    if (text.charAt(raw) != '\\') return 1;
    return raw + 1 < text.length() && text.charAt(raw + 1) == 'u' ? 6 : 2;
  }

  private SourceLocation location(JsonLocation where, String pointer) {
    return SourceLocation.of(
        file, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0), pointer);
  }
}
