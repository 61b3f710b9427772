package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;

/**
 * Typed reads of the fields of one definition object. The schema has already checked the JSON
 * types, so these reads only convert.
 */
final class JsonFields {

  private final JsonNode node;
  private final String pointer;
  private final VersionScope scope;

  JsonFields(JsonNode node, String pointer) {
    this(node, pointer, VersionScope.ALL);
  }

  /**
   * Fields whose arrays of objects ({@link #objects}) hold only the elements {@code scope}
   * includes.
   */
  JsonFields(JsonNode node, String pointer, VersionScope scope) {
    this.node = node;
    this.pointer = pointer;
    this.scope = scope;
  }

  String pointer() {
    return pointer;
  }

  String pointer(String key) {
    return pointer + "/" + JsonDocument.escape(key);
  }

  JsonNode node() {
    return node;
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  String text(String key) {
    return node.path(key).asText();
  }

  Optional<String> optionalText(String key) {
    return has(key) ? Optional.of(node.get(key).asText()) : Optional.empty();
  }

  boolean bool(String key) {
    return node.path(key).asBoolean(false);
  }

  /**
   * A whole-number field. A value beyond the range of {@code int} is clamped to it, so that a field
   * rule reports it (with the value as written) instead of a wrapped-around number.
   */
  Optional<Integer> integer(String key) {
    if (!has(key)) return Optional.empty();
    JsonNode value = node.get(key);
    if (value.canConvertToInt()) return Optional.of(value.asInt());
    return Optional.of(value.decimalValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
  }

  Optional<BigDecimal> decimal(String key) {
    return has(key) ? Optional.of(node.get(key).decimalValue()) : Optional.empty();
  }

  /**
   * A date field; the schema's pattern checked the shape, so only impossible dates (02-30) fail
   * here.
   */
  Optional<LocalDate> date(String key) {
    if (!has(key)) return Optional.empty();
    try {
      return Optional.of(LocalDate.parse(node.get(key).asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  LocalizedText localized(String key) {
    return localizedOf(node.path(key));
  }

  Optional<LocalizedText> optionalLocalized(String key) {
    return has(key) ? Optional.of(localizedOf(node.get(key))) : Optional.empty();
  }

  static LocalizedText localizedOf(JsonNode textNode) {
    Map<String, String> texts = new LinkedHashMap<>();
    textNode.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
    if (texts.isEmpty()) texts.put(LocalizedText.DEFAULT_LANGUAGE, "");
    return new LocalizedText(texts);
  }

  List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    node.path(key).forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * The objects of an array field, each with its own pointer; an element whose {@code since}/{@code
   * until} leave it out of this reading's version is skipped (its pointer keeps its place in the
   * file).
   */
  List<JsonFields> objects(String key) {
    List<JsonFields> out = new ArrayList<>();
    JsonNode array = node.path(key);
    for (int i = 0; i < array.size(); i++) {
      if (scope.includes(array.get(i)))
        out.add(new JsonFields(array.get(i), pointer(key) + "/" + i, scope));
    }
    return out;
  }
}
