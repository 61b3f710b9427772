package no.regforms.validation;

import java.util.Map;
import java.util.Objects;
import no.regforms.expression.Explanation;

/**
 * One thing the form's logic decided about a record, and why: an item hidden by its {@code
 * visibleIf}, a value computed by its {@code compute}, or a rule whose {@code check} failed. Made by
 * {@link RecordValidator#explain}, for a registry developer asking "why?" (the preview, {@code eval
 * --explain}).
 *
 * <p>Holds record values (in the explanation): show it to whoever gave the record, never log it.
 * Immutable.
 *
 * @param kind what was decided
 * @param path where: the item's record path ({@code sessions[2].charge}), or the rule's id
 * @param key the definition key whose expression decided it: {@code visibleIf}, {@code compute} or {@code check}
 * @param explanation the expression with the value of each of its parts
 * @param unknown for each name the expression read without a value, why it has none ("not filled
 *     in", "hidden", "missing value: unknown", "has an error", "computed as unknown")
 */
public record Decision(Kind kind, String path, String key, Explanation explanation, Map<String, String> unknown) {

  /** What a decision is about. */
  public enum Kind {
    /** An item (variable, section, repeat group, note) hidden because its condition is false or unknown. */
    HIDDEN,
    /** A computed variable's value. */
    COMPUTED,
    /** A rule whose check is false while its {@code when} holds. */
    RULE_FAILED;

    /** The kind as written in JSON and text: {@code hidden}, {@code computed}, {@code rule_failed}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Decision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(explanation, "explanation");
    unknown = Map.copyOf(unknown);
  }
}
