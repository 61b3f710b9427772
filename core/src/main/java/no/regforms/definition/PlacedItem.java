package no.regforms.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a form in its place, as {@link ItemWalker} meets it: the item and the sections and
 * repeat groups around it.
 *
 * @param item the item
 * @param enclosing the sections and repeat groups that hold the item, outermost first; empty for an
 *     item at the level the walk started from
 */
public record PlacedItem(FormItem item, List<FormItem> enclosing) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public PlacedItem {
    Objects.requireNonNull(item, "item");
    enclosing = List.copyOf(enclosing);
  }

  /** The innermost repeat group around the item: the group whose rows hold it, if any. */
  public Optional<RepeatGroup> repeat() {
    for (int i = enclosing.size() - 1; i >= 0; i--) {
      if (enclosing.get(i) instanceof RepeatGroup repeat) return Optional.of(repeat);
    }
    return Optional.empty();
  }

  /** The sections around the item, outermost first, those outside its repeat group included. */
  public List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    for (FormItem around : enclosing) {
      if (around instanceof Section section) sections.add(section);
    }
    return sections;
  }

  /** The innermost section around the item, if any. */
  public Optional<Section> section() {
    List<Section> sections = sections();
    return sections.isEmpty() ? Optional.empty() : Optional.of(sections.get(sections.size() - 1));
  }

  /**
   * The {@code visibleIf} conditions that must all hold for the item to be shown: those of the
   * items around it, outermost first, then its own.
   */
  public List<Formula> conditions() {
    List<Formula> conditions = new ArrayList<>();
    enclosing.forEach(around -> around.visibleIf().ifPresent(conditions::add));
    item.visibleIf().ifPresent(conditions::add);
    return conditions;
  }

  /** How many sections and repeat groups hold the item: 0 at the level the walk started from. */
  public int depth() {
    return enclosing.size();
  }
}
