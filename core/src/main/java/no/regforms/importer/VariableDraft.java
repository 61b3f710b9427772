package no.regforms.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.VariableType;

/**
 * One variable being imported: its definition keys, written out in the order the definition format
 * documents them whatever order a reader sets them in. Mutable, single use.
 */
final class VariableDraft {

  private static final List<String> KEY_ORDER =
      List.of(
          "variable",
          "type",
          "label",
          "help",
          "description",
          "required",
          "visibleIf",
          "compute",
          "codeList",
          "range",
          "plausibleRange",
          "decimals",
          "maxLength",
          "pattern",
          "unit",
          "missing",
          "minChoices",
          "maxChoices",
          "sensitivity",
          "validFrom",
          "validTo");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String id;
  private final String source;
  private final String where;
  private VariableType type;
  private final Map<String, JsonNode> keys = new HashMap<>();
  private final List<String> description = new ArrayList<>();

  VariableDraft(String id, String source, String where, VariableType type) {
    this.id = id;
    this.source = source;
    this.where = where;
    this.type = type;
  }

  String id() {
    return id;
  }

  String source() {
    return source;
  }

  String where() {
    return where;
  }

  VariableType type() {
    return type;
  }

  VariableDraft type(VariableType newType) {
    this.type = newType;
    return this;
  }

  Map<String, JsonNode> keys() {
    return keys;
  }

  VariableDraft label(String text) {
    return text("label", text);
  }

  VariableDraft help(String text) {
    return text("help", text);
  }

  /** Adds a sentence to the description (the source name, facts with no key of their own). */
  VariableDraft describe(String sentence) {
    if (sentence != null && !sentence.isBlank()) description.add(sentence.strip());
    return this;
  }

  VariableDraft required(boolean required) {
    if (required) keys.put("required", JSON.booleanNode(true));
    else keys.remove("required");
    return this;
  }

  VariableDraft codeList(String listId) {
    keys.put("codeList", JSON.textNode(listId));
    return this;
  }

  VariableDraft range(String key, JsonNode min, JsonNode max) {
    ArrayNode range = JSON.arrayNode();
    range.add(min);
    range.add(max);
    keys.put(key, range);
    return this;
  }

  static JsonNode number(BigDecimal value) {
    return JSON.numberNode(
        value.stripTrailingZeros().scale() <= 0
            ? new BigDecimal(value.toBigIntegerExact())
            : value);
  }

  static JsonNode date(String value) {
    return JSON.textNode(value);
  }

  VariableDraft integer(String key, int value) {
    keys.put(key, JSON.numberNode(value));
    return this;
  }

  VariableDraft string(String key, String value) {
    keys.put(key, JSON.textNode(value));
    return this;
  }

  VariableDraft remove(String key) {
    keys.remove(key);
    return this;
  }

  boolean has(String key) {
    return keys.containsKey(key);
  }

  private VariableDraft text(String key, String text) {
    if (text == null || text.isBlank()) return this;
    keys.put(key, nb(text.strip()));
    return this;
  }

  static ObjectNode nb(String text) {
    ObjectNode node = JSON.objectNode();
    node.put("nb", text);
    return node;
  }

  /** The variable as a definition item. */
  ObjectNode toJson() {
    ObjectNode out = JSON.objectNode();
    Map<String, JsonNode> all = new HashMap<>(keys);
    all.put("variable", JSON.textNode(id));
    all.put("type", JSON.textNode(type.jsonName()));
    if (!description.isEmpty()) all.put("description", nb(String.join(" ", description)));
    for (String key : KEY_ORDER) {
      JsonNode value = all.get(key);
      if (value != null) out.set(key, value);
    }
    return out;
  }
}
