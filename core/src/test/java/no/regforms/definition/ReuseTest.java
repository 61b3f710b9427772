package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library entries placed with {@code use}, defaults, and an indicator's named sub-expressions
 * ({@code let}).
 */
class ReuseTest {

  @TempDir Path folder;

  private static final String REGISTRY =
      """
      {"id": "reuse", "title": {"nb": "Gjenbruk"}, "version": "2025.1", "indicatorDefaults": {"minDenominator": 5,
        "levels": {"direction": "higher", "high": 0.8, "medium": 0.6}}}
      """;

  private static final String LIBRARY =
      """
      {"items": {
        "weight": {"variable": "weight", "type": "decimal", "label": {"nb": "Vekt"}, "range": [1, 400]},
        "scale": {"section": "scale", "title": {"nb": "Skala"}, "defaults": {"required": true},
          "items": [
            {"variable": "q1", "type": "integer", "range": [0, 4]},
            {"variable": "q2", "type": "integer", "range": [0, 4], "visibleIf": "q1 > 0"},
            {"variable": "score", "type": "integer", "compute": "q1 + coalesce(q2, 0)"}
          ]}
      }}
      """;

  private LoadResult load(Map<String, String> files) throws IOException {
    write("registry.json", REGISTRY);
    if (!Files.exists(folder.resolve("library/shared.json"))) write("library/shared.json", LIBRARY);
    return DefinitionLoader.create().load(write(files));
  }

  private void write(String file, String text) throws IOException {
    Files.createDirectories(folder.resolve(file).getParent());
    Files.writeString(folder.resolve(file), text);
  }

  private static String form(String id, String items) {
    return "{\"id\": \""
        + id
        + "\", \"title\": {\"nb\": \""
        + id
        + "\"}, \"respondent\": \"clinician\",\n \"items\": ["
        + items
        + "]}";
  }

  private static List<String> shown(LoadResult result) {
    return result.diagnostics().issues().stream().map(Issue::toDisplayString).toList();
  }

