package no.regforms.definition;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A quality indicator as defined: which cases count, for which period, and the target levels.
 *
 * @param id stable id (SKDE's {@code ind_id})
 * @param title title
 * @param shortTitle short title for charts
 * @param description description
 * @param type proportion, mean, median, coverage, count, sum, min or max
 * @param subject whether a case is one record of {@code form}, one patient, one pathway (a record
 *     of {@code form} with the records linking to it) or one episode (a patient's records sharing
 *     the registry's episode key)
 * @param form the form whose variables the expressions read directly
 * @param period the year a case counts for
 * @param denominator which cases count
 * @param numerator which counted cases meet the indicator (proportions)
 * @param value the number averaged (mean, median), summed (sum) or whose extreme is taken (min,
 *     max)
 * @param exclusions cases left out, each counted
 * @param levels target levels
 * @param minDenominator smallest denominator that is published
 * @param groupBy organisation levels to report
 * @param attribution whether cases belong to the treating unit or the home health trust
 * @param homeHf with {@code home_hf} attribution: the case's home health trust, a code or text
 *     equal to an id (or organisation number) in the registry's organisation table
 * @param unitOfMeasure unit of a mean or median
 * @param kind structure, process or outcome
 * @param dimension quality dimension
 * @param national whether it is a national quality indicator
 * @param coverageIndicator the id of the registry's coverage indicator this one's results depend on
 *     (SKDE's {@code dg_id}), when the definition names one
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where it is defined
 */
public record Indicator(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    LocalizedText title,
    Optional<LocalizedText> shortTitle,
    Optional<LocalizedText> description,
    Type type,
    Subject subject,
    String form,
    Formula period,
    Formula denominator,
    Optional<Formula> numerator,
    Optional<Formula> value,
    List<Exclusion> exclusions,
    Optional<Levels> levels,
    Optional<@Min(value = 0, message = "must be 0 or more") Integer> minDenominator,
    List<String> groupBy,
    String attribution,
    Optional<Formula> homeHf,
    Optional<String> unitOfMeasure,
    Optional<String> kind,
    Optional<String> dimension,
    boolean national,
    Optional<String> coverageIndicator,
    Optional<String> notes,
    SourceLocation location) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Indicator {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(form, "form");
    exclusions = List.copyOf(exclusions);
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(homeHf, "homeHf");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }

  /**
   * The kinds of indicator: a share of the counted cases ({@code PROPORTION}), the mean, median,
   * sum, smallest or largest of their {@code value} ({@code MEAN}, {@code MEDIAN}, {@code SUM},
   * {@code MIN}, {@code MAX}), the number of counted cases ({@code COUNT}), or registered against
   * expected cases ({@code COVERAGE}).
   */
  public enum Type {
    /** The share of counted cases in the numerator, with a confidence interval. */
    PROPORTION,
    /** The mean of {@code value} over the counted cases. */
    MEAN,
    /** The median of {@code value} over the counted cases. */
    MEDIAN,
    /**
     * Registered cases against the expected counts of another source (e.g. the patient register).
     */
    COVERAGE,
    /** The number of counted cases. */
    COUNT,
    /** The sum of {@code value} over the counted cases that have one. */
    SUM,
    /** The smallest {@code value} among the counted cases. */
    MIN,
    /** The largest {@code value} among the counted cases. */
    MAX;

    /** Whether the type reads a {@code value} for each counted case. */
    public boolean readsValue() {
      return this == MEAN || this == MEDIAN || this == SUM || this == MIN || this == MAX;
    }
  }

  /** What one case is. */
  public enum Subject {
    /** Each record of the indicator's form is a case. */
    FORM,
    /** Each patient, with all their forms, is a case. */
    PATIENT,
    /**
     * Each record of the indicator's form (the pathway's root) is a case, with the records of the
     * same patient that link to it ({@code "links"} naming the root's id under any link).
     */
    PATHWAY,
    /**
     * Each episode is a case: the records of one patient that share the value of the registry's
     * {@code episodeKey} variable, opened by a record of the indicator's form.
     */
    EPISODE;

    /** Whether a case joins several records, each form read as a list of rows. */
    public boolean joinsRecords() {
      return this != FORM;
    }
  }

  /**
   * Cases left out of an indicator, counted separately.
   *
   * @param id stable id
   * @param when the condition that excludes a case
   * @param description why
   * @param notes the registry developers' notes; never shown to users
   */
  public record Exclusion(
      String id, Formula when, Optional<LocalizedText> description, Optional<String> notes) {}

  /**
   * Target levels graded as SKDE's results service grades them: with {@code higher} better, a value
   * at or above {@code high} is high, below {@code medium} low, else medium; {@code lower} mirrors
   * it.
   *
   * @param higherIsBetter the direction
   * @param high the green threshold, inclusive
   * @param medium the yellow threshold, inclusive; equal to {@code high} when not given
   */
  public record Levels(
      boolean higherIsBetter, java.math.BigDecimal high, java.math.BigDecimal medium) {}
}
