package no.regforms.definition;

import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.EvaluationContext;

/**
 * The order in which a form's conditions and computed values are evaluated, as JavaRosa's
 * triggerable DAG: each item depends on the items its {@code visibleIf} and {@code compute} read,
 * and on its enclosing section. Sorted once, at load; the validator and the rendered form both
 * follow it, and a change re-evaluates only {@link #affectedBy what depends on it}.
 *
 * <p>One graph covers one scope: the form's top level, or one row of a repeat group ({@link
 * #rowGraph}). A repeat group depends, in the outer scope, on everything its rows read from
 * outside. Immutable and thread-safe.
 */
public final class DependencyGraph {

  private final List<String> order;
  private final Map<String, Set<String>> dependencies;
  private final Map<String, DependencyGraph> rowGraphs;
  private final Map<String, FormItem> items;
  private final Map<String, String> sections;
  // What walk needs at each position of the order, worked out once rather than per record: the
  // item (null for a bare id), the position of its enclosing section (NO_SECTION for none,
  // UNWALKED for a section outside the order) and its condition (null for an item always shown).
  private final FormItem[] itemAt;
  private final int[] sectionAt;
  private final CompiledExpression[] conditionAt;
  private final Map<String, Integer> position;
  private static final int NO_SECTION = -1;
  private static final int UNWALKED = -2;

