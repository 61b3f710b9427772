package no.regforms.validation;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.DependencyGraph;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.Range;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Rule;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.expression.EvaluationContext;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.record.Record;

/**
 * One validation of one record: walks the form's scopes in dependency order ({@link
 * DependencyGraph#walk}), deciding visibility, deriving computed values, and checking every value.
 * Short-lived and single-threaded.
 */
final class RecordCheck {

  private final CompiledForm compiled;
  private final Form form;
  private final LocalDate today;
  private final long line;
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, Object> computed = new LinkedHashMap<>();
  private LocalDate recordDate;
  private Map<String, Object> linked = Map.of();

  RecordCheck(CompiledForm compiled, LocalDate today, long line) {
    this.compiled = compiled;
    this.form = compiled.form();
    this.today = today;
    this.line = line;
  }

  /** The linked records' values the expressions read, by {@code link.variable}. */
  RecordCheck withLinked(Map<String, Object> values) {
    this.linked = values;
    return this;
  }

  ValidationResult run(Record record) {
    Scope top =
        new Scope(
            null, record.values().asMap(), new RecordPath("", line), compiled.slots(form.graph()));
    form.dateVariable()
        .ifPresent(
            name -> {
              Variable dateVariable = form.variables().get(name);
              Object raw = record.values().get(name);
              if (dateVariable != null && raw != null) {
                ValueReader.Read read = ValueReader.read(dateVariable, raw);
                if (read.isOk())
                  recordDate =
                      read.value() instanceof java.time.LocalDateTime at
                          ? at.toLocalDate()
                          : (LocalDate) read.value();
              }
            });
    walk(form.graph(), top);
    checkRules(top);
    return new ValidationResult(
        no.regforms.diagnostic.Diagnostics.of(issues),
        ResultMap.handedOver(computed),
        top.decided());
  }

  /**
   * The values of one scope (the form's top level or one repeat-group row) as they are decided, by
   * the scope's {@link Slots slot} numbers.
   */
  private final class Scope implements EvaluationContext {
    final Scope outer;
    final Map<String, Object> raw;
    final RecordPath path;
    final Slots slots;
    // By slot: the value decided (null: none, or left out), and whether the variable was answered
    // without a usable value (a missing-value reason, or a value rejected with an error).
    private final Object[] values;
    private final boolean[] answeredWithout;

    Scope(Scope outer, Map<String, Object> raw, RecordPath path, Slots slots) {
      this.outer = outer;
      this.raw = raw;
      this.path = path;
      this.slots = slots;
      this.values = new Object[slots.size()];
      this.answeredWithout = new boolean[slots.size()];
    }

    void put(String id, Object value) {
      values[slots.of(id)] = value;
    }

    void answeredWithoutValue(String id) {
      answeredWithout[slots.of(id)] = true;
    }

    /** Whether the slot has a value or was answered without one. */
    boolean isAnswered(int slot) {
      return values[slot] != null || answeredWithout[slot];
    }

    /** The decided values, once the scope is walked: a view of its array, not a copy. */
    DecidedValues decided() {
      return new DecidedValues(slots, values);
    }

    @Override
    public Object value(String name) {
      int slot = slots.of(name);
      Object value = slot == Slots.NONE ? null : values[slot];
      if (value != null) return value;
      return outer == null ? linked.get(name) : outer.value(name);
    }

    @Override
    public boolean hasMissingReason(String name) {
      int slot = slots.of(name);
      return (slot != Slots.NONE && answeredWithout[slot])
          || (outer != null && outer.hasMissingReason(name));
    }

    @Override
    public LocalDate today() {
      return today;
    }
  }

  // ---- walking a scope -----------------------------------------------------------------------

