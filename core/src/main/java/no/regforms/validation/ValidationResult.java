package no.regforms.validation;

import java.util.Map;
import java.util.Objects;
import no.regforms.diagnostic.Diagnostics;

/**
 * The verdict on one record: every issue, and the values the engine computed.
 *
 * <p>Immutable. {@link #toString()} prints counts only: computed values are health data.
 *
 * @param diagnostics every issue, each located by its variable path
 * @param computed computed values by path ({@code madrs_total}, {@code sessions[2].energy}); a
 *     value that could not be computed (an input missing) is absent
 * @param values the record's top-level values as the form sees them, typed as expressions read them
 *     ({@link no.regforms.expression.ExprType}): hidden and invalid values left out, computed
 *     values included, repeat groups as lists of rows; from the validator, in form order
 */
public record ValidationResult(
    Diagnostics diagnostics, Map<String, Object> computed, Map<String, Object> values) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable. The maps the validator makes for a result are unmodifiable and held by nothing else:
   * those are kept as they are.
   */
  public ValidationResult {
    Objects.requireNonNull(diagnostics, "diagnostics");
    computed = ResultMap.kept(computed);
    values = ResultMap.kept(values);
  }

  /** Whether any issue is an error; warnings alone leave a record valid. */
  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  /** Whether the record has no errors. */
  public boolean isValid() {
    return !hasErrors();
  }

  @Override
  public String toString() {
    return "ValidationResult[errors="
        + diagnostics.errors().size()
        + ", warnings="
        + diagnostics.warnings().size()
        + ", computed="
        + computed.size()
        + "]";
  }
}