  private DependencyGraph(
      List<String> order,
      Map<String, Set<String>> dependencies,
      Map<String, DependencyGraph> rowGraphs,
      Map<String, FormItem> items,
      Map<String, String> sections) {
    this.order = List.copyOf(order);
    this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    this.sections = Map.copyOf(sections);
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    dependencies.forEach(
        (k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    this.dependencies = Collections.unmodifiableMap(copy);
    this.rowGraphs = Collections.unmodifiableMap(new LinkedHashMap<>(rowGraphs));
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < this.order.size(); i++) positions.put(this.order.get(i), i);
    this.position = Collections.unmodifiableMap(positions);
    int size = this.order.size();
    this.itemAt = new FormItem[size];
    this.sectionAt = new int[size];
    this.conditionAt = new CompiledExpression[size];
    for (int i = 0; i < size; i++) {
      String id = this.order.get(i);
      itemAt[i] = this.items.get(id);
      String section = this.sections.get(id);
      sectionAt[i] = section == null ? NO_SECTION : positions.getOrDefault(section, UNWALKED);
      conditionAt[i] =
          itemAt[i] == null ? null : itemAt[i].visibleIf().map(Formula::compiled).orElse(null);
    }
  }

  /** Item ids of this scope in evaluation order: every item after the items it depends on. */
  public List<String> order() {
    return order;
  }

  /**
   * The items of this scope by id, in form order, sections flattened (their items included);
   * repeat-group rows are a scope of their own. Empty for a graph built from bare ids.
   */
  public Map<String, FormItem> items() {
    return items;
  }

  /** The section directly enclosing {@code item} in this scope, if any. */
  public Optional<String> section(String item) {
    return Optional.ofNullable(sections.get(item));
  }

  /** The items of this scope that {@code item} reads directly. */
  public Set<String> dependencies(String item) {
    return dependencies.getOrDefault(item, Set.of());
  }

  /**
   * Every item of this scope whose visibility or value may change when {@code item} changes, in
   * evaluation order.
   */
  public List<String> affectedBy(String item) {
    Set<String> affected = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(List.of(item));
    while (!work.isEmpty()) {
      String changed = work.pop();
      dependencies.forEach(
          (node, reads) -> {
            if (reads.contains(changed) && affected.add(node)) {
              work.push(node);
            }
          });
    }
    return order.stream().filter(affected::contains).toList();
  }

  /** The graph of one row of the repeat group {@code repeatId} in this scope. */
  public Optional<DependencyGraph> rowGraph(String repeatId) {
    return Optional.ofNullable(rowGraphs.get(repeatId));
  }

  /**
   * Walks this scope of one record in evaluation order, deciding for each item whether it is shown:
   * its enclosing section is shown and its {@code visibleIf} (if any) is true on {@code context}.
   * Each variable and repeat group goes to {@code visitor} with that decision, so the visitor can
   * put the item's value into {@code context} before later items read it; a repeat group's rows are
   * the visitor's to walk, with {@link ScopeVisitor#repeat}'s row graph. The validator and the
   * synthetic-data generator both walk records this way.
   *
   * @return the ids of the items shown, sections and notes included
   */
  public Set<String> walk(EvaluationContext context, ScopeVisitor visitor) {
    boolean[] shown = new boolean[itemAt.length];
    for (int i = 0; i < itemAt.length; i++) {
      FormItem item = itemAt[i];
      if (item == null) continue;
      int section = sectionAt[i];
      // A section later in the order (or outside it) is not shown yet: its items are hidden.
      boolean isShown =
          (section == NO_SECTION || (section >= 0 && shown[section]))
              && (conditionAt[i] == null || Boolean.TRUE.equals(conditionAt[i].evaluate(context)));
      shown[i] = isShown;
      if (item instanceof Variable variable) {
        visitor.variable(variable, isShown);
      } else if (item instanceof RepeatGroup repeat) {
        visitor.repeat(repeat, isShown, rowGraphs.get(repeat.id()));
      }
    }
    return new ShownItems(shown);
  }

  /** The ids of the items one walk showed: a view of its flags, by position in the order. */
  private final class ShownItems extends AbstractSet<String> {
    private final boolean[] shown;

    ShownItems(boolean[] shown) {
      this.shown = shown;
    }

    @Override
    public boolean contains(Object id) {
      Integer at = position.get(id);
      return at != null && shown[at];
    }

    @Override
    public int size() {
      int count = 0;
      for (boolean isShown : shown) if (isShown) count++;
      return count;
    }

    @Override
    public Iterator<String> iterator() {
      return IntStream.range(0, shown.length).filter(i -> shown[i]).mapToObj(order::get).iterator();
    }
  }

  /**
   * What {@link #walk} passes each variable and repeat group of a scope to, in evaluation order.
   */
  public interface ScopeVisitor {

    /** {@code variable}, {@code shown} or hidden. */
    void variable(Variable variable, boolean shown);

    /** {@code repeat}, {@code shown} or hidden; {@code rows} is the graph of each of its rows. */
    void repeat(RepeatGroup repeat, boolean shown, DependencyGraph rows);
  }

  /** The nodes and edges of one scope, before sorting. */
  static final class Builder {
    private final Map<String, Set<String>> edges = new LinkedHashMap<>();
    private final Map<String, DependencyGraph> rowGraphs = new LinkedHashMap<>();
    private final Map<String, FormItem> items = new LinkedHashMap<>();
    private final Map<String, String> sections = new HashMap<>();

    /** Adds {@code node}, reading {@code reads} (names outside this scope are ignored at build). */
    void node(String node, Set<String> reads) {
      edges.computeIfAbsent(node, k -> new LinkedHashSet<>()).addAll(reads);
    }

    /** Adds {@code item}, enclosed by {@code section}, reading {@code reads}. */
    void node(FormItem item, Optional<String> section, Set<String> reads) {
      items.putIfAbsent(item.id(), item);
      section.ifPresent(id -> sections.putIfAbsent(item.id(), id));
      node(item.id(), reads);
    }

    void rowGraph(String repeatId, DependencyGraph graph) {
      rowGraphs.put(repeatId, graph);
    }

    /**
     * Sorts the nodes. Returns the graph and, for every cycle, its members in cycle order; nodes on
     * a cycle are placed last, in form order, so a caller can still report on them.
     */
    Sorted build() {
      Map<String, Integer> position = new HashMap<>();
      List<String> nodes = new ArrayList<>(edges.keySet());
      for (int i = 0; i < nodes.size(); i++) position.put(nodes.get(i), i);
      Map<String, Set<String>> local = new LinkedHashMap<>();
      edges.forEach(
          (node, reads) -> {
            Set<String> inScope = new LinkedHashSet<>();
            for (String read : reads) {
              if (position.containsKey(read)) inScope.add(read);
            }
            local.put(node, inScope);
          });

      Map<String, Integer> waiting = new HashMap<>();
      Map<String, List<String>> readers = new HashMap<>();
      local.forEach(
          (node, reads) -> {
            waiting.put(node, reads.size());
            reads.forEach(read -> readers.computeIfAbsent(read, k -> new ArrayList<>()).add(node));
          });
      PriorityQueue<String> ready =
          new PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
      waiting.forEach(
          (node, count) -> {
            if (count == 0) ready.add(node);
          });
      List<String> order = new ArrayList<>();
      while (!ready.isEmpty()) {
        String node = ready.poll();
        order.add(node);
        for (String reader : readers.getOrDefault(node, List.of())) {
          if (waiting.merge(reader, -1, Integer::sum) == 0) ready.add(reader);
        }
      }
      List<List<String>> cycles = new ArrayList<>();
      if (order.size() < nodes.size()) {
        Set<String> stuck = new LinkedHashSet<>(nodes);
        order.forEach(stuck::remove);
        cycles.addAll(new CycleFinder(local, stuck).cycles());
        order.addAll(stuck);
      }
      return new Sorted(new DependencyGraph(order, local, rowGraphs, items, sections), cycles);
    }
  }

  /** A sorted graph and the cycles found while sorting. */
  record Sorted(DependencyGraph graph, List<List<String>> cycles) {}

  /** Tarjan's strongly connected components among the nodes that could not be sorted. */
  private static final class CycleFinder {
    private final Map<String, Set<String>> edges;
    private final Set<String> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new LinkedHashSet<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private int counter;

    CycleFinder(Map<String, Set<String>> edges, Set<String> nodes) {
      this.edges = edges;
      this.nodes = nodes;
    }

    List<List<String>> cycles() {
      for (String node : nodes) {
        if (!index.containsKey(node)) connect(node);
      }
      return cycles;
    }

    private void connect(String node) {
      index.put(node, counter);
      low.put(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      for (String next : edges.getOrDefault(node, Set.of())) {
        if (!nodes.contains(next)) continue;
        if (!index.containsKey(next)) {
          connect(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        List<String> component = new ArrayList<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        boolean selfLoop =
            component.size() == 1 && edges.getOrDefault(node, Set.of()).contains(node);
        if (component.size() > 1 || selfLoop) {
          Collections.reverse(component);
          cycles.add(List.copyOf(component));
        }
      }
    }
  }
}
