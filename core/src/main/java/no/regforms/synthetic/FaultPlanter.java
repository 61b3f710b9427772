package no.regforms.synthetic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import no.regforms.definition.Form;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.Range;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.IssueCode;

/**
 * Plants one known fault in a valid record's values, so tests and demonstrations can check that the
 * validator catches it with the expected code, and only that code: variables that other items'
 * visibility or required-if conditions read are left alone. Works on the top level of a form.
 */
final class FaultPlanter {

  private final SplittableRandom random;

  FaultPlanter(SplittableRandom random) {
    this.random = random;
  }

  /** A fault that applies to a record: its expected code and how to plant it. */
  private record Fault(IssueCode code, UnaryOperator<Map<String, Object>> plant) {}

  /**
   * The values with one fault planted, and its code; empty when no fault applies to this record.
   */
  Optional<Map.Entry<IssueCode, Map<String, Object>>> plant(
      Form form, Map<String, Object> values, Set<String> hidden) {
    List<Fault> faults = applicable(form, values, hidden);
    if (faults.isEmpty()) return Optional.empty();
    Fault fault = faults.get(random.nextInt(faults.size()));
    Map<String, Object> copy = new LinkedHashMap<>(values);
    return Optional.of(Map.entry(fault.code(), fault.plant().apply(copy)));
  }

  private List<Fault> applicable(Form form, Map<String, Object> values, Set<String> hidden) {
    List<Fault> faults = new ArrayList<>();
    faults.add(
        new Fault(IssueCode.UNDEFINED_VARIABLE, v -> with(v, "zz_not_a_variable", BigDecimal.ONE)));
    Set<String> controlling = controlling(form);
    for (Variable variable : form.variables().values()) {
      if (variable.isComputed()) continue;
      // A fault in a variable that shows or requires others would add a second issue there.
      if (controlling.contains(variable.id())) continue;
      String id = variable.id();
      Object value = values.get(id);
      boolean filled = value != null && !(value instanceof Map);
      if (filled
          && variable.required()
          && variable.visibleIf().isEmpty()
          && variable.requiredIf().isEmpty()) {
        faults.add(new Fault(IssueCode.REQUIRED, v -> without(v, id)));
      }
      if (filled && variable.type().isNumeric()) {
        variable
            .range()
            .flatMap(Range::numericMax)
            .ifPresent(
                max ->
                    faults.add(
                        new Fault(
                            IssueCode.OUT_OF_RANGE,
                            v -> with(v, id, max.add(variable.step().orElse(BigDecimal.ONE))))));
        faults.add(new Fault(IssueCode.INVALID_TYPE, v -> with(v, id, "tolv")));
      }
      if (filled && variable.type() == VariableType.CODE) {
        faults.add(new Fault(IssueCode.UNKNOWN_CODE, v -> with(v, id, "ZZ_UNKNOWN")));
      }
      if (filled && variable.type() == VariableType.DATE) {
        faults.add(new Fault(IssueCode.INVALID_FORMAT, v -> with(v, id, "31.12.2024")));
      }
      if (filled && variable.missing().isEmpty()) {
        faults.add(
            new Fault(
                IssueCode.MISSING_REASON_NOT_ALLOWED,
                v -> with(v, id, Map.of("missing", "unknown"))));
      }
      if (value == null && hidden.contains(id)) {
        hiddenValue(variable)
            .ifPresent(
                planted ->
                    faults.add(new Fault(IssueCode.HIDDEN_VALUE, v -> with(v, id, planted))));
      }
    }
    for (RepeatGroup repeat : form.repeats().values()) {
      if (repeat.max().isPresent()
          && values.get(repeat.id()) instanceof List<?> rows
          && !rows.isEmpty()) {
        int max = repeat.max().get();
        faults.add(
            new Fault(
                IssueCode.TOO_MANY_ROWS,
                v -> {
                  List<Object> more = new ArrayList<>(rows);
                  while (more.size() <= max) more.add(rows.get(0));
                  return with(v, repeat.id(), more);
                }));
      }
    }
    return faults;
  }

  /** The variables that visibility and required-if conditions read. */
  private static Set<String> controlling(Form form) {
    Set<String> names = new HashSet<>();
    for (PlacedItem placed : ItemWalker.all(form.items())) {
      placed.item().visibleIf().ifPresent(f -> names.addAll(f.compiled().references()));
      if (placed.item() instanceof Variable v)
        v.requiredIf().ifPresent(f -> names.addAll(f.compiled().references()));
    }
    return names;
  }

  /** A value of the right type for a hidden variable, so that only its being hidden is wrong. */
  private static Optional<Object> hiddenValue(Variable variable) {
    switch (variable.type()) {
      case BOOLEAN:
        return Optional.of(Boolean.TRUE);
      case INTEGER:
      case DECIMAL:
        return Optional.of(variable.range().flatMap(Range::numericMin).orElse(BigDecimal.ONE));
      case DATE:
        return Optional.of("2020-01-01");
      default:
        return Optional.empty();
    }
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    values.put(key, value);
    return values;
  }

  private static Map<String, Object> without(Map<String, Object> values, String key) {
    values.remove(key);
    return values;
  }
}
