package no.regforms.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.regforms.definition.Form;
import no.regforms.definition.FormScope;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.synthetic.RecordSynthesizer.Filled;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;

/**
 * Generates synthetic patients of a registry (no real persons): all their forms as records, sorted
 * by patient, deterministic from a seed, with a chosen share made invalid by one planted fault.
 *
 * <p>Each record is filled within the form's constraints and the profile's distributions, then
 * validated; a record that breaks a cross-field rule is drawn again, so every record not planted
 * with a fault validates without errors, and a planted record reports errors of exactly its fault's
 * code (a fault that would also hide or expose other items is drawn again). Immutable and
 * thread-safe; each {@link #generate} call has its own random stream.
 *
 * <pre>{@code
 * SyntheticProfile profile = registry.syntheticProfile().orElseThrow();
 * SyntheticDataGenerator generator = SyntheticDataGenerator.of(registry, profile);
 * generator.generate(1000, 42L, 0.05, record -> writer.write(record.record()));
 * }</pre>
 */
public final class SyntheticDataGenerator {

  private static final int ATTEMPTS = 200;
  private static final int FAULT_ATTEMPTS = 10;

  private final Registry registry;
  private final SyntheticProfile profile;
  private final RecordValidator validator;
  private final LocalDate today;

  private SyntheticDataGenerator(Registry registry, SyntheticProfile profile, LocalDate today) {
    this.registry = registry;
    this.profile = profile;
    this.today = today;
    this.validator =
        RecordValidator.of(
            registry,
            java.time.Clock.fixed(
                today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                java.time.ZoneOffset.UTC));
    for (SyntheticProfile.PatientForm form : profile.patientForms()) {
      registry.formOrThrow(form.form());
      form.until()
          .filter(until -> !profile.shared().contains(until))
          .ifPresent(
              until -> {
                throw new IllegalArgumentException(
                    "synthetic profile: \"until\": \""
                        + until
                        + "\" of form '"
                        + form.form()
                        + "' must be listed in \"shared\"");
              });
    }
    for (SyntheticProfile.UnitForm form : profile.unitForms()) {
      registry.formOrThrow(form.form());
    }
  }

  /**
   * A generator for {@code registry} following {@code profile}; "today" is fixed so output is
   * repeatable.
   */
  public static SyntheticDataGenerator of(Registry registry, SyntheticProfile profile) {
    return of(registry, profile, LocalDate.of(2025, 6, 30));
  }

  /**
   * A generator whose "today" (for date ranges and ages) is {@code today}.
   *
   * @throws IllegalArgumentException if the profile names a form the registry lacks, or an {@code
   *     until} variable that is not listed in {@code shared}
   */
  public static SyntheticDataGenerator of(
      Registry registry, SyntheticProfile profile, LocalDate today) {
    return new SyntheticDataGenerator(
        Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(profile, "profile"),
        Objects.requireNonNull(today, "today"));
  }

  /**
   * Generates {@code patients} patients from {@code seed}, passing each record to {@code sink} in
   * patient order; about {@code invalidFraction} of the records get one planted fault.
   *
   * @return what was made per form, and warnings on it ({@link GenerationSummary#warnings()})
   * @throws IllegalStateException naming the failing checks if a form cannot be filled validly (the
   *     definition or the profile makes valid records too rare)
   */
  public GenerationSummary generate(
      int patients, long seed, double invalidFraction, Consumer<SyntheticRecord> sink) {
    if (patients < 0) throw new IllegalArgumentException("patients must be 0 or more");
    if (invalidFraction < 0 || invalidFraction > 1)
      throw new IllegalArgumentException("invalidFraction must lie in [0, 1]");
    SplittableRandom root = new SplittableRandom(seed);
    int width = Math.max(6, String.valueOf(patients).length());
    Tally tally = new Tally();
    for (int p = 1; p <= patients; p++) {
      SplittableRandom random = root.split();
      String patient = "p-" + String.format("%0" + width + "d", p);
      generatePatient(patient, random, invalidFraction, sink, tally);
    }
    generateUnitForms(root.split(), invalidFraction, sink, tally);
    return tally.summary();
  }

  /** The counts of one run, for its {@link GenerationSummary}. */
  private static final class Tally {
    final Map<String, long[]> records = new TreeMap<>(); // form -> {records, redraws}
    final Map<String, Map<String, Long>> reasons = new TreeMap<>();
    final Map<String, Map<String, Long>> shown = new TreeMap<>();

