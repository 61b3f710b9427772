package no.regforms.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import no.regforms.diagnostic.Diagnostics;

/**
 * The verdict on one record: every issue, and the values the engine computed.
 *
 * <p>Immutable. {@link #toString()} prints counts only: computed values are health data.
 *
 * @param diagnostics every issue, each located by its variable path
 * @param computed computed values by path ({@code madrs_total}, {@code sessions[2].energy}); a value
 *     that could not be computed (an input missing) is absent
 */
public record ValidationResult(Diagnostics diagnostics, Map<String, Object> computed) {

  public ValidationResult {
    Objects.requireNonNull(diagnostics, "diagnostics");
    computed = Collections.unmodifiableMap(new LinkedHashMap<>(computed));
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
    return "ValidationResult[errors=" + diagnostics.errors().size() + ", warnings=" + diagnostics.warnings().size()
        + ", computed=" + computed.size() + "]";
  }
}