  @Test
  void use_entryInTwoForms_eachFormHasItLocatedInTheLibrary() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json", form("a", "{\"use\": \"weight\"}, {\"use\": \"scale\"}"),
                "forms/b.json",
                    form(
                        "b",
                        "{\"use\": \"weight\", \"overrides\": {\"label\": {\"nb\": \"Vekt ved utskriving\"}}}")));

    Registry registry = result.registryOrThrow();
    Variable inA = registry.formOrThrow("a").variable("weight").orElseThrow();
    Variable inB = registry.formOrThrow("b").variable("weight").orElseThrow();
    assertThat(inA.range()).isEqualTo(inB.range());
    assertThat(inA.label().orElseThrow().in("nb")).isEqualTo("Vekt");
    assertThat(inB.label().orElseThrow().in("nb")).isEqualTo("Vekt ved utskriving");
    assertThat(inA.location().file()).isEqualTo("library/shared.json");
    assertThat(inA.location().line()).isEqualTo(2);
    assertThat(registry.formOrThrow("a").variables()).containsKeys("q1", "q2", "score");
  }

  @Test
  void use_unknownName_locatedAtTheUseWithTheClosestName() throws IOException {
    LoadResult result = load(Map.of("forms/a.json", form("a", "{\"use\": \"wieght\"}")));

    assertThat(result.registry()).isEmpty();
    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .containsExactly(IssueCode.UNKNOWN_REFERENCE);
    assertThat(shown(result).get(0))
        .startsWith(
            "forms/a.json:2:20: error: 'use' names 'wieght', which the library does not define")
        .contains("weight")
        .contains("at /items/0/use");
  }

  @Test
  void use_entriesUsingEachOther_cycleReported() throws IOException {
    write(
        "library/loop.json",
        """
        {"items": {"outer": {"section": "outer", "title": {"nb": "Ytre"}, "items": [{"use": "inner"}]},
                   "inner": {"section": "inner", "title": {"nb": "Indre"}, "items": [{"use": "outer"}]}}}
        """);
    LoadResult result = load(Map.of("forms/a.json", form("a", "{\"use\": \"outer\"}")));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .contains(IssueCode.DEPENDENCY_CYCLE);
    assertThat(shown(result))
        .anyMatch(
            s ->
                s.startsWith("library/loop.json:2:")
                    && s.contains(
                        "library entries use each other in a cycle: outer -> inner -> outer"));
  }

  @Test
  void overrides_keyTheItemKindDoesNotHave_locatedAtTheOverride() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                form("a", "{\"use\": \"weight\", \"overrides\": {\"lable\": {\"nb\": \"x\"}}}")));

    assertThat(result.registry()).isEmpty();
    assertThat(shown(result))
        .singleElement()
        .asString()
        .startsWith("forms/a.json:2:44: error: unknown key 'lable'; did you mean 'label'?")
        .contains("at /items/0/overrides/lable");
  }

  @Test
  void entryProblem_locatedInTheLibraryFile() throws IOException {
    write("library/shared.json", LIBRARY.replace("\"range\": [1, 400]", "\"range\": [400, 1]"));
    LoadResult result = load(Map.of("forms/a.json", form("a", "{\"use\": \"weight\"}")));

    assertThat(shown(result))
        .singleElement()
        .asString()
        .startsWith(
            "library/shared.json:2:89: error: 'range' [400, 1] has its minimum above its maximum")
        .contains("at /items/weight/range");
  }

  @Test
  void prefix_sectionUsedTwiceInOneForm_idsAndTheirReferencesPrefixed() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                form(
                    "a",
                    "{\"use\": \"scale\", \"prefix\": \"before_\"}, {\"use\": \"scale\", \"prefix\": \"after_\"}")));

    Form form = result.registryOrThrow().formOrThrow("a");
    assertThat(form.variables())
        .containsOnlyKeys(
            "before_q1", "before_q2", "before_score", "after_q1", "after_q2", "after_score");
    assertThat(form.variable("after_q2").orElseThrow().visibleIf().orElseThrow().text())
        .isEqualTo("after_q1 > 0");
    assertThat(form.variable("after_score").orElseThrow().compute().orElseThrow().text())
        .isEqualTo("after_q1 + coalesce(after_q2, 0)");
  }

  @Test
  void use_entryWithSince_absentFromEarlierVersions() throws IOException {
    write(
        "registry.json",
        REGISTRY.replace(
            "\"version\": \"2025.1\",",
            "\"version\": \"2025.1\", \"versions\": ["
                + "{\"version\": \"2024.1\", \"date\": \"2024-01-01\"}, {\"version\": \"2025.1\", \"date\": \"2025-01-01\"}],"));
    write(
        "library/shared.json",
        LIBRARY.replace("\"range\": [1, 400]}", "\"range\": [1, 400], \"since\": \"2025.1\"}"));
    Registry registry =
        DefinitionLoader.create()
            .load(
                write(
                    Map.of(
                        "forms/a.json",
                        form(
                            "a",
                            "{\"use\": \"weight\"}, {\"use\": \"scale\", \"overrides\": {\"until\": \"2024.1\"}}"))))
            .registryOrThrow();

    assertThat(registry.formOrThrow("a").variables()).containsOnlyKeys("weight");
    assertThat(registry.atVersion("2024.1").orElseThrow().formOrThrow("a").variables())
        .containsOnlyKeys("q1", "q2", "score");
  }

  private Path write(Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) write(file.getKey(), file.getValue());
    return folder;
  }

  @Test
  void defaults_formAndSection_nearestWinsAndOwnValueWins() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                """
        {"id": "a", "title": {"nb": "a"}, "respondent": "clinician",
         "defaults": {"required": true, "missing": ["unknown"], "step": 1},
         "items": [
           {"variable": "n", "type": "integer"},
           {"variable": "d", "type": "decimal", "required": false},
           {"variable": "c", "type": "integer", "compute": "n + 1"},
           {"variable": "r", "type": "integer", "requiredIf": "n > 1"},
           {"section": "s", "title": {"nb": "s"}, "defaults": {"required": false, "missing": []},
            "items": [{"variable": "in_section", "type": "integer"}]},
           {"use": "scale"}
         ]}
        """));

    Form form = result.registryOrThrow().formOrThrow("a");
    Variable n = form.variable("n").orElseThrow();
    assertThat(n.required()).isTrue();
    assertThat(n.missing()).containsExactly("unknown");
    assertThat(n.step()).contains(BigDecimal.ONE);
    assertThat(form.variable("d").orElseThrow().required()).isFalse();
    assertThat(form.variable("d").orElseThrow().step()).isEmpty();
    assertThat(form.variable("c").orElseThrow().required()).isFalse();
    assertThat(form.variable("c").orElseThrow().missing()).isEmpty();
    assertThat(form.variable("r").orElseThrow().required()).isFalse();
    assertThat(form.variable("in_section").orElseThrow().required()).isFalse();
    assertThat(form.variable("in_section").orElseThrow().step()).contains(BigDecimal.ONE);
    // A library entry means the same in every form: only its own defaults apply inside it.
    assertThat(form.variable("q1").orElseThrow().required()).isTrue();
    assertThat(form.variable("q1").orElseThrow().missing()).isEmpty();
    assertThat(form.variable("q1").orElseThrow().step()).isEmpty();
  }

  @Test
  void defaults_invalidMissingReason_locatedAtTheDefault() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                """
        {"id": "a", "title": {"nb": "a"}, "respondent": "clinician",
         "defaults": {"missing": ["unknwn"]},
         "items": [{"variable": "n", "type": "integer"}, {"variable": "m", "type": "integer"}]}
        """));

    assertThat(shown(result))
        .hasSize(2)
        .allMatch(
            s -> s.startsWith("forms/a.json:2:27: error: unknown missing-value reason 'unknwn'"));
  }

  private static String indicator(String extra) {
    return """
        {"id": "ind", "title": {"nb": "Indikator"}, "type": "proportion", "subject": "form", "form": "a",
         "period": "year(seen)", "denominator": "filled(n)",
        """
        + extra
        + "}";
  }

  private static final String FORM_A =
      form(
          "a",
          """
      {"variable": "seen", "type": "date"}, {"variable": "n", "type": "integer"}, {"variable": "treated", "type": "boolean"}""");

  @Test
  void indicatorDefaults_appliedUnlessGivenOrNull() throws IOException {
    write(
        "indicators/other.json",
        indicator("\"numerator\": \"n > 1\", \"minDenominator\": 10, \"levels\": null")
            .replace("\"ind\"", "\"other\""));
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                FORM_A,
                "indicators/ind.json",
                indicator("\"numerator\": \"n > 1\"")));

    Indicator defaulted = result.registryOrThrow().indicators().get("ind");
    Indicator own = result.registryOrThrow().indicators().get("other");
    assertThat(defaulted.minDenominator()).contains(5);
    assertThat(defaulted.levels())
        .contains(new Indicator.Levels(true, new BigDecimal("0.8"), new BigDecimal("0.6")));
    assertThat(own.minDenominator()).contains(10);
    assertThat(own.levels()).isEmpty();
  }

  @Test
  void let_usedInNumeratorAndExclusion_compiledExpanded() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                FORM_A,
                "indicators/ind.json",
                indicator(
                    """
        "let": {"high": "n > 10 or treated = true", "very_high": "high and n > 20"},
        "numerator": "high", "exclusions": [{"id": "x", "when": "not high and n = 0"}, {"id": "y", "when": "very_high"}]
        """)));

    Indicator indicator = result.registryOrThrow().indicators().get("ind");
    assertThat(indicator.numerator().orElseThrow().text()).isEqualTo("n > 10 or treated = true");
    assertThat(indicator.exclusions().get(0).when().text())
        .isEqualTo("not (n > 10 or treated = true) and n = 0");
    assertThat(indicator.exclusions().get(1).when().text())
        .isEqualTo("(n > 10 or treated = true) and n > 20");
    assertThat(indicator.exclusions().get(0).when().compiled().references())
        .containsExactly("n", "treated");
  }

  @Test
  void let_errorInsideIt_locatedInTheLetString() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                FORM_A,
                "indicators/ind.json",
                indicator(
                    """
        "let": {"high": "n > 10 or treatd = true"},
        "numerator": "high"
        """)));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .containsExactly(IssueCode.UNKNOWN_VARIABLE);
    String shown = shown(result).get(0);
    assertThat(shown)
        .startsWith("indicators/ind.json:3:28: error: unknown variable 'treatd'")
        .contains("at /let/high");
  }

  @Test
  void let_definedThroughItself_cycleReported() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                FORM_A,
                "indicators/ind.json",
                indicator(
                    """
        "let": {"a1": "b1 and n > 1", "b1": "a1"},
        "numerator": "a1"
        """)));

    assertThat(result.diagnostics().issues())
        .extracting(Issue::code)
        .contains(IssueCode.DEPENDENCY_CYCLE);
    assertThat(shown(result))
        .anyMatch(s -> s.contains("let 'a1' is defined through itself: a1 -> b1 -> a1"));
  }

  @Test
  void let_nameOfAVariable_reported() throws IOException {
    LoadResult result =
        load(
            Map.of(
                "forms/a.json",
                FORM_A,
                "indicators/ind.json",
                indicator(
                    """
        "let": {"n": "treated = true"},
        "numerator": "treated"
        """)));

    assertThat(shown(result))
        .anyMatch(
            s ->
                s.startsWith("indicators/ind.json:3:9: error: let 'n' has the name of a variable"));
  }
}