    void filled(Form form, Filled filled, int redraws, Map<String, Integer> failures) {
      long[] counts = records.computeIfAbsent(form.id(), k -> new long[2]);
      counts[0]++;
      counts[1] += redraws;
      Map<String, Long> why = reasons.computeIfAbsent(form.id(), k -> new TreeMap<>());
      failures.forEach((reason, n) -> why.merge(reason, (long) n, Long::sum));
      Map<String, Long> items = shown.computeIfAbsent(form.id(), k -> new TreeMap<>());
      form.graph().items().values().stream()
          .filter(item -> item.visibleIf().isPresent())
          .forEach(
              item ->
                  items.merge(item.id(), filled.hidden().contains(item.id()) ? 0L : 1L, Long::sum));
    }

    GenerationSummary summary() {
      Map<String, GenerationSummary.FormCounts> forms = new TreeMap<>();
      records.forEach(
          (form, counts) ->
              forms.put(
                  form,
                  new GenerationSummary.FormCounts(
                      counts[0], counts[1], reasons.get(form), shown.get(form))));
      return new GenerationSummary(forms);
    }
  }

  /**
   * The yearly records of every unit, after the patients. A unit form's records ({@code "scope":
   * "unit"}) carry no patient; a form without that scope keeps the pseudo-patient {@code
   * p-unit-<unit>} ("p-unit-…" sorts after "p-000…"). Record ids are {@code
   * p-unit-<unit>-<form>-<year>} either way.
   */
  private void generateUnitForms(
      SplittableRandom random,
      double invalidFraction,
      Consumer<SyntheticRecord> sink,
      Tally tally) {
    RecordSynthesizer synthesizer = new RecordSynthesizer(registry, profile, random, today);
    FaultPlanter planter = new FaultPlanter(random);
    for (String unit : new java.util.TreeSet<>(profile.units().keySet())) {
      String patient = "p-unit-" + unit;
      for (SyntheticProfile.UnitForm spec : profile.unitForms()) {
        Form form = registry.formOrThrow(spec.form());
        for (int year : spec.years()) {
          LocalDate anchor = LocalDate.of(year + 1, 1, 10);
          if (anchor.isAfter(today)) continue;
          Map<String, Object> preset = new HashMap<>();
          spec.yearVariable()
              .ifPresent(name -> preset.put(name, java.math.BigDecimal.valueOf(year)));
          Filled filled = fillValid(form, anchor, preset, synthesizer, 1, Map.of(), tally);
          emit(
              form,
              filled,
              Map.of(),
              patient + "-" + form.id() + "-" + year,
              form.scope() == FormScope.UNIT ? "" : patient,
              unit,
              random,
              planter,
              invalidFraction,
              sink);
        }
      }
    }
  }

  private void generatePatient(
      String patient,
      SplittableRandom random,
      double invalidFraction,
      Consumer<SyntheticRecord> sink,
      Tally tally) {
    long window = ChronoUnit.DAYS.between(profile.windowStart(), profile.windowEnd());
    LocalDate anchor = profile.windowStart().plusDays(random.nextLong(Math.max(1, window)));
    String unit = unit(profile.units(), random);
    boolean unitFixed = profile.unitsBy().isEmpty();
    Map<String, Object> shared = new HashMap<>();
    RecordSynthesizer synthesizer = new RecordSynthesizer(registry, profile, random, today);
    FaultPlanter planter = new FaultPlanter(random);
    int sequence = 0;
    // The patient's latest record of each form, which a later form's links name (its course).
    Map<String, String> latest = new HashMap<>();
    for (SyntheticProfile.PatientForm spec : profile.patientForms()) {
      Form form = registry.formOrThrow(spec.form());
      int count = spec.min() + random.nextInt(spec.max() - spec.min() + 1);
      LocalDate formAnchor = spec.start().filter(anchor::isBefore).orElse(anchor);
      for (int i = 0; i < count; i++) {
        formAnchor =
            formAnchor.plusDays(
                spec.gapMin()
                    + (spec.gapMax() > spec.gapMin()
                        ? random.nextInt(spec.gapMax() - spec.gapMin() + 1)
                        : 0));
        if (formAnchor.isAfter(today) || afterEnd(formAnchor, spec, shared)) break;
        sequence++;
        String id = patient + "-" + form.id() + "-" + sequence;
        Map<String, String> links = new TreeMap<>();
        form.links().stream()
            .filter(link -> latest.containsKey(link.form()))
            .forEach(link -> links.put(link.id(), latest.get(link.form())));
        Filled filled = fillValid(form, formAnchor, shared, synthesizer, i + 1, links, tally);
        for (String name : profile.shared()) {
          if (filled.typed().containsKey(name)) shared.putIfAbsent(name, filled.typed().get(name));
        }
        if (!unitFixed
            && filled.typed().get(profile.unitsBy().get().variable()) instanceof String value) {
          unitFixed = true;
          Map<String, Double> units = profile.unitsBy().get().units().get(value);
          if (units != null && !units.isEmpty()) unit = unit(units, random);
        }
        emit(form, filled, links, id, patient, unit, random, planter, invalidFraction, sink);
        latest.put(form.id(), id);
      }
    }
  }

