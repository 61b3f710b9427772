package no.regforms.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;

/**
 * Reads one schema-valid indicator file into an {@link Indicator}: compiles its expressions against
 * its form (and, with a patient subject, every form as rows), and checks its levels and its home
 * health trust against the organisation table. Every problem goes to the shared issue list.
 */
final class IndicatorReader {

  private final FormulaCompiler formulas;
  private final ExpressionCompiler compiler;
  private final List<Issue> issues;

  IndicatorReader(FormulaCompiler formulas, ExpressionCompiler compiler, List<Issue> issues) {
    this.formulas = formulas;
    this.compiler = compiler;
    this.issues = issues;
  }

  /**
   * The indicator of {@code doc}; empty when its form is unknown or its period or denominator does
   * not compile (each reported).
   */
  Optional<Indicator> read(
      JsonDocument doc,
      Map<String, Form> forms,
      Set<String> brokenIds,
      Organisations organisations,
      Optional<String> episodeKey) {
    JsonFields root = new JsonFields(doc.root(), "");
    String formId = root.text("form");
    Form form = forms.get(formId);
    if (form == null) {
      if (!brokenIds.contains(formId)) {
        Issue issue =
            Issue.error(
                IssueCode.UNKNOWN_FORM, "unknown form '" + formId + "'", doc.locate("/form"));
        issues.add(
            NameSuggester.hint(formId, forms.keySet())
                .map(issue::withHint)
                .orElse(
                    issue.withHint(
                        "forms of this registry: " + String.join(", ", forms.keySet()))));
      }
      return Optional.empty();
    }
    Indicator.Subject subject =
        Indicator.Subject.valueOf(root.text("subject").toUpperCase(Locale.ROOT));
    Indicator.Type type = Indicator.Type.valueOf(root.text("type").toUpperCase(Locale.ROOT));
    TypeEnvironment environment = indicatorEnvironment(form, forms, subject);
    checkLetNames(doc, environment);
    if (subject.joinsRecords() && form.scope() == FormScope.UNIT) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "form '"
                      + formId
                      + "' is filled in per unit; its records have no patient to join",
                  doc.locate("/subject"))
              .withHint(
                  "use \"subject\": \"form\": each unit record is a case, so the indicator counts units"));
    }

    Optional<Formula> period = formulas.number(root, "period", environment, doc);
    Optional<Formula> denominator = formulas.condition(root, "denominator", environment, doc);
    Optional<Formula> numerator = formulas.condition(root, "numerator", environment, doc);
    Optional<Formula> value = formulas.number(root, "value", environment, doc);
    if (type == Indicator.Type.PROPORTION && !root.has("numerator")) {
      issues.add(
          Issue.error(IssueCode.MISSING_KEY, "a proportion needs a 'numerator'", doc.locate(""))
              .withHint(
                  "add \"numerator\": the condition a counted case must meet, such as \"treated = true\""));
    }
    if (type.readsValue() && !root.has("value")) {
      String verb =
          switch (type) {
            case SUM -> "add up";
            case MIN -> "take the smallest of";
            case MAX -> "take the largest of";
            default -> "average";
          };
      issues.add(
          Issue.error(
                  IssueCode.MISSING_KEY,
                  "a " + type.name().toLowerCase(Locale.ROOT) + " needs a 'value' to " + verb,
                  doc.locate(""))
              .withHint(
                  "add \"value\": the number expression to " + verb + ", such as \"madrs_after\""));
    }
    unreadKeys(doc, root, type);
    List<Indicator.Exclusion> exclusions = readExclusions(doc, root, environment);
    Optional<Indicator.Levels> levels = readLevels(doc, root, type);
    String attribution = root.optionalText("attribution").orElse("unit");
    Optional<Formula> homeHf = readHomeHf(doc, root, environment, attribution, organisations);
    if (subject == Indicator.Subject.EPISODE) {
      Map<String, Optional<Formula>> read = new java.util.LinkedHashMap<>();
      read.put("/period", period);
      read.put("/denominator", denominator);
      read.put("/numerator", numerator);
      read.put("/value", value);
      read.put("/homeHf", homeHf);
      for (int i = 0; i < exclusions.size(); i++)
        read.put("/exclusions/" + i + "/when", Optional.of(exclusions.get(i).when()));
      checkEpisodeKey(doc, form, forms, episodeKey, read);
    }
    if (period.isEmpty() || denominator.isEmpty()) return Optional.empty();
    return Optional.of(
        new Indicator(
            root.text("id"),
            root.localized("title"),
            root.optionalLocalized("shortTitle"),
            root.optionalLocalized("description"),
            type,
            subject,
            formId,
            period.get(),
            denominator.get(),
            numerator,
            value,
            exclusions,
            levels,
            root.integer("minDenominator"),
            root.has("groupBy") ? root.texts("groupBy") : List.of("unit", "hf", "rhf", "national"),
            attribution,
            homeHf,
            root.optionalText("unitOfMeasure"),
            root.optionalText("kind"),
            root.optionalText("dimension"),
            root.bool("national"),
            root.optionalText("coverageIndicator"),
            root.optionalText("notes"),
            doc.locate("")));
  }

  /**
   * An episode indicator needs the registry's {@code episodeKey}, a text, code or number variable
   * of its form and of every form whose rows it reads (a form without it has no records in any
   * episode).
   */
  private void checkEpisodeKey(
      JsonDocument doc,
      Form form,
      Map<String, Form> forms,
      Optional<String> episodeKey,
      Map<String, Optional<Formula>> read) {
    if (episodeKey.isEmpty()) {
      issues.add(
          Issue.error(
                  IssueCode.MISSING_KEY,
                  "an indicator with \"subject\": \"episode\" needs the registry's 'episodeKey'",
                  doc.locate("/subject"))
              .withHint(
                  "name the variable that identifies an episode in registry.json, such as \"episodeKey\": \"episode_id\""));
      return;
    }
    String key = episodeKey.get();
    checkKeyIn(form, key, doc.locate("/form"));
    read.forEach(
        (pointer, formula) ->
            formula.ifPresent(
                f -> {
                  for (String name : new java.util.TreeSet<>(f.compiled().references())) {
                    Form rows = forms.get(name);
                    if (rows != null && rows != form) checkKeyIn(rows, key, doc.locate(pointer));
                  }
                }));
  }

  private void checkKeyIn(Form form, String key, SourceLocation where) {
    Optional<ExprType> type = form.environment().lookup(key);
    if (type.isEmpty()) {
      issues.add(
          Issue.error(
                  IssueCode.UNKNOWN_VARIABLE,
                  "form '"
                      + form.id()
                      + "' has no variable '"
                      + key
                      + "', the registry's episodeKey, so its records belong to no episode",
                  where)
              .withHint("add the variable '" + key + "' to form '" + form.id() + "'"));
    } else if (!Set.of(ExprType.Kind.TEXT, ExprType.Kind.CODE, ExprType.Kind.NUMBER)
        .contains(type.get().kind())) {
      issues.add(
          Issue.error(
                  IssueCode.TYPE_MISMATCH,
                  "the episodeKey '"
                      + key
                      + "' of form '"
                      + form.id()
                      + "' is "
                      + type.get()
                      + "; an episode is named by a text, code or number",
                  where)
              .withHint("make '" + key + "' a text, code or integer variable"));
    }
  }

  /**
   * A {@code let} must not take the name of a variable: the expressions could no longer read the
   * variable.
   */
  private void checkLetNames(JsonDocument doc, TypeEnvironment environment) {
    doc.root()
        .path("let")
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (environment.lookup(name).isPresent()) {
                issues.add(
                    Issue.error(
                            IssueCode.DUPLICATE_ID,
                            "let '"
                                + name
                                + "' has the name of a variable or form the indicator reads",
                            doc.locateKey("/let/" + JsonDocument.escape(name)))
                        .withHint("give the sub-expression a name of its own"));
              }
            });
  }

  /**
   * A key the type never reads is a mistake (a count with a numerator counts every case, not those
   * meeting it): each is reported where it stands.
   */
  private void unreadKeys(JsonDocument doc, JsonFields root, Indicator.Type type) {
    if (root.has("numerator") && (type == Indicator.Type.COUNT || type.readsValue())) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "a "
                      + type.name().toLowerCase(Locale.ROOT)
                      + " indicator has no numerator; 'numerator' is never read",
                  doc.locate("/numerator"))
              .withHint(
                  type == Indicator.Type.COUNT
                      ? "move the condition into \"denominator\": a count counts the cases it admits"
                      : "remove \"numerator\", or make the indicator a proportion"));
    }
    if (type == Indicator.Type.COUNT && root.has("value")) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "a count indicator counts cases; 'value' is never read",
                  doc.locate("/value"))
              .withHint("remove \"value\", or use type \"sum\" to add it up"));
    }
  }

  /** Each {@code coverageIndicator} must name a coverage indicator of the registry. */
  void checkCoverageIndicators(
      Map<String, Indicator> indicators,
      Set<String> brokenIds,
      Map<String, JsonDocument> documents) {
    for (Indicator indicator : indicators.values()) {
      indicator
          .coverageIndicator()
          .ifPresent(
              id -> {
                JsonDocument doc = documents.get(indicator.location().file());
                SourceLocation where =
                    doc == null ? indicator.location() : doc.locate("/coverageIndicator");
                Indicator coverage = indicators.get(id);
                if (coverage == null && !brokenIds.contains(id)) {
                  Issue issue =
                      Issue.error(
                          IssueCode.INVALID_VALUE,
                          "coverageIndicator '" + id + "' is no indicator of this registry",
                          where);
                  issues.add(
                      NameSuggester.hint(id, indicators.keySet())
                          .map(issue::withHint)
                          .orElse(issue));
                } else if (coverage != null && coverage.type() != Indicator.Type.COVERAGE) {
                  issues.add(
                      Issue.error(
                              IssueCode.INVALID_VALUE,
                              "coverageIndicator '"
                                  + id
                                  + "' is a "
                                  + coverage.type().name().toLowerCase(Locale.ROOT)
                                  + " indicator, not a coverage one",
                              where)
                          .withHint("name an indicator of type coverage"));
                }
              });
    }
  }

  /**
   * The home health trust of a case, required with {@code home_hf} attribution. When it reads a
   * code list, every code must name a health trust of the organisation table.
   */
  private Optional<Formula> readHomeHf(
      JsonDocument doc,
      JsonFields root,
      TypeEnvironment environment,
      String attribution,
      Organisations organisations) {
    Optional<Formula> homeHf;
    if (root.has("homeHf")) {
      homeHf = formulas.computation(root, "homeHf", environment, doc, ExprType.code("", Set.of()));
    } else if ("home_hf".equals(attribution) && environment.lookup(DEFAULT_HOME_HF).isPresent()) {
      // Without 'homeHf' a variable named home_hf is the home HF; without either, the run reports
      // the indicator's cases under an unknown HF.
      SourceLocation where = doc.locate("/attribution");
      homeHf =
          compiler
              .compile(DEFAULT_HOME_HF, environment, (text, start, end) -> where)
              .expression()
              .filter(
                  compiled ->
                      compiled.type().kind() == ExprType.Kind.CODE
                          || compiled.type().kind() == ExprType.Kind.TEXT)
              .map(compiled -> new Formula(DEFAULT_HOME_HF, compiled, where));
    } else {
      return Optional.empty();
    }
    homeHf.ifPresent(
        formula -> {
          for (String code : new java.util.TreeSet<>(formula.compiled().type().codes())) {
            if (organisations.healthTrust(code).isEmpty()) {
              Issue issue =
                  Issue.error(
                      IssueCode.UNKNOWN_ORGANISATION,
                      "home HF code '"
                          + code
                          + "' of code list '"
                          + formula.compiled().type().codeList().orElse("")
                          + "' is no health trust of the organisation table",
                      doc.locate("/homeHf"));
              issues.add(
                  NameSuggester.hint(
                          code,
                          organisations.healthTrusts().stream()
                              .map(Organisations.HealthTrust::id)
                              .toList())
                      .map(issue::withHint)
                      .orElse(
                          issue.withHint(
                              "use the health-trust ids of the organisation table as codes")));
            }
          }
        });
    return homeHf;
  }

  /** The variable that gives the home HF when an indicator with home-HF attribution names none. */
  static final String DEFAULT_HOME_HF = "home_hf";

  /**
   * The names an indicator reads: the base form's variables, and with a patient, pathway or episode
   * subject every form as rows.
   */
  static TypeEnvironment indicatorEnvironment(
      Form form, Map<String, Form> forms, Indicator.Subject subject) {
    TypeEnvironment environment = form.environment();
    if (subject.joinsRecords()) {
      for (Form other : forms.values()) {
        if (environment.lookup(other.id()).isEmpty()) {
          environment = environment.with(other.id(), ExprType.rows(other.environment().names()));
        }
      }
    }
    return environment
        .with("report_year", ExprType.NUMBER)
        .with("period_start", ExprType.DATE)
        .with("period_end", ExprType.DATE);
  }

  /** The {@code exclusions} of {@code owner} (the indicator or one of its earlier definitions). */
  List<Indicator.Exclusion> readExclusions(
      JsonDocument doc, JsonFields owner, TypeEnvironment environment) {
    List<Indicator.Exclusion> exclusions = new ArrayList<>();
    for (JsonFields exclusion : owner.objects("exclusions")) {
      formulas
          .condition(exclusion, "when", environment, doc)
          .ifPresent(
              when ->
                  exclusions.add(
                      new Indicator.Exclusion(
                          exclusion.text("id"),
                          when,
                          exclusion.optionalLocalized("description"),
                          exclusion.optionalText("notes"))));
    }
    return exclusions;
  }

  /**
   * The {@code levels} of {@code root}: the indicator itself, or an earlier definition in its
   * {@code history}.
   */
  Optional<Indicator.Levels> readLevels(JsonDocument doc, JsonFields root, Indicator.Type type) {
    if (!root.has("levels")) return Optional.empty();
    JsonFields levels = new JsonFields(root.node().get("levels"), root.pointer("levels"));
    boolean higher = "higher".equals(levels.text("direction"));
    BigDecimal high = levels.decimal("high").orElse(BigDecimal.ZERO);
    BigDecimal medium = levels.decimal("medium").orElse(high);
    boolean wrongOrder = higher ? medium.compareTo(high) > 0 : medium.compareTo(high) < 0;
    if (wrongOrder) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "with direction '"
                      + levels.text("direction")
                      + "', the medium level "
                      + medium.toPlainString()
                      + " must be "
                      + (higher ? "at most" : "at least")
                      + " the high level "
                      + high.toPlainString(),
                  doc.locate(levels.pointer("medium")))
              .withHint(
                  higher
                      ? "higher is better: high is the upper threshold"
                      : "lower is better: high is the lower threshold"));
    }
    boolean share = type == Indicator.Type.PROPORTION || type == Indicator.Type.COVERAGE;
    for (String key : List.of("high", "medium")) {
      Optional<BigDecimal> level = levels.decimal(key);
      if (share
          && level.isPresent()
          && (level.get().signum() < 0 || level.get().compareTo(BigDecimal.ONE) > 0)) {
        issues.add(
            Issue.error(
                    IssueCode.INVALID_VALUE,
                    "a level of a share must lie between 0 and 1",
                    doc.locate(levels.pointer(key)))
                .withHint("write 80 % as 0.80"));
      }
    }
    return Optional.of(new Indicator.Levels(higher, high, medium));
  }
}
