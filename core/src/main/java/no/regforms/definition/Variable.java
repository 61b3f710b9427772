package no.regforms.definition;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A variable: one value of a record, with its type, texts, constraints and conditions.
 *
 * @param id stable id, the key in records
 * @param type data type
 * @param label question text
 * @param help help text shown beside the input
 * @param description longer explanation for codebooks
 * @param respondent who answers it, when it differs from the form
 * @param required whether a value (or an allowed missing reason) is required when visible
 * @param requiredIf condition making it required
 * @param visibleIf condition for showing it
 * @param compute formula deriving its value; computed variables take no input
 * @param codeList id of the code list of a {@code code} or {@code codes} variable
 * @param range hard range
 * @param plausibleRange soft range
 * @param step values must be the range minimum (or 0) plus a multiple of this
 * @param decimals most decimals allowed
 * @param maxLength longest text
 * @param pattern regular expression the whole text must match
 * @param unit unit of measure
 * @param missing missing-value reasons this variable accepts
 * @param minChoices fewest codes of a {@code codes} variable
 * @param maxChoices most codes of a {@code codes} variable
 * @param sensitivity sensitivity of the values
 * @param tags what the patient's answer measures ({@code "tags"}: PROM, PREM); empty when the
 *     variable does not say, and then its form's tags hold ({@link Form#tagsOf}); an empty list
 *     when it says it is neither
 * @param validFrom first day the variable is in use
 * @param validTo last day the variable is in use
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where it is defined
 */
public record Variable(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    VariableType type,
    Optional<LocalizedText> label,
    Optional<LocalizedText> help,
    Optional<LocalizedText> description,
    Optional<Respondent> respondent,
    boolean required,
    Optional<Formula> requiredIf,
    Optional<Formula> visibleIf,
    Optional<Formula> compute,
    Optional<String> codeList,
    Optional<Range> range,
    Optional<Range> plausibleRange,
    Optional<
            @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            BigDecimal>
        step,
    Optional<
            @Min(value = 0, message = "must be 0 or more")
            @Max(value = 10, message = "must be at most 10") Integer>
        decimals,
    Optional<@Min(value = 1, message = "must be 1 or more") Integer> maxLength,
    Optional<String> pattern,
    Optional<@Size(max = 32, message = "must be a short symbol of at most {max} characters") String>
        unit,
    List<String> missing,
    Optional<@Min(value = 0, message = "must be 0 or more") Integer> minChoices,
    Optional<@Min(value = 1, message = "must be 1 or more") Integer> maxChoices,
    Sensitivity sensitivity,
    Optional<List<MeasureTag>> tags,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo,
    Optional<String> notes,
    SourceLocation location)
    implements FormItem {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Variable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    missing = List.copyOf(missing);
    Objects.requireNonNull(sensitivity, "sensitivity");
    tags = tags.map(List::copyOf);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }

  /** Whether the engine derives this variable's value. */
  public boolean isComputed() {
    return compute.isPresent();
  }

  /** The label, or the id when the definition gives none. */
  public LocalizedText labelOrId() {
    return label.orElseGet(() -> LocalizedText.of(LocalizedText.DEFAULT_LANGUAGE, id));
  }
}