  private void walk(DependencyGraph graph, Scope scope) {
    Map<String, FormItem> items = graph.items();
    reportUndefined(items, scope);

    Set<String> shown =
        graph.walk(
            scope,
            new DependencyGraph.ScopeVisitor() {
              @Override
              public void variable(Variable variable, boolean isShown) {
                decide(variable, isShown, scope);
              }

              @Override
              public void repeat(RepeatGroup repeat, boolean isShown, DependencyGraph rows) {
                decideRows(repeat, isShown, rows, scope);
              }
            });
    for (int slot = 0; slot < scope.slots.size(); slot++) {
      if (scope.slots.item(slot) instanceof Variable variable
          && (variable.required() || variable.requiredIf().isPresent())
          && !variable.isComputed()
          && !scope.isAnswered(slot)
          && shown.contains(variable.id())) {
        checkRequired(variable, scope);
      }
    }
  }

  private void reportUndefined(Map<String, FormItem> byId, Scope scope) {
    for (String key : scope.raw.keySet()) {
      if (scope.slots.of(key) != Slots.NONE) continue; // a variable or repeat group of the scope
      Issue issue =
          issue(
              Severity.ERROR,
              IssueCode.UNDEFINED_VARIABLE,
              MessageCatalogue.localized("record.undefinedVariable", form.id()),
              scope.path.member(key));
      Set<String> known =
          byId.values().stream()
              .filter(i -> i instanceof Variable || i instanceof RepeatGroup)
              .map(FormItem::id)
              .collect(Collectors.toSet());
      issues.add(NameSuggester.hint(key, known).map(issue::withHint).orElse(issue));
    }
  }

  private boolean isTrue(Optional<Formula> condition, Scope scope) {
    return condition.isEmpty() || Boolean.TRUE.equals(condition.get().compiled().evaluate(scope));
  }

