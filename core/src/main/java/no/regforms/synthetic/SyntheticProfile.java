package no.regforms.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.RegistryModule;

/**
 * How synthetic patients of one registry look: which forms a patient has and how many, the
 * reporting units and their sizes, and distributions for variables where uniform values would be
 * unrealistic. Read from {@code synthetic.json} beside {@code registry.json}.
 *
 * <p>Immutable. Every key is optional: without a profile the generator fills each visible variable
 * uniformly within its constraints.
 *
 * <p>A {@code variables} entry is keyed by variable id, or by {@code "<form>.<id>"} for one form
 * only (that key wins over the plain id, for variables that several forms share). Its keys:
 * <ul>
 *   <li>{@code weights} (codes and relative sizes; for a {@code codes} variable, drawn without
 *       replacement), {@code normal} {@code [mean, sd]}, {@code probability} (booleans),
 *       {@code values} (a list to draw from), {@code fill} and {@code missingRate} (shares),
 *       {@code rows} {@code [min, max]} (repeat groups).
 *   <li>{@code among}: a code drawn from the codes chosen for another, {@code codes} variable.
 *   <li>{@code ordinal: true}: a number, the record's 1-based position among the patient's records
 *       of its form (measurement 1, 2, 3).
 *   <li>{@code prefix}: a text, the prefix and eight random base-36 digits (an episode id; list it
 *       in {@code shared} to keep it across a patient's forms).
 *   <li>{@code by} + {@code cases}: a distribution that depends on another variable's value,
 *       {@code {"probability": 0.003, "by": "consent", "cases": {"none": {"probability": 1}}}}; the
 *       case whose key is the value (a code, {@code true}/{@code false}, a number) replaces the entry.
 *       The {@code by} variable is filled first, so it should be visible whenever this one is.
 * </ul>
 * Dates:
 * <ul>
 *   <li>{@code from} + {@code days [min, max]}: that many days after another date. {@code from}
 *       names a date of the same record (or, in a repeat row, of the row or the record), the latest
 *       date of a repeat member ({@code "sessions.session_date"}), or a {@code shared} value from
 *       the patient's earlier forms; {@code days} may be negative.
 *   <li>{@code days [min, max]} alone: that many days after the record's latest date so far (in a
 *       repeat group: after the previous row's latest date, plus one day).
 *   <li>{@code yearsBefore [min, max]} (before the record's anchor) or {@code between [first, last]}.
 * </ul>
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
 * <p>Keys of a {@code patientForms} entry: {@code form}; {@code count} {@code [min, max]} records per
 * patient; {@code gapDays} {@code [min, max]} days from the patient's anchor, then between records;
 * {@code start}, an earliest date ({@code "2018-11-01"}: records of a patient anchored earlier are
 * counted from it); {@code until}, a date variable listed in {@code shared} after whose value no
 * record of the form is made ({@code "death_date"}). {@code unitsBy} ties a patient's unit to one of
 * their values (see {@link UnitsBy}). {@code unitForms} lists forms each unit fills in once a year
 * (see {@link UnitForm}).
 *
 * <p>Keys of a variable's distribution: {@code fill} (share filled when optional), {@code missingRate}
 * (share given its first missing reason), {@code values} (drawn uniformly), {@code weights} (codes, or
 * numbers written as keys such as {@code "2.5"}, drawn by weight), {@code normal} {@code [mean, sd]}
 * (numbers), {@code probability} (booleans); for dates {@code from} another date variable plus
 * {@code days}, either {@code [min, max]} or a histogram {@code [[min, max, weight], ...]} (a bucket
 * drawn by weight, then a day uniformly inside it), {@code yearsBefore} {@code [min, max]} the anchor,
 * {@code between} two dates, and {@code "future": "empty"} to leave the variable empty when the drawn
 * date lies after today (an event that has not happened yet) instead of moving it to today; for a
 * repeat group {@code rows} {@code [min, max]}. Distributions are keyed by variable id across all
 * forms of the registry.
 *
 * @param patientForms the forms of one patient, in the order they are filled in
 * @param windowStart first possible anchor date of a patient
 * @param windowEnd last possible anchor date of a patient
 * @param units reporting unit ids (RESH) and their relative sizes
 * @param shared variables that keep one value across all forms of a patient
 * @param variables per-variable distributions
 * @param fillRate share of optional visible variables that are filled in
 * @param unitsBy units that depend on a value of the patient ({@code "unitsBy": {"variable":
 *     "home_hf", "units": {"bergen": {"4201115": 1}}}}), if any
 * @param unitForms forms filled in once a year by each reporting unit rather than per patient
 *     ({@code "unitForms": [{"form": "unit_yearly", "years": [2023, 2024], "yearVariable": "survey_year"}]})
 */
