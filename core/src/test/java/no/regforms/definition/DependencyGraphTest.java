package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.expression.EvaluationContext;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  private static Set<String> reads(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  @Test
  void build_independentNodes_keepFormOrder() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("c", reads());
    builder.node("a", reads());
    builder.node("b", reads());

    DependencyGraph.Sorted sorted = builder.build();

    assertThat(sorted.cycles()).isEmpty();
    assertThat(sorted.graph().order()).containsExactly("c", "a", "b");
  }

  @Test
  void build_nodeReadingLaterNodes_comesAfterThemAndOtherwiseInFormOrder() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("total", reads("part_a", "part_b"));
    builder.node("part_a", reads());
    builder.node("flag", reads());
    builder.node("part_b", reads("part_a"));
    builder.node("severe", reads("total"));

    DependencyGraph graph = builder.build().graph();

    assertThat(graph.order()).containsExactly("part_a", "flag", "part_b", "total", "severe");
    assertThat(graph.dependencies("total")).containsExactly("part_a", "part_b");
    assertThat(graph.dependencies("unknown_node")).isEmpty();
  }

  @Test
  void build_readsOutsideTheScope_areIgnored() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("charge_share", reads("charge", "max_charge"));
    builder.node("charge", reads());

    DependencyGraph graph = builder.build().graph();

    assertThat(graph.order()).containsExactly("charge", "charge_share");
    assertThat(graph.dependencies("charge_share")).containsExactly("charge");
    assertThat(graph.affectedBy("max_charge")).isEmpty();
  }

  @Test
  void build_sameNodeTwice_mergesItsReads() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("a", reads("b"));
    builder.node("b", reads());
    builder.node("a", reads("c"));
    builder.node("c", reads());

    DependencyGraph graph = builder.build().graph();

    assertThat(graph.order()).containsExactly("b", "c", "a");
    assertThat(graph.dependencies("a")).containsExactly("b", "c");
  }

  @Test
  void build_cycleOfThree_reportsEveryMemberInCycleOrder() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("a", reads("c"));
    builder.node("b", reads("a"));
    builder.node("c", reads("b"));
    builder.node("free", reads());

    DependencyGraph.Sorted sorted = builder.build();

    assertThat(sorted.cycles()).containsExactly(List.of("a", "c", "b"));
    assertThat(sorted.graph().order())
        .as("cycle members last, in form order")
        .containsExactly("free", "a", "b", "c");
  }

  @Test
  void build_nodeReadingACycle_isNotPartOfIt() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("x", reads("y"));
    builder.node("y", reads("x"));
    builder.node("reader", reads("x"));

    DependencyGraph.Sorted sorted = builder.build();

    assertThat(sorted.cycles())
        .singleElement()
        .satisfies(cycle -> assertThat(cycle).containsExactlyInAnyOrder("x", "y"));
    assertThat(sorted.graph().order()).containsExactlyInAnyOrder("x", "y", "reader");
  }

  @Test
  void build_twoSeparateCyclesAndASelfLoop_reportsEachOnce() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("a", reads("b"));
    builder.node("b", reads("a"));
    builder.node("self", reads("self"));
    builder.node("p", reads("q"));
    builder.node("q", reads("r"));
    builder.node("r", reads("p"));
    builder.node("ok", reads());

    DependencyGraph.Sorted sorted = builder.build();

    assertThat(sorted.cycles()).hasSize(3);
    assertThat(sorted.cycles()).anySatisfy(c -> assertThat(c).containsExactlyInAnyOrder("a", "b"));
    assertThat(sorted.cycles()).anySatisfy(c -> assertThat(c).containsExactly("self"));
    assertThat(sorted.cycles())
        .anySatisfy(c -> assertThat(c).containsExactlyInAnyOrder("p", "q", "r"));
    assertThat(sorted.graph().order()).hasSize(7).startsWith("ok");
  }

  @Test
  void affectedBy_chain_returnsEveryTransitiveReaderInEvaluationOrder() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("severe", reads("total"));
    builder.node("a", reads());
    builder.node("b", reads());
    builder.node("total", reads("a", "b"));
    builder.node("note", reads("severe", "a"));

    DependencyGraph graph = builder.build().graph();

    assertThat(graph.order()).containsExactly("a", "b", "total", "severe", "note");
    assertThat(graph.affectedBy("a")).containsExactly("total", "severe", "note");
    assertThat(graph.affectedBy("b")).containsExactly("total", "severe", "note");
    assertThat(graph.affectedBy("severe")).containsExactly("note");
    assertThat(graph.affectedBy("note")).isEmpty();
  }

  @Test
  void rowGraph_registeredRepeat_isKeptSeparateFromTheOuterScope() {
    DependencyGraph.Builder rows = new DependencyGraph.Builder();
    rows.node("session_date", reads());
    rows.node("days", reads("session_date", "start_date"));
    DependencyGraph rowGraph = rows.build().graph();
    DependencyGraph.Builder outer = new DependencyGraph.Builder();
    outer.node("start_date", reads());
    outer.node("sessions", reads("start_date"));
    outer.rowGraph("sessions", rowGraph);

    DependencyGraph graph = outer.build().graph();

    assertThat(graph.rowGraph("sessions")).containsSame(rowGraph);
    assertThat(graph.rowGraph("start_date")).isEmpty();
    assertThat(graph.order()).containsExactly("start_date", "sessions");
    assertThat(graph.affectedBy("start_date")).containsExactly("sessions");
    assertThat(rowGraph.order()).containsExactly("session_date", "days");
    assertThat(rowGraph.affectedBy("start_date")).as("outer names are not row nodes").isEmpty();
  }

  @Test
  void build_builderChangedAfterwards_graphStaysUnchangedAndUnmodifiable() {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    builder.node("a", reads());
    builder.node("b", reads("a"));
    DependencyGraph graph = builder.build().graph();
    builder.node("c", reads("b"));

    assertThat(graph.order()).containsExactly("a", "b");
    assertThat(graph.order()).isUnmodifiable();
    assertThat(graph.dependencies("b")).isUnmodifiable();
  }

  /** The items the walk passes on, as "id=shown", in the order it passes them. */
  private static List<String> walked(
      DependencyGraph graph, Map<String, Object> values, Set<String> shown) {
    List<String> calls = new ArrayList<>();
    shown.addAll(
        graph.walk(
            EvaluationContext.of(values),
            new DependencyGraph.ScopeVisitor() {
              @Override
              public void variable(Variable variable, boolean isShown) {
                calls.add(variable.id() + "=" + isShown);
              }

              @Override
              public void repeat(RepeatGroup repeat, boolean isShown, DependencyGraph rows) {
                calls.add(repeat.id() + "=" + isShown + " rows " + rows.order());
              }
            }));
    return calls;
  }

  @Test
  void walk_shownSection_decidesEachItemByItsOwnCondition() {
    Form form = ValidDefinitionCorpusTest.load("repeat_in_section").forms().get("course");
    Set<String> shown = new HashSet<>();

    List<String> calls = walked(form.graph(), Map.of("admitted", true, "treated", false), shown);

    assertThat(calls)
        .containsExactly(
            "admitted=true",
            "treated=true",
            "sessions=false rows [session_date, effects, headache, reminder]",
            "discharged=true",
            "comment=true",
            "dose=true");
    assertThat(shown)
        .containsExactlyInAnyOrder("admitted", "stay", "treated", "discharged", "comment", "dose");
  }

  @Test
  void walk_hiddenSection_hidesEverythingInItWhateverTheirConditions() {
    Form form = ValidDefinitionCorpusTest.load("repeat_in_section").forms().get("course");
    Set<String> shown = new HashSet<>();

    List<String> calls = walked(form.graph(), Map.of("admitted", false, "treated", true), shown);

    assertThat(calls)
        .containsExactly(
            "admitted=true",
            "treated=false",
            "sessions=false rows [session_date, effects, headache, reminder]",
            "discharged=false",
            "comment=true",
            "dose=true");
    assertThat(shown).containsExactlyInAnyOrder("admitted", "comment", "dose");
  }
}
