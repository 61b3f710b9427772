package no.regforms.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an expression has the value it has: the value of the expression and of each part it is made
 * of, down to the names it read, as {@link CompiledExpression#explain} works them out. The parts of
 * a collection function's condition ({@code any(rows, r, r.x > 1)}) are not broken down: they have
 * a value per row, so only the rows are shown.
 *
 * <p>Values follow {@link ExprType}'s scheme, {@code null} for unknown. An explanation holds record
 * values: show it to the person who gave the record, never log it. Immutable.
 *
 * @param text the part of the expression's text explained ({@code hours_to_surgery <= 48})
 * @param value its value, {@code null} when unknown
 * @param name the variable or parameter read, when this part is a plain name
 * @param parts the explanations of the parts it is made of, literals left out
 */
public record Explanation(
    String text, Object value, Optional<String> name, List<Explanation> parts) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Explanation {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    parts = List.copyOf(parts);
  }

  /** Whether the value is unknown. */
  public boolean isUnknown() {
    return value == null;
  }

  /**
   * The names read anywhere in the expression whose value is unknown, in reading order without
   * repeats: where an unknown result comes from (an unknown part's unknown names), and what a
   * {@code filled(x)} or {@code coalesce} found missing.
   */
  public List<String> unknownNames() {
    if (name.isPresent()) {
      return value == null ? List.of(name.get()) : List.of();
    }
    return parts.stream().flatMap(part -> part.unknownNames().stream()).distinct().toList();
  }

  /**
   * The JSON form, stable for tools: {@code {"text": "...", "value": ..., "name": "x", "parts":
   * [...]}} ({@code name} only for a plain name, {@code parts} only when there are any).
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("text", text);
    json.set("value", valueToJson(value));
    name.ifPresent(n -> json.put("name", n));
    if (!parts.isEmpty()) {
      ArrayNode list = json.putArray("parts");
      parts.forEach(part -> list.add(part.toJson()));
    }
    return json;
  }

  /**
   * An expression value as JSON: numbers plain (no exponent), dates and times as ISO text, codes as
   * arrays, rows as arrays of objects, unknown as {@code null}.
   */
  public static JsonNode valueToJson(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) return nodes.nullNode();
    if (value instanceof BigDecimal number) {
      BigDecimal plain = number.stripTrailingZeros();
      return nodes.numberNode(plain.scale() < 0 ? plain.setScale(0) : plain);
    }
    if (value instanceof Boolean bool) return nodes.booleanNode(bool);
    if (value instanceof TemporalAccessor) return nodes.textNode(value.toString());
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      list.forEach(element -> array.add(valueToJson(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), valueToJson(v)));
      return object;
    }
    return nodes.textNode(value.toString());
  }
}
