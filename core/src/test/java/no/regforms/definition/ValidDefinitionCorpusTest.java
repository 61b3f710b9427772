package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.ExprType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The valid registries under {@code definitions/valid/}: each loads without a single issue, and the
 * loaded model says what the files say.
 */
class ValidDefinitionCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/definitions/valid");
  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(CORPUS)) {
      return folders
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Registry load(String name) {
    return LOADER.load(CORPUS.resolve(name)).registryOrThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void load_validRegistry_hasNoIssues(String name) {
    LoadResult result = LOADER.load(CORPUS.resolve(name));

    assertThat(result.diagnostics().issues()).as(result.diagnostics().toDisplayString()).isEmpty();
    assertThat(result.registry()).isPresent();
  }

  @Test
  void corpus_validCases_atLeastFive() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void load_minimalRegistry_readsHeaderAndDefaults() {
    Registry registry = load("minimal");

    assertThat(registry.id()).isEqualTo("minimal");
    assertThat(registry.version()).isEqualTo("2025.1");
    assertThat(registry.title().in("en")).isEqualTo("Test registry");
    assertThat(registry.languages()).containsExactly("nb");
    assertThat(registry.codeLists()).isEmpty();
    assertThat(registry.indicators()).isEmpty();
    assertThat(registry.missingReasons())
        .containsOnlyKeys("unknown", "not_applicable", "not_asked", "declined");
    Form visit = registry.forms().get("visit");
    assertThat(visit.version()).as("form version defaults to the registry's").isEqualTo("2025.1");
    assertThat(visit.respondent()).isEqualTo(Respondent.CLINICIAN);
    assertThat(visit.variables()).containsOnlyKeys("visit_date");
    assertThat(visit.location().file()).isEqualTo("forms/visit.json");
  }

  @Test
  void load_compactCodeLists_codesAndLabelsAsTheFullForm() {
    Registry registry = load("compact_code_lists");

    CodeList yesNo = registry.codeList("yes_no").orElseThrow();
    assertThat(yesNo.codes()).extracting(Code::code).containsExactly("1", "2");
    assertThat(yesNo.code("2").orElseThrow().label().in("en")).isEqualTo("No");
    assertThat(yesNo.code("1").orElseThrow().location().line()).isEqualTo(4);
    CodeList side = registry.codeList("side").orElseThrow();
    assertThat(side.codes()).extracting(Code::code).containsExactly("left", "right", "both");
    assertThat(side.code("left").orElseThrow().label().in("nb")).isEqualTo("left");
    assertThat(side.code("both").orElseThrow().score()).contains(java.math.BigDecimal.valueOf(2));
    // A plain string label is the nb text, which other languages fall back to.
    assertThat(
            registry
                .codeList("smoker")
                .orElseThrow()
                .code("nei")
                .orElseThrow()
                .label()
                .exactly("nb"))
        .contains("Nei");
  }

  @Test
  void load_allVariableTypes_keepsEveryPropertyOfEveryType() {
    Registry registry = load("all_variable_types");
    Form form = registry.forms().get("baseline");
    Map<String, Variable> variables = form.variables();

    assertThat(variables.keySet())
        .containsExactly(
            "visit_date",
            "onset",
            "seen_at",
            "age",
            "weight",
            "comment",
            "postcode",
            "consent",
            "smoking",
            "diagnoses");
    assertThat(variables.values())
        .extracting(Variable::type)
        .containsExactly(
            VariableType.DATE,
            VariableType.YEARMONTH,
            VariableType.DATETIME,
            VariableType.INTEGER,
            VariableType.DECIMAL,
            VariableType.TEXT,
            VariableType.TEXT,
            VariableType.BOOLEAN,
            VariableType.CODE,
            VariableType.CODES);
    assertThat(variables.get("visit_date").range())
        .contains(new Range(new Bound.Date(LocalDate.of(2000, 1, 1)), new Bound.Today()));
    assertThat(variables.get("visit_date").required()).isTrue();
    assertThat(variables.get("visit_date").label().map(l -> l.in("en"))).contains("Date");
    assertThat(variables.get("onset").range().map(Range::toString)).contains("[1950-01, 2100-12]");
    assertThat(variables.get("age").range().flatMap(Range::numericMax))
        .contains(new BigDecimal("120"));
    assertThat(variables.get("age").plausibleRange().flatMap(Range::numericMin))
        .contains(new BigDecimal("16"));
    assertThat(variables.get("weight").step()).contains(new BigDecimal("0.5"));
    assertThat(variables.get("weight").decimals()).contains(1);
    assertThat(variables.get("weight").unit()).contains("kg");
    assertThat(variables.get("weight").missing()).containsExactly("not_measured", "declined");
    assertThat(variables.get("comment").maxLength()).contains(500);
    assertThat(variables.get("postcode").pattern()).contains("[0-9]{4}");
    assertThat(variables.get("postcode").sensitivity()).isEqualTo(Sensitivity.IDENTIFYING);
    assertThat(variables.get("smoking").respondent()).contains(Respondent.PATIENT);
    assertThat(variables.get("diagnoses").codeList()).contains("icd10_depression");
    assertThat(variables.get("diagnoses").minChoices()).contains(1);
    assertThat(variables.get("diagnoses").maxChoices()).contains(2);
    assertThat(variables.get("diagnoses").validTo()).contains(LocalDate.of(2030, 12, 31));
    assertThat(form.dateVariable()).contains("visit_date");
    assertThat(form.version()).isEqualTo("2");

    assertThat(registry.languages()).containsExactly("nb", "en");
    assertThat(registry.missingReasons()).containsKey("not_measured");
    assertThat(registry.owner())
        .hasValueSatisfying(
            owner -> {
              assertThat(owner.organisationNumber()).contains("123456789");
              assertThat(owner.name().in("nb")).isEqualTo("Helse Testby HF");
            });
    CodeList icd = registry.codeLists().get("icd10_depression");
    assertThat(icd.system()).isEqualTo("icd10");
    assertThat(icd.systemOid()).contains("2.16.578.1.12.4.1.1.7110");
    assertThat(icd.code("F33.2").flatMap(Code::validTo)).contains(LocalDate.of(2030, 12, 31));
    assertThat(registry.codeLists().get("smoking").codes())
        .extracting(Code::score)
        .containsExactly(
            java.util.Optional.of(BigDecimal.ZERO),
            java.util.Optional.of(BigDecimal.ONE),
            java.util.Optional.of(new BigDecimal("2")));
    assertThat(form.environment().lookup("smoking"))
        .contains(
            ExprType.code(
                "smoking",
                java.util.Set.of("never", "former", "current"),
                java.util.Map.of(
                    "never",
                    BigDecimal.ZERO,
                    "former",
                    BigDecimal.ONE,
                    "current",
                    new BigDecimal("2"))));
  }

  @Test
  void load_nestedSections_ordersConditionsAfterWhatTheyRead() {
    Form form = load("nested_sections_with_visibility").forms().get("course");
    DependencyGraph graph = form.graph();

    assertThat(form.variables()).hasSize(7);
    assertThat(form.items())
        .extracting(FormItem::id)
        .containsExactly("admitted", "admission", "score_total", "score_a", "score_b", "severe");
    assertThat(graph.order())
        .containsExactly(
            "admitted",
            "admission",
            "involuntary",
            "legal",
            "paragraph",
            "legal_note",
            "score_a",
            "score_b",
            "score_total",
            "severe");
    assertThat(graph.dependencies("legal")).containsExactlyInAnyOrder("admission", "involuntary");
    assertThat(graph.dependencies("paragraph"))
        .as("an item depends on its enclosing section")
        .contains("legal");
    assertThat(graph.affectedBy("admitted"))
        .containsExactly("admission", "involuntary", "legal", "paragraph", "legal_note");
    assertThat(graph.affectedBy("score_a")).containsExactly("score_total", "severe");
    assertThat(graph.affectedBy("severe")).isEmpty();
  }

  @Test
  void load_nestedSections_compiledConditionsEvaluate() {
    Form form = load("nested_sections_with_visibility").forms().get("course");
    Section admission = (Section) form.items().get(1);
    Formula visibleIf = admission.visibleIf().orElseThrow();
    Formula severe = form.variable("severe").orElseThrow().compute().orElseThrow();

    assertThat(visibleIf.text()).isEqualTo("admitted = true");
    assertThat(visibleIf.location().jsonPointer()).isEqualTo("/items/1/visibleIf");
    assertThat(visibleIf.compiled().evaluate(EvaluationContext.of(Map.of("admitted", true))))
        .isEqualTo(true);
    assertThat(visibleIf.compiled().evaluate(EvaluationContext.of(Map.of())))
        .as("unknown hides")
        .isNull();
    assertThat(severe.compiled().evaluate(EvaluationContext.of(Map.of("score_total", 15))))
        .isEqualTo(true);
    assertThat(form.variable("paragraph").flatMap(Variable::requiredIf).map(Formula::text))
        .contains("involuntary = true");
  }

  @Test
  void load_repeatGroups_rowsReadOuterVariablesAndFormReadsRows() {
    Form form = load("repeat_groups").forms().get("ect");
    DependencyGraph graph = form.graph();
    RepeatGroup sessions = form.repeats().get("sessions");

    assertThat(form.variables())
        .containsOnlyKeys(
            "start_date", "max_charge", "session_count", "highest_charge", "any_late");
    assertThat(sessions.variables())
        .extracting(Variable::id)
        .containsExactly("session_date", "charge", "charge_share", "days_from_start", "late_note");
    assertThat(sessions.min()).isEqualTo(1);
    assertThat(sessions.max()).contains(60);
    assertThat(graph.order())
        .containsExactly(
            "start_date", "max_charge", "sessions", "session_count", "highest_charge", "any_late");
    assertThat(graph.dependencies("sessions"))
        .as("a repeat depends on the outer names its rows read")
        .containsExactlyInAnyOrder("start_date", "max_charge");
    assertThat(graph.affectedBy("start_date"))
        .containsExactly("sessions", "session_count", "highest_charge", "any_late");
    DependencyGraph rows = graph.rowGraph("sessions").orElseThrow();
    assertThat(rows.order())
        .containsExactly("session_date", "charge", "charge_share", "days_from_start", "late_note");
    assertThat(rows.affectedBy("session_date")).containsExactly("days_from_start", "late_note");
    assertThat(rows.dependencies("charge_share"))
        .as("outer names are not row nodes")
        .containsExactly("charge");
    assertThat(
            form.variable("highest_charge")
                .flatMap(Variable::compute)
                .orElseThrow()
                .compiled()
                .references())
        .containsExactly("sessions");
    assertThat(form.rules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.variables())
                  .containsExactlyInAnyOrder("highest_charge", "max_charge");
              assertThat(rule.severity()).isEqualTo(no.regforms.diagnostic.Severity.WARNING);
            });
  }

  @Test
  void load_patientIndicators_readOtherFormsAsRows() {
    Registry registry = load("patient_indicators");

    assertThat(registry.indicators())
        .containsOnlyKeys("edss_in_year", "mean_edss", "onset_to_diagnosis");
    Indicator edss = registry.indicators().get("edss_in_year");
    assertThat(edss.subject()).isEqualTo(Indicator.Subject.PATIENT);
    assertThat(edss.numerator().orElseThrow().compiled().references())
        .containsExactlyInAnyOrder("followup", "report_year");
    assertThat(edss.levels())
        .contains(new Indicator.Levels(true, new BigDecimal("0.8"), new BigDecimal("0.8")));
    assertThat(edss.attribution()).isEqualTo("home_hf");
    assertThat(edss.groupBy())
        .as("default grouping")
        .containsExactly("unit", "hf", "rhf", "national");

    Indicator mean = registry.indicators().get("mean_edss");
    assertThat(mean.type()).isEqualTo(Indicator.Type.MEAN);
    assertThat(mean.value().orElseThrow().compiled().type()).isEqualTo(ExprType.NUMBER);
    assertThat(mean.unitOfMeasure()).contains("EDSS");

    Indicator onset = registry.indicators().get("onset_to_diagnosis");
    assertThat(onset.subject()).isEqualTo(Indicator.Subject.FORM);
    assertThat(onset.exclusions())
        .singleElement()
        .satisfies(
            exclusion -> {
              assertThat(exclusion.id()).isEqualTo("primary_progressive");
              assertThat(
                      exclusion
                          .when()
                          .compiled()
                          .evaluate(EvaluationContext.of(Map.of("course", "pp"))))
                  .isEqualTo(true);
            });
    assertThat(onset.minDenominator()).contains(5);
    assertThat(onset.groupBy()).containsExactly("hf", "rhf", "national");
    assertThat(
            onset
                .numerator()
                .orElseThrow()
                .compiled()
                .evaluate(
                    EvaluationContext.of(
                        Map.of(
                            "onset",
                            LocalDate.of(2022, 6, 15),
                            "diagnosis_date",
                            LocalDate.of(2024, 6, 14)))))
        .isEqualTo(true);
    assertThat(registry.forms().get("inclusion").dateVariable()).contains("diagnosis_date");
  }

  @Test
  void load_rulesAndNotes_attachRulesToTheVariablesTheyRead() {
    Form form = load("rules_and_notes").forms().get("treatment");

    assertThat(form.rules())
        .extracting(Rule::id)
        .containsExactly("end_after_start", "short_treatment");
    Rule endAfterStart = form.rules().get(0);
    assertThat(endAfterStart.variables())
        .as("default: the variables check reads")
        .containsExactlyInAnyOrder("start_date", "end_date");
    assertThat(endAfterStart.message())
        .isEqualTo(
            LocalizedText.nbEn(
                "Sluttdato må være etter startdato", "End date must be after start date"));
    Rule shortTreatment = form.rules().get(1);
    assertThat(shortTreatment.variables()).containsExactly("end_date");
    assertThat(shortTreatment.when().map(Formula::text)).contains("filled(end_date)");
    assertThat(form.items())
        .filteredOn(item -> item instanceof Note)
        .extracting(FormItem::id)
        .containsExactly("intro", "ongoing_note");
    assertThat(form.graph().affectedBy("end_date")).containsExactly("ongoing", "ongoing_note");
    assertThat(form.graph().order())
        .containsExactly("intro", "start_date", "end_date", "ongoing", "ongoing_note");
    assertThat(List.copyOf(form.variables().keySet()))
        .containsExactly("start_date", "end_date", "ongoing");
  }

  @Test
  void load_developerNotes_keptOnEveryKindOfElement() {
    Registry registry = load("developer_notes");
    Form form = registry.forms().get("visit");
    Section main = (Section) form.items().get(0);
    Indicator indicator = registry.indicators().get("treated_share");

    assertThat(registry.notes()).contains("registry: the title is made up for this test");
    assertThat(form.notes()).contains("form: one per visit");
    assertThat(main.notes()).contains("section: the only one");
    assertThat(((Note) main.items().get(0)).notes()).contains("note: shown first");
    assertThat(form.variables().get("visit_date").notes()).contains("variable: the record's date");
    assertThat(form.variables().get("treated").notes()).isEmpty();
    assertThat(form.repeats().get("doses").notes()).contains("repeat: one row per dose");
    assertThat(form.rules().get(0).notes()).contains("rule: always");
    assertThat(registry.codeLists().get("answer").notes()).contains("codelist: local codes");
    assertThat(registry.codeLists().get("answer").codes())
        .extracting(Code::notes)
        .containsExactly(Optional.of("code: first code"), Optional.empty());
    assertThat(indicator.notes()).contains("indicator: no published target");
    assertThat(indicator.exclusions().get(0).notes()).contains("exclusion: rows may be empty");
  }

  @Test
  void load_publicationFacts_readBaseUriLicenceAndTemporal() {
    Registry registry = load("all_variable_types");

    assertThat(registry.baseUri())
        .as("a slash is added")
        .contains("https://register.example.org/all-types/");
    assertThat(registry.licence())
        .contains("http://publications.europa.eu/resource/authority/licence/NLOD_2_0");
    assertThat(registry.temporal())
        .contains(
            new Registry.Period(LocalDate.of(2020, 1, 1), Optional.of(LocalDate.of(2024, 12, 31))));
    assertThat(registry.publicationGaps()).isEmpty();
  }
}
