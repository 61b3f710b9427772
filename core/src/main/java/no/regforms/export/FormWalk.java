package no.regforms.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;

/** The variables of a form in display order, each with the sections, repeat group and conditions around it. */
final class FormWalk {

  /**
   * One variable in its place.
   *
   * @param form the form
   * @param variable the variable
   * @param repeat the repeat group whose rows hold it, if any
   * @param sections the enclosing sections, outermost first
   * @param conditions the {@code visibleIf} conditions that must all hold for it to be shown, outermost first
   */
  record Entry(Form form, Variable variable, Optional<RepeatGroup> repeat, List<Section> sections, List<Formula> conditions) {
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
    List<Entry> out = new ArrayList<>();
    walk(form, form.items(), Optional.empty(), new ArrayList<>(), new ArrayList<>(), out);
    return List.copyOf(out);
  }

  private static void walk(Form form, List<FormItem> items, Optional<RepeatGroup> repeat, List<Section> sections,
      List<Formula> conditions, List<Entry> out) {
    for (FormItem item : items) {
      List<Formula> here = new ArrayList<>(conditions);
      item.visibleIf().ifPresent(here::add);
      if (item instanceof Variable v) {
        out.add(new Entry(form, v, repeat, sections, here));
      } else if (item instanceof Section s) {
        List<Section> inner = new ArrayList<>(sections);
        inner.add(s);
        walk(form, s.items(), repeat, inner, here, out);
      } else if (item instanceof RepeatGroup r) {
        walk(form, r.items(), Optional.of(r), sections, here, out);
      }
    }
  }
}
