package no.regforms.export;

import java.util.List;
import java.util.Optional;
import no.regforms.definition.Form;
import no.regforms.definition.Formula;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;

/**
 * The variables of a form in display order, each with the sections, repeat group and conditions
 * around it: the exporters' view of {@link ItemWalker}'s walk.
 */
final class FormWalk {

  /**
   * One variable in its place.
   *
   * @param form the form
   * @param variable the variable
   * @param repeat the repeat group whose rows hold it, if any
   * @param sections the enclosing sections, outermost first
   * @param conditions the {@code visibleIf} conditions that must all hold for it to be shown,
   *     outermost first
   */
  record Entry(
      Form form,
      Variable variable,
      Optional<RepeatGroup> repeat,
      List<Section> sections,
      List<Formula> conditions) {
    Entry {
      sections = List.copyOf(sections);
      conditions = List.copyOf(conditions);
    }

    /** The innermost section, if any. */
    Optional<Section> section() {
      return sections.isEmpty() ? Optional.empty() : Optional.of(sections.get(sections.size() - 1));
    }

    /** Whether the variable is shown whatever the answers (no condition on it or around it). */
    boolean alwaysShown() {
      return conditions.isEmpty();
    }

    /** The variable's id, prefixed by its repeat group's ({@code sessions.charge}). */
    String path() {
      return repeat.map(r -> r.id() + "." + variable.id()).orElse(variable.id());
    }
  }

  private FormWalk() {}

  /** Every variable of {@code form}, repeat-group members included, in display order. */
  static List<Entry> entries(Form form) {
    return ItemWalker.all(form.items()).stream()
        .filter(placed -> placed.item() instanceof Variable)
        .map(
            placed ->
                new Entry(
                    form,
                    (Variable) placed.item(),
                    placed.repeat(),
                    placed.sections(),
                    placed.conditions()))
        .toList();
  }
}
