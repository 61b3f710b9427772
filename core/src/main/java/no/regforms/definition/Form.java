package no.regforms.definition;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.TypeEnvironment;

/**
 * A form: the items a record of it holds, in display order, and its cross-field rules.
 *
 * <p>Immutable and thread-safe. Variables inside sections belong to the form's top level; variables
 * inside a {@link RepeatGroup} belong to its rows.
 */
public final class Form {

  @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
  private final String id;

  private final LocalizedText title;
  private final Optional<LocalizedText> description;
  private final Respondent respondent;
  private final String version;
  private final Optional<LocalDate> validFrom;
  private final Optional<LocalDate> validTo;
  private final Optional<String> dateVariable;
  private final Optional<String> notes;
  private final List<MeasureTag> tags;
  private final FormScope scope;
  private final List<FormItem> items;
  private final List<Rule> rules;
  private final List<FormLink> links;
  private final SourceLocation location;
  private final Map<String, Variable> variables;
  private final Map<String, RepeatGroup> repeats;
  private final TypeEnvironment environment;
  private final DependencyGraph graph;

  Form(Parts parts, TypeEnvironment environment, DependencyGraph graph) {
    this.id = Objects.requireNonNull(parts.id, "id");
    this.title = Objects.requireNonNull(parts.title, "title");
    this.description = parts.description;
    this.respondent = parts.respondent;
    this.version = parts.version;
    this.validFrom = parts.validFrom;
    this.validTo = parts.validTo;
    this.dateVariable = parts.dateVariable;
    this.notes = parts.notes;
    this.tags = List.copyOf(parts.tags);
    this.scope = Objects.requireNonNull(parts.scope, "scope");
    this.items = List.copyOf(parts.items);
    this.rules = List.copyOf(parts.rules);
    this.links = List.copyOf(parts.links);
    this.location = parts.location;
    Map<String, Variable> byId = new LinkedHashMap<>();
    ItemWalker.scope(items, Variable.class).forEach(v -> byId.putIfAbsent(v.id(), v));
    this.variables = Collections.unmodifiableMap(byId);
    Map<String, RepeatGroup> repeatsById = new LinkedHashMap<>();
    ItemWalker.scope(items, RepeatGroup.class).forEach(r -> repeatsById.putIfAbsent(r.id(), r));
    this.repeats = Collections.unmodifiableMap(repeatsById);
    this.environment = environment;
    this.graph = graph;
  }

  /** The parts of a form as read from its file, before expressions are compiled. */
  static final class Parts {
    String id;
    LocalizedText title;
    Optional<LocalizedText> description = Optional.empty();
    Respondent respondent = Respondent.CLINICIAN;
    String version = "";
    Optional<LocalDate> validFrom = Optional.empty();
    Optional<LocalDate> validTo = Optional.empty();
    Optional<String> dateVariable = Optional.empty();
    Optional<String> notes = Optional.empty();
    List<MeasureTag> tags = List.of();
    FormScope scope = FormScope.PATIENT;
    List<FormItem> items = List.of();
    List<Rule> rules = List.of();
    List<FormLink> links = List.of();
    SourceLocation location = SourceLocation.UNKNOWN;
  }

  /** Stable id. */
  public String id() {
    return id;
  }

  /** Title. */
  public LocalizedText title() {
    return title;
  }

  /** Longer description. */
  public Optional<LocalizedText> description() {
    return description;
  }

  /** Who fills the form in. */
  public Respondent respondent() {
    return respondent;
  }

  /** Form version; the registry's version when the form gives none. */
  public String version() {
    return version;
  }

  /** The registry developers' notes on the form (sources, assumptions); never shown to users. */
  public Optional<String> notes() {
    return notes;
  }

  /**
   * What the form's patient answers measure ({@code "tags"}: PROM, PREM); empty when it does not
   * say.
   */
  public List<MeasureTag> tags() {
    return tags;
  }

  /**
   * Whom one record describes: a patient (the default) or a reporting unit ({@code "scope":
   * "unit"}).
   */
  public FormScope scope() {
    return scope;
  }

  /** The tags of {@code variable}: its own when it gives them, else the form's. */
  public List<MeasureTag> tagsOf(Variable variable) {
    return variable.tags().orElse(tags);
  }

  /** First day the form is in use. */
  public Optional<LocalDate> validFrom() {
    return validFrom;
  }

  /** Last day the form is in use. */
  public Optional<LocalDate> validTo() {
    return validTo;
  }

  /** The date variable that dates a record, for code validity. */
  public Optional<String> dateVariable() {
    return dateVariable;
  }

  /** The items in display order. */
  public List<FormItem> items() {
    return items;
  }

  /** Cross-field rules. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The records a record of this form belongs to (a follow-up's course), in declaration order;
   * empty for most forms.
   */
  public List<FormLink> links() {
    return links;
  }

  /** The link {@code id}, if the form declares it. */
  public Optional<FormLink> link(String id) {
    return links.stream().filter(link -> link.id().equals(id)).findFirst();
  }

  /**
   * The variables of linked records the form's expressions read, as {@code link.variable} ({@code
   * course.course_end}), in form order; what a host gives a page and what bulk validation keeps of
   * each linked record.
   */
  public Set<String> linkReads() {
    if (links.isEmpty()) return Set.of();
    Set<String> reads = new LinkedHashSet<>();
    for (PlacedItem placed : ItemWalker.all(items)) {
      placed.item().visibleIf().ifPresent(f -> reads.addAll(f.compiled().linkReads()));
      if (placed.item() instanceof Variable v) {
        v.requiredIf().ifPresent(f -> reads.addAll(f.compiled().linkReads()));
        v.compute().ifPresent(f -> reads.addAll(f.compiled().linkReads()));
      }
    }
    for (Rule rule : rules) {
      reads.addAll(rule.check().compiled().linkReads());
      rule.when().ifPresent(f -> reads.addAll(f.compiled().linkReads()));
    }
    return Collections.unmodifiableSet(reads);
  }

  /** Where the form is defined. */
  public SourceLocation location() {
    return location;
  }

  /** The top-level variables (sections flattened, repeat rows excluded), in form order. */
  public Map<String, Variable> variables() {
    return variables;
  }

  /** The top-level variable {@code id}. */
  public Optional<Variable> variable(String id) {
    return Optional.ofNullable(variables.get(id));
  }

  /** The top-level repeat groups, in form order. */
  public Map<String, RepeatGroup> repeats() {
    return repeats;
  }

  /** The names and types expressions of this form may read at its top level. */
  public TypeEnvironment environment() {
    return environment;
  }

  /** The dependency order of the form's conditions and computed values. */
  public DependencyGraph graph() {
    return graph;
  }

  @Override
  public String toString() {
    return "Form[" + id + "]";
  }
}
