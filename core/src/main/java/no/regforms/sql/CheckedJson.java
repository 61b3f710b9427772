package no.regforms.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checked values as JSON, the form the SQL reads: numbers exact and plain ({@code 12.50}, never
 * {@code 1.25E+1}), dates {@code yyyy-mm-dd}, year-months {@code yyyy-mm}, date-times ISO, codes as
 * arrays of texts, repeat groups as arrays of objects. Keys are sorted, so equal values give equal
 * text.
 */
final class CheckedJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private CheckedJson() {}

  static String write(Map<String, Object> values) {
    try {
      return JSON.writeValueAsString(object(values));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("checked values could not be written as JSON", e);
    }
  }

  private static ObjectNode object(Map<?, ?> values) {
    ObjectNode node = NODES.objectNode();
    new TreeMap<>(values)
        .forEach(
            (key, value) -> {
              if (value != null) node.set(String.valueOf(key), value(value));
            });
    return node;
  }

  private static JsonNode value(Object value) {
    if (value instanceof BigDecimal number) return NODES.numberNode(number);
    if (value instanceof Boolean b) return NODES.booleanNode(b);
    if (value instanceof String text) return NODES.textNode(text);
    if (value instanceof LocalDate
        || value instanceof YearMonth
        || value instanceof LocalDateTime) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Map<?, ?> row) return object(row);
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : list) array.add(value(element));
      return array;
    }
    if (value instanceof Number number) return NODES.numberNode(new BigDecimal(number.toString()));
    throw new IllegalArgumentException(
        "no JSON form for a checked value of type " + value.getClass().getSimpleName());
  }
}
