package no.regforms.validation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import no.regforms.expression.Explanation;

/**
 * One thing the form's logic decided about a record, and why: an item hidden by its {@code
 * visibleIf}, a value computed by its {@code compute}, or a rule whose {@code check} failed. Made
 * by {@link RecordValidator#explain}, for a registry developer asking "why?" (the preview, {@code
 * eval --explain}).
 *
 * <p>Holds record values (in the explanation): show it to whoever gave the record, never log it.
 * Immutable.
 *
 * @param kind what was decided
 * @param path where: the item's record path ({@code sessions[2].charge}), or the rule's id
 * @param key the definition key whose expression decided it: {@code visibleIf}, {@code compute} or
 *     {@code check}
 * @param explanation the expression with the value of each of its parts
 * @param unknown for each name the expression read without a value, why it has none ("not filled
 *     in", "hidden", "missing value: unknown", "has an error", "computed as unknown")
 */
public record Decision(
    Kind kind, String path, String key, Explanation explanation, Map<String, String> unknown) {

  /** What a decision is about. */
  public enum Kind {
    /**
     * An item (variable, section, repeat group, note) hidden because its condition is false or
     * unknown.
     */
    HIDDEN,
    /** A computed variable's value. */
    COMPUTED,
    /** A rule whose check is false while its {@code when} holds. */
    RULE_FAILED,
    /** An expression asked about ({@code eval --explain}), evaluated on the record's top level. */
    EXPRESSION;

    /**
     * The kind as written in JSON and text: {@code hidden}, {@code computed}, {@code rule_failed}.
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Decision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(explanation, "explanation");
    unknown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknown));
  }

  /**
   * The JSON form: {@code {"kind": "hidden", "path": "surgery_at", "key": "visibleIf",
   * "explanation": {...}, "unknown": {"operated": "not filled in"}}} ({@link
   * Explanation#toJson()}).
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("kind", kind.label());
    json.put("path", path);
    json.put("key", key);
    json.set("explanation", explanation.toJson());
    ObjectNode why = json.putObject("unknown");
    unknown.forEach(why::put);
    return json;
  }
}