  /** Decides one variable's value: computed, read from input, or absent because hidden. */
  private void decide(Variable variable, boolean shown, Scope scope) {
    Object raw = scope.raw.get(variable.id());
    // Most variables of a form are not filled in: leave them before anything is built for them.
    if (raw == null && (!shown || !variable.isComputed())) return;
    RecordPath path = scope.path.member(variable.id());
    if (variable.isComputed()) {
      if (raw != null) {
        issues.add(
            issue(
                Severity.WARNING,
                IssueCode.COMPUTED_VALUE_IGNORED,
                MessageCatalogue.localized("record.computedIgnored"),
                path));
      }
      if (shown) {
        Object value = variable.compute().get().compiled().evaluate(scope);
        if (value != null) {
          checkComputedRange(variable, value, path);
          scope.put(variable.id(), value);
          computed.put(path.path(), value);
        }
      }
      return;
    }
    if (raw == null) return;
    if (!shown) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.HIDDEN_VALUE,
              MessageCatalogue.localized("record.hiddenValue"),
              path));
      return;
    }
    if (raw instanceof Map<?, ?> map && map.containsKey("missing")) {
      Object reason = map.get("missing");
      if (map.size() == 1 && reason instanceof String text) {
        if (variable.missing().contains(text)) {
          scope.answeredWithoutValue(variable.id());
        } else {
          String allowed =
              variable.missing().isEmpty() ? "-" : String.join(", ", variable.missing());
          issues.add(
              issue(
                  Severity.ERROR,
                  IssueCode.MISSING_REASON_NOT_ALLOWED,
                  missingReasonNotAllowed(compiled.knownMissingReason(text), allowed),
                  path));
          scope.answeredWithoutValue(
              variable.id()); // answered, though wrongly: do not also report required
        }
        return;
      }
    }
    ValueReader.Read read = ValueReader.read(variable, raw);
    if (!read.isOk()) {
      issues.add(issue(Severity.ERROR, read.problem(), read.message(), path));
      scope.answeredWithoutValue(
          variable.id()); // a wrong value was given: required is not the problem
      return;
    }
    if (checkValue(variable, read.value(), path)) {
      scope.put(variable.id(), read.value());
    } else {
      scope.answeredWithoutValue(variable.id());
    }
  }

  private void decideRows(
      RepeatGroup repeat, boolean shown, DependencyGraph rowGraph, Scope scope) {
    RecordPath path = scope.path.member(repeat.id());
    Object raw = scope.raw.get(repeat.id());
    if (raw == null) {
      if (shown && repeat.min() > 0) {
        issues.add(
            issue(
                Severity.ERROR,
                IssueCode.TOO_FEW_ROWS,
                MessageCatalogue.localized(c -> c.count("record.tooFewRows", repeat.min())),
                path));
      }
      if (shown) scope.put(repeat.id(), List.of());
      return;
    }
    if (!shown) {
      boolean hasRows = !(raw instanceof List<?> list) || !list.isEmpty();
      if (hasRows)
        issues.add(
            issue(
                Severity.ERROR,
                IssueCode.HIDDEN_VALUE,
                MessageCatalogue.localized("record.hiddenValue"),
                path));
      return;
    }
    if (!(raw instanceof List<?> rows)) {
      issues.add(
          issue(Severity.ERROR, IssueCode.INVALID_TYPE, ValueReader.invalidType("rows"), path));
      return;
    }
    if (rows.size() < repeat.min()) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.TOO_FEW_ROWS,
              MessageCatalogue.localized(c -> c.count("record.tooFewRows", repeat.min())),
              path));
    }
    if (repeat.max().isPresent() && rows.size() > repeat.max().get()) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.TOO_MANY_ROWS,
              MessageCatalogue.localized(c -> c.count("record.tooManyRows", repeat.max().get())),
              path));
    }
    List<Map<String, Object>> decided = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      RecordPath rowPath = path.row(i + 1);
      if (!(rows.get(i) instanceof Map<?, ?> row)) {
        issues.add(
            issue(Severity.ERROR, IssueCode.INVALID_TYPE, ValueReader.invalidType("row"), rowPath));
        continue;
      }
      // Record values are keyed by text (RecordValues): the row is read as it is, not copied.
      @SuppressWarnings("unchecked")
      Scope rowScope =
          new Scope(scope, (Map<String, Object>) row, rowPath, compiled.slots(rowGraph));
      walk(rowGraph, rowScope);
      decided.add(rowScope.decided()); // the row's scope ends here
    }
    scope.put(repeat.id(), java.util.Collections.unmodifiableList(decided));
  }

  /** Reports {@code variable}, shown and not answered, if it is required. */
  private void checkRequired(Variable variable, Scope scope) {
    boolean required =
        variable.required()
            || variable
                .requiredIf()
                .map(f -> Boolean.TRUE.equals(f.compiled().evaluate(scope)))
                .orElse(false);
    if (required) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.REQUIRED,
              MessageCatalogue.localized("record.required"),
              scope.path.member(variable.id())));
    }
  }

  // ---- value checks --------------------------------------------------------------------------

  /**
   * Checks a typed value against the variable's constraints; false if it must not be used further.
   */
  private boolean checkValue(Variable variable, Object value, RecordPath path) {
    int before = issues.size();
    if (value instanceof BigDecimal number) {
      checkNumber(variable, number, path);
    } else if (value instanceof LocalDate date) {
      variable.range().ifPresent(range -> checkTemporal(range, date, null, path));
    } else if (value instanceof YearMonth month) {
      variable.range().ifPresent(range -> checkTemporal(range, null, month, path));
    } else if (value instanceof String text) {
      checkText(variable, text, path);
    } else if (value instanceof List<?> codes) {
      checkCodes(variable, codes, path);
    }
    // Only this value's own issues are looked at: counting every error of the record each time
    // made validation quadratic in the number of values. A loop, not a stream: this runs per value.
    for (int i = before; i < issues.size(); i++) {
      if (issues.get(i).isError()) return false;
    }
    return true;
  }

  // A number's checks run for every number of every record: plain ifs, no lambda per value.
  private void checkNumber(Variable variable, BigDecimal number, RecordPath path) {
    Range range = variable.range().orElse(null);
    if (range != null && outside(number, range)) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.OUT_OF_RANGE,
              MessageCatalogue.localized(
                  "record.outOfRange", range.min().toString(), range.max().toString()),
              path));
      return;
    }
    Integer decimals = variable.decimals().orElse(null);
    // Stripping zeros allocates: only a number written with more places needs it.
    if (decimals != null
        && number.scale() > decimals
        && number.stripTrailingZeros().scale() > decimals) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.TOO_MANY_DECIMALS,
              MessageCatalogue.localized(c -> c.count("record.tooManyDecimals", decimals)),
              path));
    }
    BigDecimal step = variable.step().orElse(null);
    if (step != null) {
      BigDecimal base =
          range != null && range.min() instanceof Bound.Number min ? min.value() : BigDecimal.ZERO;
      if (number.subtract(base).remainder(step).signum() != 0) {
        issues.add(
            issue(
                Severity.ERROR,
                IssueCode.STEP,
                MessageCatalogue.localized(
                    "record.step", step.toPlainString(), base.toPlainString()),
                path));
      }
    }
    Range plausible = variable.plausibleRange().orElse(null);
    if (plausible != null && outside(number, plausible)) {
      issues.add(
          issue(
              Severity.WARNING,
              IssueCode.IMPLAUSIBLE,
              MessageCatalogue.localized(
                  "record.implausible", plausible.min().toString(), plausible.max().toString()),
              path));
    }
  }

  /**
   * A computed value is held to its variable's {@code range} (an error: the definition or the
   * values it reads are wrong) and {@code plausibleRange} (a warning), as an input value is;
   * decimals and step are the formula's business. The value still counts for what reads it.
   */
  private void checkComputedRange(Variable variable, Object value, RecordPath path) {
    if (value instanceof BigDecimal number) {
      Optional<Range> range = variable.range();
      if (range.isPresent() && outside(number, range.get())) {
        issues.add(
            issue(
                Severity.ERROR,
                IssueCode.OUT_OF_RANGE,
                MessageCatalogue.localized(
                    "record.outOfRange",
                    range.get().min().toString(),
                    range.get().max().toString()),
                path));
      } else {
        variable
            .plausibleRange()
            .filter(plausible -> outside(number, plausible))
            .ifPresent(
                plausible ->
                    issues.add(
                        issue(
                            Severity.WARNING,
                            IssueCode.IMPLAUSIBLE,
                            MessageCatalogue.localized(
                                "record.implausible",
                                plausible.min().toString(),
                                plausible.max().toString()),
                            path)));
      }
    } else if (value instanceof LocalDate date) {
      variable.range().ifPresent(range -> checkTemporal(range, date, null, path));
    } else if (value instanceof YearMonth month) {
      variable.range().ifPresent(range -> checkTemporal(range, null, month, path));
    }
  }

  private static boolean outside(BigDecimal number, Range range) {
    return (range.min() instanceof Bound.Number min && number.compareTo(min.value()) < 0)
        || (range.max() instanceof Bound.Number max && number.compareTo(max.value()) > 0);
  }

  private void checkTemporal(Range range, LocalDate date, YearMonth month, RecordPath path) {
    boolean below =
        date != null
            ? date.isBefore(lowDate(range.min(), true))
            : month.isBefore(lowMonth(range.min(), true));
    boolean above =
        date != null
            ? date.isAfter(lowDate(range.max(), false))
            : month.isAfter(lowMonth(range.max(), false));
    if (below || above) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.OUT_OF_RANGE,
              MessageCatalogue.localized(
                  "record.outOfRange", display(range.min()), display(range.max())),
              path));
    }
  }

  private LocalDate lowDate(Bound bound, boolean isMin) {
    if (bound instanceof Bound.Date d) return d.value();
    if (bound instanceof Bound.Today) return today;
    return isMin ? LocalDate.MIN : LocalDate.MAX;
  }

  private YearMonth lowMonth(Bound bound, boolean isMin) {
    if (bound instanceof Bound.Month m) return m.value();
    if (bound instanceof Bound.Today) return YearMonth.from(today);
    return isMin ? YearMonth.of(-999_999, 1) : YearMonth.of(999_999, 12);
  }

  private static String display(Bound bound) {
    return bound instanceof Bound.Today
        ? MessageCatalogue.of("nb").text("record.today")
        : bound.toString();
  }

  private void checkText(Variable variable, String text, RecordPath path) {
    if (variable.type().isCoded()) {
      checkCode(variable, text, path);
      return;
    }
    variable
        .maxLength()
        .ifPresent(
            max -> {
              if (text.codePointCount(0, text.length()) > max) {
                issues.add(
                    issue(
                        Severity.ERROR,
                        IssueCode.TOO_LONG,
                        MessageCatalogue.localized(c -> c.count("record.tooLong", max)),
                        path));
              }
            });
    Optional<Pattern> pattern = compiled.pattern(variable);
    if (pattern.isPresent() && !pattern.get().matches(text)) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.PATTERN_MISMATCH,
              MessageCatalogue.localized("record.patternMismatch"),
              path));
    }
  }

  private void checkCodes(Variable variable, List<?> codes, RecordPath path) {
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      checkCode(variable, (String) codes.get(i), path.row(i + 1));
      if (!seen.add(codes.get(i))) {
        issues.add(
            issue(
                Severity.ERROR,
                IssueCode.DUPLICATE_CHOICE,
                MessageCatalogue.localized("record.duplicateChoice"),
                path.row(i + 1)));
      }
    }
    variable
        .minChoices()
        .ifPresent(
            min -> {
              if (codes.size() < min)
                issues.add(
                    issue(
                        Severity.ERROR,
                        IssueCode.TOO_FEW_CHOICES,
                        MessageCatalogue.localized("record.tooFewChoices", min),
                        path));
            });
    variable
        .maxChoices()
        .ifPresent(
            max -> {
              if (codes.size() > max)
                issues.add(
                    issue(
                        Severity.ERROR,
                        IssueCode.TOO_MANY_CHOICES,
                        MessageCatalogue.localized("record.tooManyChoices", max),
                        path));
            });
  }

  private void checkCode(Variable variable, String value, RecordPath path) {
    Optional<CodeList> list = variable.codeList().flatMap(compiled::codeList);
    if (list.isEmpty()) return;
    Code code = compiled.codes(list.get()).get(value);
    if (code == null) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.UNKNOWN_CODE,
              MessageCatalogue.localized("record.unknownCode", list.get().id()),
              path));
    } else if (recordDate != null && !code.isValidOn(recordDate)) {
      issues.add(
          issue(
              Severity.ERROR,
              IssueCode.CODE_NOT_VALID,
              MessageCatalogue.localized("record.codeNotValid", list.get().id()),
              path));
    }
  }

  // ---- rules ---------------------------------------------------------------------------------

  private void checkRules(Scope top) {
    for (Rule rule : form.rules()) {
      if (!isTrue(rule.when(), top)) continue;
      if (!Boolean.FALSE.equals(rule.check().compiled().evaluate(top))) continue;
      if (rule.variables().isEmpty()) {
        issues.add(
            issue(rule.severity(), IssueCode.RULE_FAILED, rule.message(), top.path)
                .withHint("rule " + rule.id()));
      }
      for (String variable : rule.variables()) {
        issues.add(
            issue(rule.severity(), IssueCode.RULE_FAILED, rule.message(), top.path.member(variable))
                .withHint("rule " + rule.id()));
      }
    }
  }

  private static Issue issue(
      Severity severity, IssueCode code, LocalizedText message, RecordPath path) {
    return new Issue(severity, code, message, path, Optional.empty());
  }

  /**
   * A missing-value reason the variable does not accept. {@code knownReason} is the reason when the
   * registry knows it; an unknown reason is free text from the record and is never echoed.
   */
  private static LocalizedText missingReasonNotAllowed(
      Optional<String> knownReason, String allowed) {
    return knownReason
        .map(
            reason -> MessageCatalogue.localized("record.missingReasonNotAllowed", reason, allowed))
        .orElseGet(() -> MessageCatalogue.localized("record.unknownMissingReason", allowed));
  }
}