public record SyntheticProfile(
    List<PatientForm> patientForms,
    LocalDate windowStart,
    LocalDate windowEnd,
    Map<String, Double> units,
    List<String> shared,
    Map<String, JsonNode> variables,
    double fillRate,
    Optional<UnitsBy> unitsBy,
    List<UnitForm> unitForms) {

  /** The file name of a profile in a registry folder. */
  public static final String FILE = "synthetic.json";

  private static final ObjectMapper JSON = new ObjectMapper();

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
  public SyntheticProfile(List<PatientForm> patientForms, LocalDate windowStart, LocalDate windowEnd,
      Map<String, Double> units, List<String> shared, Map<String, JsonNode> variables, double fillRate,
      Optional<UnitsBy> unitsBy) {
    this(patientForms, windowStart, windowEnd, units, shared, variables, fillRate, unitsBy, List.of());
  }

  /** A profile whose units do not depend on a variable. */
  public SyntheticProfile(List<PatientForm> patientForms, LocalDate windowStart, LocalDate windowEnd,
      Map<String, Double> units, List<String> shared, Map<String, JsonNode> variables, double fillRate) {
    this(patientForms, windowStart, windowEnd, units, shared, variables, fillRate, Optional.empty());
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

    public UnitsBy {
      Objects.requireNonNull(variable, "variable");
      Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
      units.forEach((value, sizes) -> copy.put(value, Collections.unmodifiableMap(new LinkedHashMap<>(sizes))));
      units = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * A form every reporting unit fills in once a year (an ECT unit's yearly survey). Its records
   * follow the patients', under the pseudo-patient {@code p-unit-<unit>}, dated early in the year
   * after the one they describe.
   *
   * @param form form id
   * @param years the years described
   * @param yearVariable the variable that holds the year described, if any
   */
  public record UnitForm(String form, List<Integer> years, Optional<String> yearVariable) {

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
   * @param gapMin fewest days between the patient's anchor (or the previous record of this form) and this record
   * @param gapMax most such days
   * @param start the earliest date counted from: a patient anchored before it starts this form's records here
   *     (e.g. a PROM collected only from 2019)
   * @param until a date variable listed in {@code shared}: no record of this form is anchored after its
   *     value (e.g. no control after the date of death)
   */
  public record PatientForm(String form, int min, int max, int gapMin, int gapMax, Optional<LocalDate> start, Optional<String> until) {

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

  /** A profile with no preferences: one record of each form per patient. */
  public static SyntheticProfile uniform(List<String> forms) {
    List<PatientForm> each = forms.stream().map(f -> new PatientForm(f, 1, 1, 0, 0)).toList();
    return new SyntheticProfile(each, LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31), Map.of(), List.of(), Map.of(), 0.9);
  }

  /**
   * The profile of a registry folder ({@code synthetic.json} beside its {@code registry.json});
   * empty when it has none.
   *
   * @throws IllegalArgumentException if the profile is not valid JSON of the expected shape
   */
  public static Optional<SyntheticProfile> load(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(parse(JSON.readTree(file.toFile()))) : Optional.empty();
  }

  /**
   * The profile of the definition module {@code id} on the classpath; empty when the module has
   * none or there is no such module.
   *
   * @throws IllegalArgumentException if the profile is not valid JSON of the expected shape
   */
  public static Optional<SyntheticProfile> loadModule(String id) throws IOException {
    Optional<RegistryModule> module = DefinitionLoader.module(id);
    if (module.isEmpty()) return Optional.empty();
    String resource = module.get().resourceRoot().replaceAll("^/+|/+$", "") + "/" + FILE;
    try (InputStream in = module.get().classLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(parse(JSON.readTree(in)));
    }
  }

  /** Reads a profile from its JSON. */
  public static SyntheticProfile parse(JsonNode root) {
    List<PatientForm> forms = new ArrayList<>();
    for (JsonNode form : root.path("patientForms")) {
      int[] count = pair(form.path("count"), 1, 1);
      int[] gap = pair(form.path("gapDays"), 0, 0);
      Optional<LocalDate> first = form.path("start").isTextual() ? Optional.of(LocalDate.parse(form.get("start").asText())) : Optional.empty();
      Optional<String> until = form.path("until").isTextual() ? Optional.of(form.get("until").asText()) : Optional.empty();
      forms.add(new PatientForm(required(form, "form"), count[0], count[1], gap[0], gap[1], first, until));
    }
    LocalDate start = LocalDate.parse(root.path("window").path(0).asText("2019-01-01"));
    LocalDate end = LocalDate.parse(root.path("window").path(1).asText("2024-12-31"));
    Map<String, Double> units = new LinkedHashMap<>();
    root.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), e.getValue().asDouble()));
    List<String> shared = new ArrayList<>();
    root.path("shared").forEach(n -> shared.add(n.asText()));
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    root.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
    Optional<UnitsBy> unitsBy = Optional.empty();
    if (root.path("unitsBy").isObject()) {
      Map<String, Map<String, Double>> byValue = new LinkedHashMap<>();
      root.path("unitsBy").path("units").fields().forEachRemaining(e -> {
        Map<String, Double> sizes = new LinkedHashMap<>();
        e.getValue().fields().forEachRemaining(u -> sizes.put(u.getKey(), u.getValue().asDouble()));
        byValue.put(e.getKey(), sizes);
      });
      unitsBy = Optional.of(new UnitsBy(required(root.get("unitsBy"), "variable"), byValue));
    }
    List<UnitForm> unitForms = new ArrayList<>();
    for (JsonNode form : root.path("unitForms")) {
      List<Integer> years = new ArrayList<>();
      form.path("years").forEach(y -> years.add(y.asInt()));
      if (years.isEmpty()) throw new IllegalArgumentException("synthetic profile: a unitForms entry needs \"years\"");
      Optional<String> yearVariable = form.path("yearVariable").isTextual()
          ? Optional.of(form.get("yearVariable").asText()) : Optional.empty();
      unitForms.add(new UnitForm(required(form, "form"), years, yearVariable));
    }
    return new SyntheticProfile(forms, start, end, units, shared, variables, root.path("fillRate").asDouble(0.9), unitsBy,
        unitForms);
  }

  private static String required(JsonNode node, String key) {
    if (!node.path(key).isTextual()) {
      throw new IllegalArgumentException("synthetic profile: \"" + key + "\" is required");
    }
    return node.get(key).asText();
  }

  private static int[] pair(JsonNode node, int defaultMin, int defaultMax) {
    if (!node.isArray()) return new int[] {defaultMin, defaultMax};
    int min = node.path(0).asInt(defaultMin);
    int max = node.path(1).asInt(min);
    if (min > max) throw new IllegalArgumentException("synthetic profile: [" + min + ", " + max + "] has min above max");
    return new int[] {min, max};
  }
}
