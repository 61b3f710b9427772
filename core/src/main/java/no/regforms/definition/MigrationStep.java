package no.regforms.definition;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * One step of a migration: how a record of {@code form} made under the previous version becomes a
 * record of the version that lists the step. Every step of a version reads the record as the
 * previous version named it and writes the names of the new one.
 *
 * @param kind what the step does
 * @param form the form whose records it changes
 * @param variables the variables it reads, by their previous names (two or more for a merge)
 * @param to the new name (rename)
 * @param map old code → new code (recode)
 * @param factor new value = old value × factor + offset (convert)
 * @param offset see {@code factor}
 * @param into new variable → the expression giving its value from the previous version's record
 *     (split, merge)
 * @param why the reason, for the migration report
 * @param location where the step is defined
 */
public record MigrationStep(
    Kind kind,
    String form,
    List<String> variables,
    Optional<String> to,
    Map<String, String> map,
    BigDecimal factor,
    BigDecimal offset,
    Map<String, Formula> into,
    Optional<LocalizedText> why,
    SourceLocation location) {

  /** What a step does. */
  public enum Kind {
    /** A variable takes a new id; its value is kept. */
    RENAME,
    /** Codes of a variable are replaced by others ({@code codes} values code by code). */
    RECODE,
    /** A number changes unit: multiplied by a factor, an offset added. */
    CONVERT,
    /** One variable becomes several, each computed from the old record. */
    SPLIT,
    /** Several variables become one, computed from the old record. */
    MERGE
  }

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public MigrationStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(form, "form");
    variables = List.copyOf(variables);
    Objects.requireNonNull(to, "to");
    map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(offset, "offset");
    into = Collections.unmodifiableMap(new LinkedHashMap<>(into));
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(location, "location");
  }

  /** The step's key word as written ({@code rename}). */
  public String keyword() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