  /**
   * Passes on one filled record, with one fault planted in about {@code invalidFraction} of them.
   */
  private void emit(
      Form form,
      Filled filled,
      Map<String, String> links,
      String id,
      String patient,
      String unit,
      SplittableRandom random,
      FaultPlanter planter,
      double invalidFraction,
      Consumer<SyntheticRecord> sink) {
    Map<String, Object> values = filled.raw();
    Optional<IssueCode> planted = Optional.empty();
    if (random.nextDouble() < invalidFraction) {
      // A fault whose effects reach other items (a removed value that controls another's
      // visibility) would bring a second code; draw again so the record carries exactly one.
      for (int attempt = 0; attempt < FAULT_ATTEMPTS && planted.isEmpty(); attempt++) {
        Optional<Map.Entry<IssueCode, Map<String, Object>>> fault =
            planter.plant(form, values, filled.hidden());
        if (fault.isPresent()
            && reportsOnly(form, links, fault.get().getValue(), fault.get().getKey())) {
          planted = Optional.of(fault.get().getKey());
          values = fault.get().getValue();
        }
      }
    }
    Record record =
        new Record(
            registry.id(),
            form.id(),
            registry.version(),
            id,
            patient,
            unit,
            links,
            RecordValues.of(values),
            0);
    sink.accept(new SyntheticRecord(record, planted));
  }

  private Filled fillValid(
      Form form,
      LocalDate anchor,
      Map<String, Object> shared,
      RecordSynthesizer synthesizer,
      int ordinal,
      Map<String, String> links,
      Tally tally) {
    Map<String, Integer> failures = new TreeMap<>();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Filled filled = synthesizer.fill(form, anchor, shared, ordinal);
      ValidationResult result = validator.validate(linked(form, links, filled.raw()));
      if (!result.hasErrors()) {
        tally.filled(form, filled, attempt, failures);
        return filled;
      }
      for (Issue issue : result.diagnostics().errors()) {
        String where =
            issue.location() instanceof RecordPath path
                ? path.path().replaceAll("\\[\\d+]", "[]")
                : "";
        failures.merge(issue.code().code() + " at " + where, 1, Integer::sum);
      }
    }
    String common =
        failures.entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue())
            .limit(5)
            .map(e -> e.getKey() + " (" + e.getValue() + "x)")
            .collect(Collectors.joining(", "));
    throw new IllegalStateException(
        "could not fill form '"
            + form.id()
            + "' validly in "
            + ATTEMPTS
            + " attempts; most common problems: "
            + common
            + ". Adjust synthetic.json (e.g. \"from\"/\"days\" for dates).");
  }

  /**
   * The record as the validator sees it while it is drawn: with its links (a required one is
   * given), without link targets, so a drawn value never depends on the linked record's.
   */
  private Record linked(Form form, Map<String, String> links, Map<String, Object> values) {
    return new Record(registry.id(), form.id(), "", "", "", "", links, RecordValues.of(values), 0);
  }

  /** True if {@code values} of {@code form} break exactly one kind of check: {@code code}. */
  private boolean reportsOnly(
      Form form, Map<String, String> links, Map<String, Object> values, IssueCode code) {
    ValidationResult result = validator.validate(linked(form, links, values));
    return result.diagnostics().errors().stream()
        .map(Issue::code)
        .distinct()
        .toList()
        .equals(List.of(code));
  }

  /** True if {@code date} lies after the patient's value of the form's {@code until} variable. */
  private static boolean afterEnd(
      LocalDate date, SyntheticProfile.PatientForm spec, Map<String, Object> shared) {
    return spec.until()
        .map(shared::get)
        .filter(LocalDate.class::isInstance)
        .map(end -> date.isAfter((LocalDate) end))
        .orElse(false);
  }

  private static String unit(Map<String, Double> units, SplittableRandom random) {
    if (units.isEmpty()) return "";
    double total = units.values().stream().mapToDouble(Double::doubleValue).sum();
    double pick = random.nextDouble() * total;
    String last = "";
    for (Map.Entry<String, Double> e : units.entrySet()) {
      last = e.getKey();
      pick -= e.getValue();
      if (pick < 0) break;
    }
    return last;
  }
}
