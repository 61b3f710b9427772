package no.regforms.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.expression.CompiledExpression;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.record.Record;

/**
 * Validates records against a registry's forms: types and formats, required and required-if, hard
 * and plausible ranges, steps, decimals, text length and pattern, codes (and their validity on the
 * record's date), choice and row counts, missing-value reasons, values hidden by skip logic, values
 * the form does not define, and the form's cross-field rules. Computed values are derived, never
 * taken from the input, and returned with the result.
 *
 * <p>Immutable and thread-safe: build one per registry and share it. It never changes its input and
 * never throws on bad data; every problem is an {@link Issue} located by variable path.
 *
 * <pre>{@code
 * RecordValidator validator = RecordValidator.of(registry);
 * ValidationResult result = validator.validate(record);
 * result.diagnostics().errors().forEach(issue -> ...);
 * }</pre>
 */
public final class RecordValidator {

  private final Registry registry;
  private final Clock clock;
  private final Map<String, CompiledForm> forms;
  // The forms of each version, compiled when a record of it is first met (an earlier version's
  // registry may be built only then) and shared by this validator's asVersion family.
  private final ConcurrentMap<String, Map<String, CompiledForm>> formsByVersion;
  private final Optional<String> asVersion;

  private RecordValidator(
      Registry registry,
      Clock clock,
      Optional<String> asVersion,
      ConcurrentMap<String, Map<String, CompiledForm>> formsByVersion) {
    this.registry = registry;
    this.clock = clock;
    this.asVersion = asVersion;
    this.formsByVersion = formsByVersion;
    this.forms = formsOf(asVersion.orElse(registry.version()));
  }

  /**
   * The forms of version {@code version}, compiled on first use; null if the registry never had it.
   */
  private Map<String, CompiledForm> formsOf(String version) {
    Map<String, CompiledForm> compiled = formsByVersion.get(version);
    if (compiled != null) return compiled;
    Optional<Registry> view = registry.atVersion(version);
    return view.isEmpty()
        ? null
        : formsByVersion.computeIfAbsent(version, v -> compile(view.get()));
  }

  private static Map<String, CompiledForm> compile(Registry view) {
    Map<String, CompiledForm> compiled = new LinkedHashMap<>();
    for (Form form : view.forms().values()) {
      compiled.put(form.id(), new CompiledForm(view, form));
    }
    return Collections.unmodifiableMap(compiled);
  }

  /** A validator for {@code registry}, with today's date from the system clock. */
  public static RecordValidator of(Registry registry) {
    return of(registry, Clock.systemDefaultZone());
  }

  /**
   * A validator for {@code registry} whose "today" (date ranges, {@code today()}) comes from {@code
   * clock}.
   */
  public static RecordValidator of(Registry registry, Clock clock) {
    Objects.requireNonNull(registry, "registry");
    return new RecordValidator(
        registry,
        Objects.requireNonNull(clock, "clock"),
        Optional.empty(),
        new ConcurrentHashMap<>());
  }

  /**
   * A validator that checks every record as version {@code version} defines it, whatever version
   * the record declares (an old record against the current version shows what a migration must
   * fix).
   *
   * @throws IllegalArgumentException naming the known versions, if the registry never had {@code
   *     version}
   */
  public RecordValidator asVersion(String version) {
    Objects.requireNonNull(version, "version");
    if (formsOf(version) == null) {
      throw new IllegalArgumentException(
          "registry '"
              + registry.id()
              + "' never had version '"
              + version
              + "'; its versions are "
              + String.join(", ", registry.history().names()));
    }
    // The versions' forms are the same whichever version checks: compiled once, shared.
    return new RecordValidator(registry, clock, Optional.of(version), formsByVersion);
  }

  /** The registry this validator checks against. */
  public Registry registry() {
    return registry;
  }

  /** Validates {@code record} against the form it names. */
  public ValidationResult validate(Record record) {
    Objects.requireNonNull(record, "record");
    return validate(record, record.form());
  }

  /**
   * Validates {@code record} as a record of form {@code formId}; a record that names another form
   * gets a {@code wrong_form} error (a bulk file meant for one form).
   */
  public ValidationResult validate(Record record, String formId) {
    return validate(record, formId, null);
  }

