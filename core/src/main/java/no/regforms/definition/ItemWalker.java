package no.regforms.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a form's item tree in display order: each item, then the items inside it. The one place
 * that knows which items hold others; the loader, validator, generator, renderer and exporters all
 * walk items through it.
 *
 * <p>Two walks: {@link #all} enters sections and the rows of repeat groups, so it meets every item
 * of a form; {@link #scope} enters sections only, so it meets the items of one scope (the form's
 * top level, or one row of a repeat group when started from the group's items), the repeat groups
 * among them included. Both return new immutable lists; the walker holds no state.
 *
 * <pre>{@code
 * for (PlacedItem placed : ItemWalker.all(form.items())) {
 *   if (placed.item() instanceof Variable variable && placed.repeat().isEmpty()) { ... }
 * }
 * }</pre>
 */
public final class ItemWalker {

  private ItemWalker() {}

  /** Every item of {@code items} and inside them (sections and repeat rows entered), in display order. */
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

  private static List<PlacedItem> walk(List<FormItem> items, boolean intoRows) {
    List<PlacedItem> out = new ArrayList<>();
    walk(items, List.of(), intoRows, out);
    return List.copyOf(out);
  }

  private static void walk(List<FormItem> items, List<FormItem> enclosing, boolean intoRows, List<PlacedItem> out) {
    for (FormItem item : items) {
      out.add(new PlacedItem(item, enclosing));
      List<FormItem> inside = item instanceof Section section ? section.items()
          : item instanceof RepeatGroup repeat && intoRows ? repeat.items()
          : List.of();
      if (!inside.isEmpty()) {
        List<FormItem> deeper = new ArrayList<>(enclosing);
        deeper.add(item);
        walk(inside, List.copyOf(deeper), intoRows, out);
      }
    }
  }

  private static <T extends FormItem> List<T> only(List<PlacedItem> placed, Class<T> kind) {
    return placed.stream().map(PlacedItem::item).filter(kind::isInstance).map(kind::cast).toList();
  }
}
