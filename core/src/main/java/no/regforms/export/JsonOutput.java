package no.regforms.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import no.regforms.diagnostic.LocalizedText;

/** The one JSON writer of the exports: pretty-printed, keys in insertion order. */
final class JsonOutput {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonOutput() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** The text as a JSON object keyed by language. */
  static ObjectNode texts(LocalizedText text) {
    ObjectNode node = object();
    for (Map.Entry<String, String> e : text.texts().entrySet()) {
      node.put(e.getKey(), e.getValue());
    }
    return node;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // Trees built in memory always serialise; a failure here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }
}
