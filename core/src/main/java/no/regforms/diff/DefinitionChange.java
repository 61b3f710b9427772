package no.regforms.diff;

import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.SourceLocation;

/**
 * One difference between two definitions of a registry.
 *
 * @param impact what it means for records made under the old definition
 * @param subject what changed ({@code form visit, variable weight})
 * @param what the change in words ({@code range narrowed from [0, 400] to [1, 300]})
 * @param before where the old definition has it (empty for something added)
 * @param after where the new definition has it (empty for something removed)
 */
public record DefinitionChange(
    Impact impact,
    String subject,
    String what,
    Optional<SourceLocation> before,
    Optional<SourceLocation> after) {

  /** What a change means for existing data. */
  public enum Impact {
    /**
     * Records valid under the old definition may be invalid, or mean something else, under the new
     * one.
     */
    BREAKING,
    /** Records valid under the old definition stay valid. */
    COMPATIBLE,
    /** Only texts a reader sees changed. */
    WORDING;

    /** The lower-case name, as the text and JSON outputs write it. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public DefinitionChange {
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
