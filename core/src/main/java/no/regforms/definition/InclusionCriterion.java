package no.regforms.definition;

import java.util.Objects;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A registry-level inclusion criterion ({@code inclusion} in {@code registry.json}): a record of
 * {@code form} whose {@code check} is false is not to be registered (an {@code not_included}
 * error), and indicators leave its case out, counted under the criterion's id.
 *
 * @param id stable id, also the exclusion id indicators count it under
 * @param form the form whose records it checks
 * @param check the condition an included record meets; unknown does not exclude
 * @param message what the record's issue says
 * @param location where it is defined
 */
public record InclusionCriterion(
    String id, String form, Formula check, LocalizedText message, SourceLocation location) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public InclusionCriterion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }
}
