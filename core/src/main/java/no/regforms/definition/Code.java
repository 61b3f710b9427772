package no.regforms.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * One code of a {@link CodeList}.
 *
 * @param code the code as stored in records
 * @param label its text
 * @param description a longer explanation
 * @param score the ordinal value for scored items (MADRS 0–6), used by scores and FHIR export
 * @param validFrom first day the code may be used
 * @param validTo last day the code may be used
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where the code is defined
 */
public record Code(
    @NotBlank(message = "must not be blank")
        @Size(max = 64, message = "must be at most {max} characters")
        String code,
    LocalizedText label,
    Optional<LocalizedText> description,
    Optional<BigDecimal> score,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo,
    Optional<String> notes,
    SourceLocation location) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Code {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }

  /** Whether the code may be used on {@code date}. */
  public boolean isValidOn(LocalDate date) {
    return validFrom.map(from -> !date.isBefore(from)).orElse(true)
        && validTo.map(to -> !date.isAfter(to)).orElse(true);
  }
}
