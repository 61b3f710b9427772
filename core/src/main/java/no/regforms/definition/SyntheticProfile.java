package no.regforms.definition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How synthetic patients of one registry look: which forms a patient has and how many, the
 * reporting units and their sizes, and distributions for variables where uniform values would be
 * unrealistic. Read from the optional {@code synthetic.json} beside {@code registry.json} when the
 * registry is loaded ({@link Registry#syntheticProfile()}), checked against its schema and the
 * registry's forms like every other definition file; the generator in {@code no.regforms.synthetic}
 * follows it. The keys are described in {@code docs/definition-format.md}.
 *
 * <p>Immutable. Every part is optional: without a profile the generator fills each visible variable
 * uniformly within its constraints.
 *
 * <pre>{@code
 * { "patientForms": [ {"form": "course", "count": [1, 2], "gapDays": [60, 400]} ],
 *   "window": ["2019-01-01", "2024-12-31"],
 *   "units": {"4001031": 3, "4001032": 1},
 *   "shared": ["birth_date", "sex"],
 *   "variables": {
 *     "indication": {"weights": {"F32.2": 40, "F33.2": 30}},
 *     "madrs_1": {"normal": [4.2, 1.1]},
 *     "end_date": {"from": "start_date", "days": [14, 60]},
 *     "involuntary": {"probability": 0.1} } }
 * }</pre>
 *
 * @param patientForms the forms of one patient, in the order they are filled in
 * @param windowStart first possible anchor date of a patient
 * @param windowEnd last possible anchor date of a patient
 * @param units reporting unit ids (RESH) and their relative sizes
 * @param shared variables that keep one value across all forms of a patient
 * @param variables per-variable distributions, keyed by variable or repeat-group id or {@code
 *     "<form>.<id>"}
 * @param fillRate share of optional visible variables that are filled in
 * @param unitsBy units that depend on a value of the patient ({@code "unitsBy": {"variable":
 *     "home_hf", "units": {"bergen": {"4201115": 1}}}}), if any
 * @param unitForms forms filled in once a year by each reporting unit rather than per patient
 *     ({@code "unitForms": [{"form": "unit_yearly", "years": [2023, 2024], "yearVariable":
 *     "survey_year"}]})
 */
public record SyntheticProfile(
    List<PatientForm> patientForms,
    LocalDate windowStart,
    LocalDate windowEnd,
    Map<String, Double> units,
    List<String> shared,
    Map<String, Distribution> variables,
    double fillRate,
    Optional<UnitsBy> unitsBy,
    List<UnitForm> unitForms) {

  /** The file name of a profile in a registry folder. */
  public static final String FILE = "synthetic.json";

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public SyntheticProfile {
    patientForms = List.copyOf(patientForms);
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    shared = List.copyOf(shared);
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    Objects.requireNonNull(unitsBy, "unitsBy");
    unitForms = List.copyOf(unitForms);
  }

  /** A profile without unit forms. */
  public SyntheticProfile(
      List<PatientForm> patientForms,
      LocalDate windowStart,
      LocalDate windowEnd,
      Map<String, Double> units,
      List<String> shared,
      Map<String, Distribution> variables,
      double fillRate,
      Optional<UnitsBy> unitsBy) {
    this(
        patientForms,
        windowStart,
        windowEnd,
        units,
        shared,
        variables,
        fillRate,
        unitsBy,
        List.of());
  }

  /** A profile whose units do not depend on a variable. */
  public SyntheticProfile(
      List<PatientForm> patientForms,
      LocalDate windowStart,
      LocalDate windowEnd,
      Map<String, Double> units,
      List<String> shared,
      Map<String, Distribution> variables,
      double fillRate) {
    this(
        patientForms, windowStart, windowEnd, units, shared, variables, fillRate, Optional.empty());
  }

  /** A profile with no preferences: one record of each form per patient. */
  public static SyntheticProfile uniform(List<String> forms) {
    List<PatientForm> each = forms.stream().map(f -> new PatientForm(f, 1, 1, 0, 0)).toList();
    return new SyntheticProfile(
        each,
        LocalDate.of(2019, 1, 1),
        LocalDate.of(2024, 12, 31),
        Map.of(),
        List.of(),
        Map.of(),
        0.9);
  }

  /**
   * The distribution for variable (or repeat group) {@code id} of {@code form}: the entry keyed
   * {@code "<form>.<id>"} if there is one, else the one keyed {@code "<id>"}, else {@link
   * Distribution#NONE}.
   */
  public Distribution distribution(String form, String id) {
    Distribution specific = variables.get(form + "." + id);
    return specific != null ? specific : variables.getOrDefault(id, Distribution.NONE);
  }

  /**
   * Reporting units that depend on a value of the patient, such as the units of the patient's home
   * health trust: the first record of a patient that has {@code variable} fixes the patient's unit,
   * drawn from the units listed for its value (that record included); before that, and for values
   * not listed, the unit is drawn from {@code units}.
   *
   * @param variable the variable whose value picks the units
   * @param units per value, unit ids (RESH) and their relative sizes
   */
  public record UnitsBy(String variable, Map<String, Map<String, Double>> units) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public UnitsBy {
      Objects.requireNonNull(variable, "variable");
      Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
      units.forEach(
          (value, sizes) ->
              copy.put(value, Collections.unmodifiableMap(new LinkedHashMap<>(sizes))));
      units = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * A form every reporting unit fills in once a year (an ECT unit's yearly survey). Its records
   * follow the patients', without a patient for a unit form ({@code "scope": "unit"}; else under
   * the pseudo-patient {@code p-unit-<unit>}), dated early in the year after the one they describe.
   *
   * @param form form id
   * @param years the years described
   * @param yearVariable the variable that holds the year described, if any
   */
  public record UnitForm(String form, List<Integer> years, Optional<String> yearVariable) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public UnitForm {
      Objects.requireNonNull(form, "form");
      years = List.copyOf(years);
      Objects.requireNonNull(yearVariable, "yearVariable");
    }
  }

  /**
   * One form a synthetic patient fills in.
   *
   * @param form form id
   * @param min fewest records of it per patient
   * @param max most records of it per patient
   * @param gapMin fewest days between the patient's anchor (or the previous record of this form)
   *     and this record
   * @param gapMax most such days
   * @param start the earliest date counted from: a patient anchored before it starts this form's
   *     records here (e.g. a PROM collected only from 2019)
   * @param until a date variable listed in {@code shared}: no record of this form is anchored after
   *     its value (e.g. no control after the date of death)
   */
  public record PatientForm(
      String form,
      int min,
      int max,
      int gapMin,
      int gapMax,
      Optional<LocalDate> start,
      Optional<String> until) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public PatientForm {
      Objects.requireNonNull(form, "form");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(until, "until");
    }

    /** A form with no earliest date and no ending variable. */
    public PatientForm(String form, int min, int max, int gapMin, int gapMax) {
      this(form, min, max, gapMin, gapMax, Optional.empty(), Optional.empty());
    }
  }

  /**
   * How one variable or repeat group is drawn; every part is optional, and an absent part leaves
   * the generator's default (uniform within the variable's constraints). Read from one entry of
   * {@code variables}, whose keys the parts are named after.
   *
   * @param fill share filled in when the variable is optional (the profile's {@code fillRate} when
   *     absent)
   * @param missingRate share given the variable's first missing-value reason (0.02 when absent)
   * @param values values drawn uniformly, as JSON gives them: {@link java.math.BigDecimal}, {@link
   *     Boolean}, {@link String} (also for dates), or a {@code List<String>} of codes; empty when
   *     absent
   * @param weights codes (or numbers written as keys, {@code "2.5"}) and their relative weights, in
   *     file order; empty when absent
   * @param normal mean and standard deviation of a number
   * @param probability chance of {@code true} for a boolean (0.5 when absent)
   * @param rows fewest and most rows of a repeat group, within the group's own limits
   * @param among a {@code codes} variable from whose chosen codes this code is drawn
   * @param ordinal whether a number is the record's 1-based position among the patient's records of
   *     its form
   * @param prefix the prefix of a text drawn as the prefix and eight random base-36 digits
   * @param by the variable whose value picks one of {@code cases}
   * @param cases per value of {@code by}, the distribution that replaces this one
   * @param from the date a date is counted from: a date variable, a shared value, or {@code
   *     "<repeat>.<member>"}
   * @param days days after {@code from} (default 0 to 30), or without {@code from} after the
   *     record's latest date so far (default 0 to 7)
   * @param yearsBefore years before the record's anchor (default 20 to 70)
   * @param between first and last day of a date drawn uniformly between them
   * @param futureEmpty whether a date drawn after today is left empty instead of moved to today
   */
  public record Distribution(
      Optional<Double> fill,
      Optional<Double> missingRate,
      List<Object> values,
      Map<String, Double> weights,
      Optional<Normal> normal,
      Optional<Double> probability,
      Optional<Span> rows,
      Optional<String> among,
      boolean ordinal,
      Optional<String> prefix,
      Optional<String> by,
      Map<String, Distribution> cases,
      Optional<String> from,
      Optional<Days> days,
      Optional<Span> yearsBefore,
      Optional<Dates> between,
      boolean futureEmpty) {

    /** A distribution with no parts: the generator's defaults. */
    public static final Distribution NONE =
        new Distribution(
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false);

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Distribution {
      Objects.requireNonNull(fill, "fill");
      Objects.requireNonNull(missingRate, "missingRate");
      values = List.copyOf(values);
      weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
      Objects.requireNonNull(normal, "normal");
      Objects.requireNonNull(probability, "probability");
      Objects.requireNonNull(rows, "rows");
      Objects.requireNonNull(among, "among");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(by, "by");
      cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(days, "days");
      Objects.requireNonNull(yearsBefore, "yearsBefore");
      Objects.requireNonNull(between, "between");
    }
  }

  /** Days from a date: a span {@code [min, max]} or a {@link Histogram} of weighted spans. */
  public sealed interface Days permits Span, Histogram {}

  /**
   * A span of whole numbers, both ends included: days, years or rows.
   *
   * @param min the low end
   * @param max the high end, not below {@code min}
   */
  public record Span(long min, long max) implements Days {}

  /**
   * Days drawn from weighted buckets ({@code [[min, max, weight], ...]}): a bucket by weight, then
   * a day uniformly inside it.
   *
   * @param buckets the buckets, in file order
   */
  public record Histogram(List<Bucket> buckets) implements Days {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Histogram {
      buckets = List.copyOf(buckets);
    }
  }

  /**
   * One bucket of a {@link Histogram}.
   *
   * @param span the days it covers
   * @param weight its relative weight (1 when not given)
   */
  public record Bucket(Span span, double weight) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Bucket {
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * A span of days, both ends included.
   *
   * @param first the first day
   * @param last the last day, not before {@code first}
   */
  public record Dates(LocalDate first, LocalDate last) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Dates {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
    }
  }

  /**
   * A normal distribution of a number.
   *
   * @param mean the mean
   * @param sd the standard deviation
   */
  public record Normal(double mean, double sd) {}
}
