package no.regforms.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Walks a form's item tree in display order: each item, then the items inside it. The one place
 * that knows which items hold others; the loader, validator, generator, renderer and exporters all
 * walk items through it.
 *
 * <p>Two walks: {@link #all} enters sections and the rows of repeat groups, so it meets every item
 * of a form; {@link #scope} enters sections only, so it meets the items of one scope (the form's
 * top level, or one row of a repeat group when started from the group's items), the repeat groups
 * among them included. Both return new immutable lists; the walker holds no state. {@link #tree}
 * builds an output that nests as the items do.
 *
 * <pre>{@code
 * for (PlacedItem placed : ItemWalker.all(form.items())) {
 *   if (placed.item() instanceof Variable variable && placed.repeat().isEmpty()) { ... }
 * }
 * }</pre>
 */
public final class ItemWalker {

  private ItemWalker() {}

  /**
   * Every item of {@code items} and inside them (sections and repeat rows entered), in display
   * order.
   */
  public static List<PlacedItem> all(List<FormItem> items) {
    return walk(items, true);
  }

  /** The items of {@code items} of one kind, sections and repeat rows entered, in display order. */
  public static <T extends FormItem> List<T> all(List<FormItem> items, Class<T> kind) {
    return only(all(items), kind);
  }

  /**
   * The items of one scope, in display order: {@code items} and, inside sections, theirs; a repeat
   * group is met but its rows are a scope of their own and not entered.
   */
  public static List<PlacedItem> scope(List<FormItem> items) {
    return walk(items, false);
  }

  /** The items of one kind in the scope of {@code items} (see {@link #scope}), in display order. */
  public static <T extends FormItem> List<T> scope(List<FormItem> items, Class<T> kind) {
    return only(scope(items), kind);
  }

  /**
   * Builds a tree shaped like the items, for an output that nests as the form does (a FHIR
   * Questionnaire's items): {@code node} makes the part of each item in display order, or leaves
   * the item out. For a section or repeat group it gets the parts of the items inside as a
   * supplier, made when it calls it, so what it does before and after comes in display order.
   */
  public static <T> List<T> tree(List<FormItem> items, Node<T> node) {
    return tree(items, List.of(), node);
  }

  /** How {@link #tree} makes the part of one item. */
  @FunctionalInterface
  public interface Node<T> {

    /**
     * The part of {@code placed}, or empty to leave it out; {@code inside} makes the parts of the
     * items it holds.
     */
    Optional<T> build(PlacedItem placed, Supplier<List<T>> inside);
  }

  private static <T> List<T> tree(List<FormItem> items, List<FormItem> enclosing, Node<T> node) {
    List<T> out = new ArrayList<>();
    for (FormItem item : items) {
      node.build(
              new PlacedItem(item, enclosing),
              () -> tree(inside(item, true), around(enclosing, item), node))
          .ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  private static List<PlacedItem> walk(List<FormItem> items, boolean intoRows) {
    List<PlacedItem> out = new ArrayList<>();
    walk(items, List.of(), intoRows, out);
    return List.copyOf(out);
  }

  private static void walk(
      List<FormItem> items, List<FormItem> enclosing, boolean intoRows, List<PlacedItem> out) {
    for (FormItem item : items) {
      out.add(new PlacedItem(item, enclosing));
      List<FormItem> inside = inside(item, intoRows);
      if (!inside.isEmpty()) {
        walk(inside, around(enclosing, item), intoRows, out);
      }
    }
  }

  /** The items {@code item} holds: a section's, and a repeat group's when the walk enters rows. */
  private static List<FormItem> inside(FormItem item, boolean intoRows) {
    return item instanceof Section section
        ? section.items()
        : item instanceof RepeatGroup repeat && intoRows ? repeat.items() : List.of();
  }

  private static List<FormItem> around(List<FormItem> enclosing, FormItem item) {
    List<FormItem> deeper = new ArrayList<>(enclosing);
    deeper.add(item);
    return List.copyOf(deeper);
  }

  private static <T extends FormItem> List<T> only(List<PlacedItem> placed, Class<T> kind) {
    return placed.stream().map(PlacedItem::item).filter(kind::isInstance).map(kind::cast).toList();
  }
}
