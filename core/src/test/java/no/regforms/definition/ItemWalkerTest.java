package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one walk over a form's items, on a repeat group inside a section that itself holds a section.
 */
class ItemWalkerTest {

  private static final Form FORM =
      ValidDefinitionCorpusTest.load("repeat_in_section").forms().get("course");

  private static PlacedItem placed(List<PlacedItem> walk, String id) {
    return walk.stream().filter(p -> p.item().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void all_nestedItems_displayOrderEachBeforeWhatItHolds() {
    assertThat(ItemWalker.all(FORM.items()))
        .extracting(p -> p.item().id())
        .containsExactly(
            "admitted",
            "stay",
            "treated",
            "sessions",
            "effects",
            "headache",
            "session_date",
            "reminder",
            "discharged",
            "comment",
            "dose");
    assertThat(ItemWalker.all(FORM.items()))
        .extracting(PlacedItem::depth)
        .containsExactly(0, 0, 1, 1, 2, 3, 2, 2, 1, 0, 0);
  }

  @Test
  void all_itemInRowSection_knowsRepeatSectionsAndEveryConditionOutermostFirst() {
    PlacedItem headache = placed(ItemWalker.all(FORM.items()), "headache");

    assertThat(headache.repeat()).map(RepeatGroup::id).contains("sessions");
    assertThat(headache.sections()).extracting(Section::id).containsExactly("stay", "effects");
    assertThat(headache.section()).map(Section::id).contains("effects");
    assertThat(headache.conditions())
        .extracting(Formula::text)
        .containsExactly("admitted = true", "treated = true", "filled(session_date)");
  }

  @Test
  void all_byKind_keepsOnlyThatKind() {
    assertThat(ItemWalker.all(FORM.items(), Variable.class))
        .extracting(Variable::id)
        .containsExactly(
            "admitted", "treated", "headache", "session_date", "discharged", "comment", "dose");
  }

  @Test
  void scope_topLevel_entersSectionsButNotRows() {
    List<PlacedItem> scope = ItemWalker.scope(FORM.items());

    assertThat(scope)
        .extracting(p -> p.item().id())
        .containsExactly(
            "admitted", "stay", "treated", "sessions", "discharged", "comment", "dose");
    assertThat(placed(scope, "discharged").section()).map(Section::id).contains("stay");
    assertThat(placed(scope, "admitted").section()).isEmpty();
  }

  @Test
  void scope_ofRows_isTheRowScopeWithItsOwnSections() {
    RepeatGroup sessions = FORM.repeats().get("sessions");
    List<PlacedItem> row = ItemWalker.scope(sessions.items());

    assertThat(row)
        .extracting(p -> p.item().id())
        .containsExactly("effects", "headache", "session_date", "reminder");
    assertThat(placed(row, "headache").repeat()).isEmpty();
    assertThat(placed(row, "headache").conditions())
        .extracting(Formula::text)
        .containsExactly("filled(session_date)");
    assertThat(sessions.variables())
        .extracting(Variable::id)
        .containsExactly("headache", "session_date");
  }

  @Test
  void tree_nestedItems_nestsAsTheFormInDisplayOrderLeavingOutWhatTheNodeDrops() {
    List<String> met = new ArrayList<>();
    List<String> tree =
        ItemWalker.tree(
            FORM.items(),
            (placed, inside) -> {
              String id = placed.item().id();
              met.add(id);
              if (placed.item() instanceof Note) return Optional.empty();
              List<String> parts = inside.get();
              return Optional.of(parts.isEmpty() ? id : id + parts);
            });

    assertThat(tree)
        .containsExactly(
            "admitted",
            "stay[treated, sessions[effects[headache], session_date], discharged]",
            "comment",
            "dose");
    assertThat(met)
        .containsExactly(
            "admitted",
            "stay",
            "treated",
            "sessions",
            "effects",
            "headache",
            "session_date",
            "reminder",
            "discharged",
            "comment",
            "dose");
  }
}
