package no.regforms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Note;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.Severity;
import org.junit.jupiter.api.Test;

class TestRegistryTest {

  private final Registry registry = TestRegistry.registry();

  @Test
  void load_testRegistry_hasNoIssuesAtAll() {
    LoadResult result = TestRegistry.load();

    assertThat(result.diagnostics().issues()).isEmpty();
    assertThat(result.registry()).isPresent();
  }

  @Test
  void load_fromFolderAndFromModule_giveTheSameRegistry() {
    LoadResult fromFolder = DefinitionLoader.create().load(TestRegistry.folder());

    assertThat(fromFolder.diagnostics().issues()).isEmpty();
    Registry other = fromFolder.registryOrThrow();
    assertThat(other.forms().keySet()).containsExactlyElementsOf(registry.forms().keySet());
    assertThat(other.variableCount()).isEqualTo(registry.variableCount());
  }

  @Test
  void testRegistry_languagesAndReasons_areNbEnAndCustomLost() {
    assertThat(registry.id()).isEqualTo("test");
    assertThat(registry.languages()).containsExactly("nb", "en");
    assertThat(registry.missingReasons()).containsKey("lost");
  }

  @Test
  void testRegistry_variables_coverEveryType() {
    Set<VariableType> types = EnumSet.noneOf(VariableType.class);
    allVariables().forEach(v -> types.add(v.type()));

    assertThat(types).containsExactlyInAnyOrder(VariableType.values());
  }

  @Test
  void testRegistry_items_coverEveryKindAndFeature() {
    Form visit = registry.forms().get("visit");
    List<FormItem> items = ItemWalker.all(visit.items(), FormItem.class);

    assertThat(items)
        .hasAtLeastOneElementOfType(Section.class)
        .hasAtLeastOneElementOfType(RepeatGroup.class)
        .hasAtLeastOneElementOfType(Note.class);
    assertThat(items)
        .filteredOn(i -> i instanceof Section s && s.visibleIf().isPresent())
        .isNotEmpty();
    assertThat(items)
        .filteredOn(i -> i instanceof RepeatGroup r && r.visibleIf().isPresent())
        .isNotEmpty();
    assertThat(allVariables()).filteredOn(v -> v.visibleIf().isPresent()).isNotEmpty();
    assertThat(allVariables()).filteredOn(v -> v.requiredIf().isPresent()).isNotEmpty();
    assertThat(allVariables()).filteredOn(v -> v.plausibleRange().isPresent()).isNotEmpty();
    assertThat(allVariables()).filteredOn(v -> v.step().isPresent()).isNotEmpty();
    assertThat(allVariables()).filteredOn(v -> !v.missing().isEmpty()).isNotEmpty();
    assertThat(allVariables())
        .filteredOn(v -> v.minChoices().isPresent() && v.maxChoices().isPresent())
        .isNotEmpty();
    assertThat(allVariables())
        .filteredOn(v -> v.pattern().isPresent() && v.maxLength().isPresent())
        .isNotEmpty();
    assertThat(visit.variable("visit_date").orElseThrow().range().orElseThrow().max())
        .isInstanceOf(Bound.Today.class);
    assertThat(visit.dateVariable()).contains("visit_date");
  }

  @Test
  void testRegistry_computedValues_includeScoreOfTenAndComputedFromComputed() {
    Form prom = registry.forms().get("prom");

    assertThat(prom.variable("total").orElseThrow().compute().orElseThrow().compiled().references())
        .containsAll(TestRegistry.promItems());
    assertThat(
            prom.variable("total_percent")
                .orElseThrow()
                .compute()
                .orElseThrow()
                .compiled()
                .references())
        .contains("total");
    assertThat(prom.graph().order().indexOf("total"))
        .isLessThan(prom.graph().order().indexOf("total_percent"));
  }

  @Test
  void testRegistry_rules_haveBothSeveritiesAndWhen() {
    Form visit = registry.forms().get("visit");

    assertThat(visit.rules())
        .extracting(r -> r.severity())
        .contains(Severity.ERROR, Severity.WARNING);
    assertThat(visit.rules()).filteredOn(r -> r.when().isPresent()).isNotEmpty();
  }

  @Test
  void testRegistry_codeLists_haveValidityDatesAndScores() {
    List<Code> codes = new ArrayList<>();
    registry.codeLists().values().forEach(list -> codes.addAll(list.codes()));

    assertThat(codes).filteredOn(c -> c.validFrom().isPresent()).isNotEmpty();
    assertThat(codes).filteredOn(c -> c.validTo().isPresent()).isNotEmpty();
    assertThat(codes).filteredOn(c -> c.score().isPresent()).isNotEmpty();
    assertThat(registry.indicators()).isNotEmpty();
  }

  private List<Variable> allVariables() {
    List<Variable> out = new ArrayList<>();
    for (Form form : registry.forms().values()) {
      out.addAll(ItemWalker.all(form.items(), Variable.class));
    }
    return out;
  }
}
