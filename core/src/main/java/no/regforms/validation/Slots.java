package no.regforms.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DependencyGraph;
import no.regforms.definition.FormItem;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Variable;

/**
 * The variables and repeat groups of one scope (a form's top level, or a row of one repeat group),
 * numbered once when the form is compiled, in form order. A record's decided values and missing
 * reasons are kept in arrays by these numbers, not in maps by name: a value decided costs a store,
 * not a hash-map entry. Immutable and thread-safe.
 */
final class Slots {

  /** The number of a name that is not a variable or repeat group of this scope. */
  static final int NONE = -1;

  private final FormItem[] items;
  private final Map<String, Integer> byName; // never changed after the constructor

  Slots(DependencyGraph graph) {
    List<FormItem> held = new ArrayList<>();
    for (FormItem item : graph.items().values()) {
      if (item instanceof Variable || item instanceof RepeatGroup) held.add(item);
    }
    this.items = held.toArray(FormItem[]::new);
    // A HashMap, not Map.copyOf: its lookup compares cached hashes before the texts, where the
    // immutable map's probe compares texts (a profile showed it at 7 % of a validation).
    Map<String, Integer> numbers = new HashMap<>();
    for (int slot = 0; slot < items.length; slot++) numbers.put(items[slot].id(), slot);
    this.byName = numbers;
  }

  /** How many slots a scope has. */
  int size() {
    return items.length;
  }

  /** The slot of {@code name}, or {@link #NONE}. */
  int of(String name) {
    Integer slot = byName.get(name);
    return slot == null ? NONE : slot;
  }

  /** The variable or repeat group in {@code slot}. */
  FormItem item(int slot) {
    return items[slot];
  }
}
