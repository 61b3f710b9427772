package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code defaults} of a form, a section or a repeat group: {@code required}, {@code missing}
 * and (for integers) {@code step}, given once for the variables inside. A variable's own value
 * wins, and the nearest defaults win over those further out. A default goes only where it means
 * something: not to computed variables, and {@code required} not beside {@code requiredIf}.
 * Defaults do not reach into a library entry placed with {@code use}: an entry means the same in
 * every form, so only the defaults written inside it (a library section's own) apply there.
 */
final class FormDefaults {

  private FormDefaults() {}

  /**
   * Fills in the defaults of {@code root} (an expanded form), recording where each came from in
   * {@code origins}.
   */
  static void apply(ObjectNode root, JsonDocument form, Map<String, JsonDocument.Origin> origins) {
    apply(root, "", Map.of(), form, origins);
  }

  private record Default(JsonNode value, JsonDocument.Origin origin) {}

  private static void apply(
      JsonNode holder,
      String pointer,
      Map<String, Default> outer,
      JsonDocument form,
      Map<String, JsonDocument.Origin> origins) {
    Map<String, Default> inherited = new HashMap<>(outer);
    holder
        .path("defaults")
        .fields()
        .forEachRemaining(
            field -> {
              String at = pointer + "/defaults/" + JsonDocument.escape(field.getKey());
              inherited.put(
                  field.getKey(), new Default(field.getValue(), originOf(at, form, origins)));
            });
    JsonNode items = holder.path("items");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String here = pointer + "/items/" + i;
      JsonDocument.Origin origin = origins.get(here);
      Map<String, Default> scope =
          origin != null && origin.document() != form ? Map.of() : inherited;
      if (item instanceof ObjectNode variable && item.has("variable")) {
        fill(variable, here, scope, origins);
      } else if (item.has("section") || item.has("repeat")) {
        apply(item, here, scope, form, origins);
      }
    }
  }

  private static void fill(
      ObjectNode variable,
      String pointer,
      Map<String, Default> defaults,
      Map<String, JsonDocument.Origin> origins) {
    if (variable.has("compute")) return;
    set(variable, "required", !variable.has("requiredIf"), pointer, defaults, origins);
    set(variable, "missing", true, pointer, defaults, origins);
    set(
        variable,
        "step",
        "integer".equals(variable.path("type").asText()),
        pointer,
        defaults,
        origins);
  }

  private static void set(
      ObjectNode variable,
      String key,
      boolean applies,
      String pointer,
      Map<String, Default> defaults,
      Map<String, JsonDocument.Origin> origins) {
    Default value = defaults.get(key);
    if (!applies || value == null || variable.has(key)) return;
    variable.set(key, value.value().deepCopy());
    origins.put(pointer + "/" + key, value.origin());
  }

  /** Where the value at {@code pointer} of the expanded form was written. */
  private static JsonDocument.Origin originOf(
      String pointer, JsonDocument form, Map<String, JsonDocument.Origin> origins) {
    return JsonDocument.originIn(origins, pointer).orElse(new JsonDocument.Origin(form, pointer));
  }
}
