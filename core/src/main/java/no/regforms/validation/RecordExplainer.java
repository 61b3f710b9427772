package no.regforms.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Rule;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.RecordPath;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.Explanation;

/**
 * Explains one validated record: replays the form's conditions, computed values and rules on the
 * values the validator decided (hidden and invalid values left out, computed values in), which are
 * what each expression read during validation, and says why each unknown name is unknown.
 * Short-lived and single-threaded.
 */
final class RecordExplainer {

  private final Form form;
  private final LocalDate today;
  private final List<Decision> decisions = new ArrayList<>();

  RecordExplainer(Form form, LocalDate today) {
    this.form = form;
    this.today = today;
  }

  List<Decision> explain(Map<String, Object> raw, ValidationResult result) {
    Scope top = top(raw, result);
    top.explain(form.items());
    for (Rule rule : form.rules()) {
      boolean applies =
          rule.when().map(when -> Boolean.TRUE.equals(when.compiled().evaluate(top))).orElse(true);
      if (applies && Boolean.FALSE.equals(rule.check().compiled().evaluate(top))) {
        decisions.add(top.decision(Decision.Kind.RULE_FAILED, rule.id(), "check", rule.check()));
      }
    }
    return List.copyOf(decisions);
  }

  /**
   * {@code expression} on the record's top level, with why each unknown name it read is unknown.
   */
  Decision explain(
      Map<String, Object> raw, ValidationResult result, CompiledExpression expression) {
    return top(raw, result).decision(Decision.Kind.EXPRESSION, "", "expression", expression);
  }

  private Scope top(Map<String, Object> raw, ValidationResult result) {
    Scope top = new Scope(null, raw, result.values(), RecordPath.ROOT);
    top.decideVisibility(form.items(), true);
    return top;
  }

  /**
   * One scope (the form or a row): the values the validator decided, and the raw input beside them.
   */
  private final class Scope implements EvaluationContext {
    final Scope outer;
    final Map<String, Object> raw;
    final Map<String, Object> values;
    final RecordPath path;
    final Set<String> hidden = new HashSet<>();
    final Map<String, FormItem> items = new LinkedHashMap<>();

    Scope(Scope outer, Map<String, Object> raw, Map<String, Object> values, RecordPath path) {
      this.outer = outer;
      this.raw = raw;
      this.values = values;
      this.path = path;
    }

    @Override
    public Object value(String name) {
      if (values.containsKey(name)) return values.get(name);
      return outer == null ? null : outer.value(name);
    }

    @Override
    public boolean hasMissingReason(String name) {
      return missingReason(name).isPresent()
          || (outer != null && !items.containsKey(name) && outer.hasMissingReason(name));
    }

    @Override
    public LocalDate today() {
      return today;
    }

    private Optional<String> missingReason(String name) {
      return raw.get(name) instanceof Map<?, ?> map && map.get("missing") instanceof String reason
          ? Optional.of(reason)
          : Optional.empty();
    }

    /** Which items are hidden: their own condition is not true, or their section is hidden. */
    void decideVisibility(List<FormItem> list, boolean parentShown) {
      for (FormItem item : list) {
        items.put(item.id(), item);
        boolean shown = parentShown && isTrue(item.visibleIf());
        if (!shown) hidden.add(item.id());
        if (item instanceof Section section) decideVisibility(section.items(), shown);
      }
    }

    private boolean isTrue(Optional<Formula> condition) {
      return condition.isEmpty() || Boolean.TRUE.equals(condition.get().compiled().evaluate(this));
    }

    void explain(List<FormItem> list) {
      for (FormItem item : list) {
        RecordPath at = path.member(item.id());
        boolean ownCondition = item.visibleIf().isPresent() && !isTrue(item.visibleIf());
        if (ownCondition) {
          decisions.add(
              decision(Decision.Kind.HIDDEN, at.path(), "visibleIf", item.visibleIf().get()));
        }
        if (hidden.contains(item.id()))
          continue; // a hidden section's items are hidden by the section
        if (item instanceof Section section) {
          explain(section.items());
        } else if (item instanceof Variable variable && variable.compute().isPresent()) {
          decisions.add(
              decision(Decision.Kind.COMPUTED, at.path(), "compute", variable.compute().get()));
        } else if (item instanceof RepeatGroup repeat) {
          explainRows(repeat, at);
        }
      }
    }

    private void explainRows(RepeatGroup repeat, RecordPath at) {
      if (!(values.get(repeat.id()) instanceof List<?> rows)
          || !(raw.get(repeat.id()) instanceof List<?> rawRows)) return;
      for (int i = 0; i < rows.size() && i < rawRows.size(); i++) {
        if (!(rows.get(i) instanceof Map<?, ?> row)
            || !(rawRows.get(i) instanceof Map<?, ?> rawRow)) continue;
        Scope scope = new Scope(this, strings(rawRow), strings(row), at.row(i + 1));
        scope.decideVisibility(repeat.items(), true);
        scope.explain(repeat.items());
      }
    }

    Decision decision(Decision.Kind kind, String where, String key, Formula formula) {
      return decision(kind, where, key, formula.compiled());
    }

    Decision decision(Decision.Kind kind, String where, String key, CompiledExpression expression) {
      Explanation explanation = expression.explain(this);
      Map<String, String> unknown = new LinkedHashMap<>();
      for (String name : explanation.unknownNames()) {
        unknown.put(name, whyUnknown(name));
      }
      return new Decision(kind, where, key, explanation, unknown);
    }

    /** Why {@code name}, read in this scope, has no value. */
    private String whyUnknown(String name) {
      FormItem item = items.get(name);
      if (item == null) {
        return outer != null ? outer.whyUnknown(name) : "not a value of this record";
      }
      if (hidden.contains(name)) return "hidden";
      Optional<String> reason = missingReason(name);
      if (reason.isPresent()) return "missing value: " + reason.get();
      if (item instanceof Variable variable && variable.isComputed()) return "computed as unknown";
      return raw.containsKey(name) ? "has an error" : "not filled in";
    }
  }

  private static Map<String, Object> strings(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