  /**
   * Validates {@code record} with the records it links to, found by {@code resolver}: a link that
   * names no record of its form for the same patient is {@code link_dangling}, and the form's
   * expressions read the linked records' values ({@code course.course_end}).
   */
  public ValidationResult validate(Record record, LinkResolver resolver) {
    Objects.requireNonNull(record, "record");
    return validate(record, record.form(), Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * Validates {@code record} as a record of form {@code formId} with the records it links to, found
   * by {@code resolver} (null: no link targets checked, link reads unknown).
   */
  public ValidationResult validate(Record record, String formId, LinkResolver resolver) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(formId, "formId");
    RecordPath whole = new RecordPath("", record.line());
    if (!record.registry().isEmpty() && !record.registry().equals(registry.id())) {
      Issue issue =
          new Issue(
              Severity.ERROR,
              IssueCode.WRONG_FORM,
              MessageCatalogue.localized("record.otherRegistry", record.registry(), registry.id()),
              whole,
              Optional.of(
                  "validate it against registry '"
                      + record.registry()
                      + "' (--registry "
                      + record.registry()
                      + ")"));
      return new ValidationResult(Diagnostics.of(List.of(issue)), Map.of(), Map.of());
    }
    Map<String, CompiledForm> ofVersion =
        asVersion.isPresent() || record.version().isEmpty() ? forms : formsOf(record.version());
    boolean known = ofVersion != null;
    Map<String, CompiledForm> versionForms = known ? ofVersion : forms;
    CompiledForm form = record.form().equals(formId) ? versionForms.get(formId) : null;
    if (form == null) {
      Issue issue =
          new Issue(
              Severity.ERROR,
              IssueCode.WRONG_FORM,
              MessageCatalogue.localized("record.wrongForm", record.registry(), record.form()),
              whole,
              Optional.empty());
      issue =
          no.regforms.diagnostic.NameSuggester.hint(record.form(), versionForms.keySet())
              .map(issue::withHint)
              .orElse(issue.withHint("forms: " + String.join(", ", versionForms.keySet())));
      return new ValidationResult(Diagnostics.of(List.of(issue)), Map.of(), Map.of());
    }
    LocalDate today = LocalDate.now(clock);
    LinkCheck.Outcome links = LinkCheck.run(form, record, resolver);
    ValidationResult result =
        new RecordCheck(form, today, record.line()).withLinked(links.values()).run(record);
    List<Issue> more = new java.util.ArrayList<>(ScopeCheck.run(form.form(), record));
    more.addAll(links.issues());
    more.addAll(InclusionCheck.run(form.registry(), record, result, today));
    if (!known && asVersion.isEmpty()) {
      more.add(
          new Issue(
              Severity.ERROR,
              IssueCode.UNKNOWN_VERSION,
              MessageCatalogue.localized(
                  "record.unknownVersion",
                  record.version(),
                  registry.id(),
                  String.join(", ", registry.history().names())),
              whole,
              Optional.empty()));
    }
    if (more.isEmpty()) return result;
    return new ValidationResult(
        result.diagnostics().plus(Diagnostics.of(more)), result.computed(), result.values());
  }

  /**
   * The version records are checked against when they declare none: the current one, or the one
   * {@link #asVersion} names.
   */
  public String version() {
    return asVersion.orElse(registry.version());
  }

  /**
   * Why the form's logic decided what it did for {@code record}: every item hidden by its own
   * condition, every computed value, every failed rule, each with its expression's parts and values
   * and why each unknown name it read is unknown. Empty for a record of no known form.
   *
   * <p>For people, not machines: the decisions hold record values, to show to whoever gave the
   * record (the preview, {@code eval --explain}), never to log.
   */
  public List<Decision> explain(Record record) {
    Objects.requireNonNull(record, "record");
    CompiledForm form = forms.get(record.form());
    if (form == null) return List.of();
    ValidationResult result = validate(record);
    return new RecordExplainer(form.form(), LocalDate.now(clock))
        .explain(record.values().asMap(), result);
  }

  /**
   * {@code expression}, compiled against the form of {@code record}, explained on the record as the
   * validator sees it: the value of each part, and why each unknown name is unknown.
   *
   * @throws IllegalArgumentException when the record names no form of the registry
   */
  public Decision explain(Record record, CompiledExpression expression) {
    Objects.requireNonNull(expression, "expression");
    CompiledForm form = forms.get(Objects.requireNonNull(record, "record").form());
    if (form == null)
      throw new IllegalArgumentException("the record names no form of registry " + registry.id());
    return new RecordExplainer(form.form(), LocalDate.now(clock))
        .explain(record.values().asMap(), validate(record), expression);
  }
}
