package no.regforms.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.Severity;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExprType;
import no.regforms.expression.RegularExpressions;
import no.regforms.expression.TypeEnvironment;

/**
 * Reads one schema-valid form file into a {@link Form}: builds the form's type environment,
 * compiles every expression against it, checks the meaning of each item and sorts the dependency
 * graph. Every problem is added to the shared issue list; reading goes on after each.
 */
final class FormReader {

  private final JsonDocument document;
  private final FormulaCompiler formulas;
  private final Map<String, CodeList> codeLists;
  private final Set<String> unreadableCodeLists;
  private final Set<String> missingReasons;
  private final String registryVersion;
  private final List<Issue> issues;
  private final VersionScope scope;
  private final Map<String, SourceLocation> seenIds = new HashMap<>();

  /** The form's respondent, which its variables answer for unless they name their own. */
  private Respondent formRespondent = Respondent.CLINICIAN;

  FormReader(
      JsonDocument document,
      FormulaCompiler formulas,
      Map<String, CodeList> codeLists,
      Set<String> unreadableCodeLists,
      Set<String> missingReasons,
      String registryVersion,
      List<Issue> issues,
      VersionScope scope) {
    this.scope = scope;
    this.document = document;
    this.formulas = formulas;
    this.codeLists = codeLists;
    this.unreadableCodeLists = unreadableCodeLists;
    this.missingReasons = missingReasons;
    this.registryVersion = registryVersion;
    this.issues = issues;
  }

  /** What another form's link to this one can read (the form's own id, scope and variables). */
  LinkReader.Target linkTarget() {
    JsonFields root = new JsonFields(document.root(), "", scope);
    Map<String, ExprType> recorded = new LinkedHashMap<>();
    declareRecorded(root.objects("items"), recorded);
    return new LinkReader.Target(root.text("id"), formScope(root), recorded);
  }

  /** Declares the top-level variables that are not computed, as a link reads them. */
  private void declareRecorded(List<JsonFields> items, Map<String, ExprType> out) {
    for (JsonFields item : items) {
      if (item.has("variable") && !item.has("compute")) {
        out.putIfAbsent(item.text("variable"), typeOf(item));
      } else if (item.has("section")) {
        declareRecorded(item.objects("items"), out);
      }
    }
  }

  private static FormScope formScope(JsonFields root) {
    return root.optionalText("scope")
        .map(s -> FormScope.valueOf(s.toUpperCase(Locale.ROOT)))
        .orElse(FormScope.PATIENT);
  }

  /** Reads the form; its links may read the forms of {@code linkTargets} (by form id). */
  Form read(Map<String, LinkReader.Target> linkTargets) {
    JsonFields root = new JsonFields(document.root(), "", scope);
    Map<String, ExprType> topLevel = new LinkedHashMap<>();
    declare(root.objects("items"), topLevel);

    Form.Parts parts = new Form.Parts();
    parts.id = root.text("id");
    parts.title = root.localized("title");
    parts.description = root.optionalLocalized("description");
    parts.respondent = Respondent.valueOf(root.text("respondent").toUpperCase(Locale.ROOT));
    parts.version = root.optionalText("version").orElse(registryVersion);
    parts.validFrom = root.date("validFrom");
    parts.validTo = root.date("validTo");
    parts.dateVariable = root.optionalText("dateVariable");
    parts.notes = root.optionalText("notes");
    parts.tags = readTags(root, parts.respondent, "form");
    parts.scope = formScope(root);
    parts.links =
        new LinkReader(document, issues).read(root, parts.scope, topLevel.keySet(), linkTargets);
    TypeEnvironment environment =
        LinkReader.environment(TypeEnvironment.of(topLevel), parts.links, linkTargets);
    if (parts.scope == FormScope.UNIT && parts.respondent == Respondent.PATIENT) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "a unit form is filled in by the unit, not by a patient",
                  document.locate("/scope"))
              .withHint("set \"respondent\": \"clinician\", or remove \"scope\": \"unit\""));
    }
    formRespondent = parts.respondent;
    parts.location = document.locate("");
    parts.items = readItems(root.objects("items"), environment);
    parts.rules = readRules(root.objects("rules"), environment, topLevel);
    checkDateVariable(root, topLevel);
    checkValidity(root, parts.validFrom, parts.validTo);

    DependencyGraph graph = buildGraph(parts.items);
    return new Form(parts, environment, graph);
  }

  // ---- types -------------------------------------------------------------------------------

  /** Declares the type of every variable and repeat group of one scope, for the type checker. */
  private void declare(List<JsonFields> items, Map<String, ExprType> scope) {
    for (JsonFields item : items) {
      if (item.has("variable")) {
        scope.putIfAbsent(item.text("variable"), typeOf(item));
      } else if (item.has("section")) {
        declare(item.objects("items"), scope);
      } else if (item.has("repeat")) {
        Map<String, ExprType> row = new LinkedHashMap<>();
        declare(item.objects("items"), row);
        scope.putIfAbsent(item.text("repeat"), ExprType.rows(row));
      }
    }
  }

  private ExprType typeOf(JsonFields variable) {
    VariableType type = VariableType.fromJson(variable.text("type"));
    if (!type.isCoded()) {
      return new ExprType(type.expressionKind(), Optional.empty(), Set.of(), Map.of());
    }
    String listId = variable.optionalText("codeList").orElse("");
    // An unknown or unreadable list accepts any code literal, so one mistake is not reported twice.
    Optional<CodeList> list = Optional.ofNullable(codeLists.get(listId));
    Set<String> codes = list.map(l -> l.byCode().keySet()).orElse(Set.of());
    if (type == VariableType.CODES) return ExprType.codes(listId, codes);
    Map<String, BigDecimal> scores = new HashMap<>();
    list.ifPresent(
        l ->
            l.codes()
                .forEach(code -> code.score().ifPresent(score -> scores.put(code.code(), score))));
    return ExprType.code(listId, codes, scores);
  }

  // ---- items -------------------------------------------------------------------------------

  private List<FormItem> readItems(List<JsonFields> items, TypeEnvironment environment) {
    List<FormItem> out = new ArrayList<>();
    for (JsonFields item : items) {
      if (item.has("variable")) {
        out.add(readVariable(item, environment));
      } else if (item.has("section")) {
        String id = item.text("section");
        noteId(id, item, "section");
        out.add(
            new Section(
                id,
                item.localized("title"),
                item.optionalLocalized("help"),
                formulas.condition(item, "visibleIf", environment, document),
                readItems(item.objects("items"), environment),
                item.optionalText("notes"),
                document.locate(item.pointer())));
      } else if (item.has("repeat")) {
        out.add(readRepeat(item, environment));
      } else if (item.has("note")) {
        String id = item.text("note");
        noteId(id, item, "note");
        out.add(
            new Note(
                id,
                item.localized("text"),
                formulas.condition(item, "visibleIf", environment, document),
                item.optionalText("notes"),
                document.locate(item.pointer())));
      }
    }
    return out;
  }

  private RepeatGroup readRepeat(JsonFields item, TypeEnvironment environment) {
    String id = item.text("repeat");
    noteId(id, item, "repeat");
    Map<String, ExprType> row = new LinkedHashMap<>();
    declare(item.objects("items"), row);
    int min = item.integer("min").orElse(0);
    Optional<Integer> max = item.integer("max");
    // A negative min or a max below 1 is a field-rule violation of its own; reporting the pair too
    // would say it twice.
    if (max.isPresent() && min >= 0 && max.get() >= 1 && min > max.get()) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "repeat group '" + id + "' has min " + min + " above max " + max.get(),
                  document.locate(item.pointer(item.has("min") ? "min" : "max")))
              .withHint("make min at most max, or raise max"));
    }
    List<FormItem> rowItems = readItems(item.objects("items"), environment.withRow(row));
    return new RepeatGroup(
        id,
        item.localized("label"),
        item.optionalLocalized("help"),
        min,
        max,
        formulas.condition(item, "visibleIf", environment, document),
        rowItems,
        item.optionalText("notes"),
        document.locate(item.pointer()));
  }

  private void noteId(String id, JsonFields item, String key) {
    SourceLocation here = document.locate(item.pointer(key));
    SourceLocation first = seenIds.putIfAbsent(id, here);
    if (first != null) {
      issues.add(
          Issue.error(IssueCode.DUPLICATE_ID, "id '" + id + "' is used twice in this form", here)
              .withHint(
                  "it was first used at line "
                      + first.line()
                      + "; ids must be unique within a form, repeat rows included"));
    }
  }

  private Variable readVariable(JsonFields item, TypeEnvironment environment) {
    String id = item.text("variable");
    noteId(id, item, "variable");
    VariableType type = VariableType.fromJson(item.text("type"));
    Optional<String> codeList = item.optionalText("codeList");
    checkApplicable(item, type);
    checkCodeList(item, type, codeList);

    Optional<Range> range = readRange(item, "range", type);
    Optional<Range> plausible = readRange(item, "plausibleRange", type);
    checkPlausible(item, range, plausible);
    Optional<BigDecimal> step = item.decimal("step");
    checkStep(item, type, range, step);
    checkChoices(item);
    Optional<String> pattern = item.optionalText("pattern");
    pattern.ifPresent(p -> checkPattern(item, p));
    List<String> missing = item.texts("missing");
    checkMissingReasons(item, missing);

    Optional<Formula> compute =
        formulas.computation(item, "compute", environment, document, typeOf(item));
    if (compute.isPresent() && (item.bool("required") || item.has("requiredIf"))) {
      issues.add(
          Issue.warning(
              IssueCode.NOT_APPLICABLE,
              "a computed variable takes no input, so 'required' has no effect",
              document.locateKey(item.pointer(item.has("required") ? "required" : "requiredIf"))));
    }
    Optional<Respondent> respondent =
        item.optionalText("respondent").map(r -> Respondent.valueOf(r.toUpperCase(Locale.ROOT)));
    return new Variable(
        id,
        type,
        item.optionalLocalized("label"),
        item.optionalLocalized("help"),
        item.optionalLocalized("description"),
        respondent,
        item.bool("required"),
        formulas.condition(item, "requiredIf", environment, document),
        formulas.condition(item, "visibleIf", environment, document),
        compute,
        codeList,
        range,
        plausible,
        step,
        item.integer("decimals"),
        item.integer("maxLength"),
        pattern,
        item.optionalText("unit"),
        missing,
        item.integer("minChoices"),
        item.integer("maxChoices"),
        item.optionalText("sensitivity")
            .map(s -> Sensitivity.valueOf(s.toUpperCase(Locale.ROOT)))
            .orElse(Sensitivity.NONE),
        item.has("tags")
            ? Optional.of(readTags(item, respondent.orElse(formRespondent), "variable"))
            : Optional.empty(),
        item.date("validFrom"),
        item.date("validTo"),
        item.optionalText("notes"),
        document.locate(item.pointer()));
  }

  /**
   * The {@code tags} of a form or variable. PROM and PREM are the patient's own answers: a tag on
   * what the clinician answers is reported where it stands.
   */
  private List<MeasureTag> readTags(JsonFields node, Respondent respondent, String what) {
    List<MeasureTag> tags = node.texts("tags").stream().map(MeasureTag::fromKey).toList();
    if (!tags.isEmpty() && respondent != Respondent.PATIENT) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "tags "
                      + tags.stream().map(MeasureTag::label).toList()
                      + " mark patient-reported measures, but this "
                      + what
                      + " is answered by the clinician",
                  document.locate(node.pointer("tags")))
              .withHint(
                  "set \"respondent\": \"patient\", or remove the tags (a clinician-rated scale such as MADRS is no PROM)"));
    }
    return tags;
  }

  /**
   * Keys that only some types take: a key on the wrong type is a mistake the author should hear of.
   */
  private void checkApplicable(JsonFields item, VariableType type) {
    Map<String, Set<VariableType>> appliesTo = new LinkedHashMap<>();
    Set<VariableType> numeric = Set.of(VariableType.INTEGER, VariableType.DECIMAL);
    appliesTo.put("codeList", Set.of(VariableType.CODE, VariableType.CODES));
    appliesTo.put(
        "range",
        Set.of(
            VariableType.INTEGER, VariableType.DECIMAL, VariableType.DATE, VariableType.YEARMONTH));
    appliesTo.put("plausibleRange", numeric);
    appliesTo.put("step", numeric);
    appliesTo.put("decimals", Set.of(VariableType.DECIMAL));
    appliesTo.put("unit", numeric);
    appliesTo.put("maxLength", Set.of(VariableType.TEXT));
    appliesTo.put("pattern", Set.of(VariableType.TEXT));
    appliesTo.put("minChoices", Set.of(VariableType.CODES));
    appliesTo.put("maxChoices", Set.of(VariableType.CODES));
    appliesTo.forEach(
        (key, types) -> {
          if (item.has(key) && !types.contains(type)) {
            issues.add(
                Issue.error(
                        IssueCode.NOT_APPLICABLE,
                        "'"
                            + key
                            + "' does not apply to a variable of type '"
                            + type.jsonName()
                            + "'",
                        document.locateKey(item.pointer(key)))
                    .withHint(
                        "'"
                            + key
                            + "' applies to "
                            + names(types)
                            + "; remove it or change the type"));
          }
        });
  }

  private static String names(Set<VariableType> types) {
    return types.stream()
        .sorted()
        .map(VariableType::jsonName)
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private void checkCodeList(JsonFields item, VariableType type, Optional<String> codeList) {
    if (!type.isCoded()) return;
    if (codeList.isEmpty()) {
      issues.add(
          Issue.error(
                  IssueCode.MISSING_KEY,
                  "a '" + type.jsonName() + "' variable needs a 'codeList'",
                  document.locate(item.pointer()))
              .withHint("add \"codeList\" with the id of a file in codelists/"));
      return;
    }
    String listId = codeList.get();
    if (!codeLists.containsKey(listId) && !unreadableCodeLists.contains(listId)) {
      Issue issue =
          Issue.error(
              IssueCode.UNKNOWN_CODE_LIST,
              "unknown code list '" + listId + "'",
              document.locate(item.pointer("codeList")));
      issues.add(
          NameSuggester.hint(listId, codeLists.keySet())
              .map(issue::withHint)
              .orElse(
                  issue.withHint(
                      "add codelists/"
                          + listId
                          + ".json, or use one of: "
                          + String.join(", ", codeLists.keySet()))));
    }
  }

  private Optional<Range> readRange(JsonFields item, String key, VariableType type) {
    if (!item.has(key) || !item.node().get(key).isArray() || item.node().get(key).size() != 2)
      return Optional.empty();
    Bound min = readBound(item, key, 0, type);
    Bound max = readBound(item, key, 1, type);
    if (min == null || max == null) return Optional.empty();
    Range range = new Range(min, max);
    if (isAbove(min, max)) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "'" + key + "' " + range + " has its minimum above its maximum",
                  document.locate(item.pointer(key)))
              .withHint("write it as [" + max + ", " + min + "]"));
    }
    return Optional.of(range);
  }

  private Bound readBound(JsonFields item, String key, int index, VariableType type) {
    var node = item.node().get(key).get(index);
    String pointer = item.pointer(key) + "/" + index;
    if (type.isNumeric()) {
      if (node.isNumber()) {
        return new Bound.Number(node.decimalValue());
      }
      Issue issue =
          Issue.error(
              IssueCode.WRONG_JSON_TYPE,
              "range bound "
                  + node
                  + " of "
                  + (type == VariableType.INTEGER ? "an integer" : "a decimal")
                  + " variable must be a number, not a string",
              document.locate(pointer));
      issues.add(
          node.asText().matches("-?\\d+(\\.\\d+)?")
              ? issue.withHint("write it without quotes: " + node.asText())
              : issue);
      return null;
    }
    String text = node.asText();
    if (node.isTextual() && text.equals("today")) {
      return new Bound.Today();
    }
    try {
      if (type == VariableType.DATE && node.isTextual()) {
        return new Bound.Date(LocalDate.parse(text));
      }
      if (type == VariableType.YEARMONTH && node.isTextual()) {
        return new Bound.Month(YearMonth.parse(text));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    String expected =
        type == VariableType.DATE ? "a real calendar date yyyy-mm-dd" : "a year and month yyyy-mm";
    issues.add(
        Issue.error(
                IssueCode.INVALID_VALUE,
                "range bound "
                    + node
                    + " of a "
                    + type.jsonName()
                    + " variable is not "
                    + expected
                    + " or 'today'",
                document.locate(pointer))
            .withHint(
                !node.isTextual()
                    ? "write the bound in quotes, such as "
                        + (type == VariableType.DATE ? "\"2020-01-31\"" : "\"2020-01\"")
                    : type == VariableType.DATE
                        ? "write a date that exists, such as \"2020-02-29\""
                        : "write it as \"2020-02\""));
    return null;
  }

  private static boolean isAbove(Bound a, Bound b) {
    if (a instanceof Bound.Number x && b instanceof Bound.Number y)
      return x.value().compareTo(y.value()) > 0;
    if (a instanceof Bound.Date x && b instanceof Bound.Date y) return x.value().isAfter(y.value());
    if (a instanceof Bound.Month x && b instanceof Bound.Month y)
      return x.value().isAfter(y.value());
    return false;
  }

  private void checkPlausible(JsonFields item, Optional<Range> range, Optional<Range> plausible) {
    if (range.isEmpty() || plausible.isEmpty()) return;
    Range hard = range.get();
    Range soft = plausible.get();
    if (isAbove(hard.min(), soft.min()) || isAbove(soft.max(), hard.max())) {
      issues.add(
          Issue.error(
                  IssueCode.PLAUSIBLE_OUTSIDE_RANGE,
                  "plausibleRange " + soft + " reaches outside the hard range " + hard,
                  document.locate(item.pointer("plausibleRange")))
              .withHint("a plausible range narrows the hard range; keep it within " + hard));
    }
  }

  private void checkStep(
      JsonFields item, VariableType type, Optional<Range> range, Optional<BigDecimal> step) {
    if (step.isEmpty() || step.get().signum() <= 0) return;
    BigDecimal s = step.get();
    if (type == VariableType.INTEGER && s.stripTrailingZeros().scale() > 0) {
      issues.add(
          Issue.error(
                  IssueCode.STEP_MISFIT,
                  "an integer variable cannot move in steps of " + s.toPlainString(),
                  document.locate(item.pointer("step")))
              .withHint("use a whole-number step, or make the variable decimal"));
      return;
    }
    Optional<Integer> decimals = item.integer("decimals");
    if (decimals.isPresent() && s.stripTrailingZeros().scale() > decimals.get()) {
      issues.add(
          Issue.error(
              IssueCode.STEP_MISFIT,
              "step "
                  + s.toPlainString()
                  + " needs more decimals than the "
                  + decimals.get()
                  + " allowed",
              document.locate(item.pointer("step"))));
    }
    Optional<BigDecimal> min = range.flatMap(Range::numericMin);
    Optional<BigDecimal> max = range.flatMap(Range::numericMax);
    if (min.isPresent()
        && max.isPresent()
        && max.get().subtract(min.get()).remainder(s).signum() != 0) {
      issues.add(
          Issue.error(
                  IssueCode.STEP_MISFIT,
                  "step "
                      + s.toPlainString()
                      + " does not fit range "
                      + range.get()
                      + ": the maximum is not reached in whole steps",
                  document.locate(item.pointer("step")))
              .withHint(
                  "choose a step that divides " + max.get().subtract(min.get()).toPlainString()));
    }
  }

  private void checkChoices(JsonFields item) {
    Optional<Integer> min = item.integer("minChoices");
    Optional<Integer> max = item.integer("maxChoices");
    if (min.isPresent()
        && max.isPresent()
        && min.get() >= 0
        && max.get() >= 1
        && min.get() > max.get()) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "minChoices " + min.get() + " is above maxChoices " + max.get(),
                  document.locate(item.pointer("minChoices")))
              .withHint("make minChoices at most maxChoices"));
    }
  }

  private void checkPattern(JsonFields item, String pattern) {
    RegularExpressions.problem(pattern)
        .ifPresent(
            problem ->
                issues.add(
                    Issue.error(
                            IssueCode.INVALID_PATTERN,
                            "pattern '"
                                + pattern
                                + "' is not a valid regular expression: "
                                + problem,
                            document.locate(item.pointer("pattern")))
                        .withHint(
                            "patterns use RE2 syntax (no back-references or look-around), so they run in linear time")));
  }

  private void checkMissingReasons(JsonFields item, List<String> missing) {
    for (int i = 0; i < missing.size(); i++) {
      String reason = missing.get(i);
      if (!missingReasons.contains(reason)) {
        Issue issue =
            Issue.error(
                IssueCode.INVALID_VALUE,
                "unknown missing-value reason '" + reason + "'",
                document.locate(item.pointer("missing") + "/" + i));
        issues.add(
            NameSuggester.hint(reason, missingReasons)
                .map(issue::withHint)
                .orElse(
                    issue.withHint(
                        "known reasons: "
                            + String.join(", ", missingReasons)
                            + "; add your own under missingReasons in registry.json")));
      }
    }
  }

  // ---- rules and form-level checks
  // ---------------------------------------------------------------

  private List<Rule> readRules(
      List<JsonFields> rules, TypeEnvironment environment, Map<String, ExprType> topLevel) {
    List<Rule> out = new ArrayList<>();
    Map<String, SourceLocation> ids = new HashMap<>();
    for (JsonFields rule : rules) {
      String id = rule.text("id");
      SourceLocation here = document.locate(rule.pointer("id"));
      SourceLocation first = ids.putIfAbsent(id, here);
      if (first != null) {
        issues.add(
            Issue.error(
                    IssueCode.DUPLICATE_ID, "rule id '" + id + "' is used twice in this form", here)
                .withHint(
                    "it was first used at line "
                        + first.line()
                        + "; rule ids must be unique within a form"));
      }
      List<String> variables = rule.texts("variables");
      for (int i = 0; i < variables.size(); i++) {
        String name = variables.get(i);
        if (!topLevel.containsKey(name)) {
          Issue issue =
              Issue.error(
                  IssueCode.UNKNOWN_VARIABLE,
                  "rule '" + id + "' names unknown variable '" + name + "'",
                  document.locate(rule.pointer("variables") + "/" + i));
          issues.add(
              NameSuggester.hint(name, topLevel.keySet()).map(issue::withHint).orElse(issue));
        }
      }
      Optional<Formula> check = formulas.condition(rule, "check", environment, document);
      Optional<Formula> when = formulas.condition(rule, "when", environment, document);
      Severity severity =
          "warning".equals(rule.text("severity")) ? Severity.WARNING : Severity.ERROR;
      boolean confirm = rule.node().path("confirm").asBoolean(false);
      if (confirm && severity != Severity.WARNING) {
        issues.add(
            Issue.error(
                    IssueCode.INVALID_VALUE,
                    "rule '" + id + "' asks for confirmation, but only a warning can be confirmed",
                    document.locate(rule.pointer("confirm")))
                .withHint("add \"severity\": \"warning\", or remove confirm"));
      }
      if (check.isPresent()) {
        List<String> attachTo =
            variables.isEmpty()
                ? check.get().compiled().references().stream()
                    .filter(topLevel::containsKey)
                    .toList()
                : variables;
        out.add(
            new Rule(
                id,
                check.get(),
                when,
                severity,
                rule.localized("message"),
                attachTo,
                rule.optionalText("notes"),
                confirm,
                document.locate(rule.pointer())));
      }
    }
    return out;
  }

  private void checkDateVariable(JsonFields root, Map<String, ExprType> topLevel) {
    root.optionalText("dateVariable")
        .ifPresent(
            name -> {
              ExprType type = topLevel.get(name);
              if (type == null) {
                Issue issue =
                    Issue.error(
                        IssueCode.UNKNOWN_VARIABLE,
                        "dateVariable names unknown variable '" + name + "'",
                        document.locate(root.pointer("dateVariable")));
                issues.add(
                    NameSuggester.hint(name, topLevel.keySet()).map(issue::withHint).orElse(issue));
              } else if (!datesRecord(type)) {
                List<String> dates =
                    topLevel.entrySet().stream()
                        .filter(e -> datesRecord(e.getValue()))
                        .map(Map.Entry::getKey)
                        .toList();
                issues.add(
                    Issue.error(
                            IssueCode.TYPE_MISMATCH,
                            "dateVariable '"
                                + name
                                + "' must be a variable of type 'date' or 'datetime', but it "
                                + "is a "
                                + type.displayName(),
                            document.locate(root.pointer("dateVariable")))
                        .withHint(
                            dates.isEmpty()
                                ? "add a date or datetime variable that dates the record, or remove dateVariable"
                                : "date and datetime variables of this form: "
                                    + String.join(", ", dates)));
              }
            });
  }

  /** A date or a date-time (whose date counts) can date a record. */
  private static boolean datesRecord(ExprType type) {
    return type.kind() == ExprType.Kind.DATE || type.kind() == ExprType.Kind.DATETIME;
  }

  private void checkValidity(JsonFields root, Optional<LocalDate> from, Optional<LocalDate> to) {
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      issues.add(
          Issue.error(
              IssueCode.RANGE_INVERTED,
              "validFrom is after validTo",
              document.locate(root.pointer("validFrom"))));
    }
  }

  // ---- dependency graph --------------------------------------------------------------------

  private DependencyGraph buildGraph(List<FormItem> items) {
    DependencyGraph.Builder builder = new DependencyGraph.Builder();
    addNodes(items, builder);
    DependencyGraph.Sorted sorted = builder.build();
    Map<String, FormItem> byId = new HashMap<>();
    ItemWalker.all(items).forEach(placed -> byId.putIfAbsent(placed.item().id(), placed.item()));
    for (List<String> cycle : sorted.cycles()) {
      FormItem first = byId.get(cycle.get(0));
      String path = String.join(" -> ", cycle) + " -> " + cycle.get(0);
      issues.add(
          Issue.error(
                  IssueCode.DEPENDENCY_CYCLE,
                  "computed values and conditions depend on each other in a cycle: " + path,
                  first == null ? document.locate("") : first.location())
              .withHint(cycleHint(cycle)));
    }
    return sorted.graph();
  }

  private static String cycleHint(List<String> cycle) {
    return "each of "
        + String.join(", ", cycle)
        + " waits for the next; break the cycle in one of their expressions";
  }

  /**
   * Adds the items of one scope to {@code builder}; a repeat group's rows get a graph of their own.
   */
  private void addNodes(List<FormItem> items, DependencyGraph.Builder builder) {
    for (PlacedItem placed : ItemWalker.scope(items)) {
      FormItem item = placed.item();
      Optional<String> section = placed.section().map(Section::id);
      Set<String> reads = new LinkedHashSet<>();
      section.ifPresent(reads::add);
      item.visibleIf()
          .ifPresent(
              f -> {
                Set<String> refs = f.compiled().references();
                if (refs.contains(item.id()) && item instanceof Variable) {
                  issues.add(
                      Issue.error(
                              IssueCode.SELF_REFERENCE,
                              "visibleIf of '"
                                  + item.id()
                                  + "' reads '"
                                  + item.id()
                                  + "' itself; a hidden variable has no value, "
                                  + "so it could never be shown",
                              f.location())
                          .withHint("make the condition depend on other variables"));
                  refs = new LinkedHashSet<>(refs);
                  refs.remove(item.id());
                }
                reads.addAll(refs);
              });
      if (item instanceof Variable v) {
        v.compute().ifPresent(f -> reads.addAll(f.compiled().references()));
      } else if (item instanceof Section s) {
        s.visibleIf().ifPresent(f -> reads.removeAll(selfHidingReads(s, f)));
      } else if (item instanceof RepeatGroup r) {
        builder.rowGraph(r.id(), rowGraph(r));
        Set<String> rowNames = new LinkedHashSet<>();
        List<PlacedItem> inside = ItemWalker.all(r.items());
        inside.forEach(p -> rowNames.add(p.item().id()));
        inside.forEach(p -> addReads(p.item(), reads));
        reads.removeAll(rowNames);
      }
      builder.node(item, section, reads);
    }
  }

  /**
   * The ids of items inside {@code section} that its own {@code visibleIf} reads, each a cycle
   * reported here: whether the section shows would depend on a value it hides.
   */
  private Set<String> selfHidingReads(Section section, Formula visibleIf) {
    Set<String> inside = new LinkedHashSet<>();
    ItemWalker.all(section.items()).forEach(p -> inside.add(p.item().id()));
    inside.retainAll(visibleIf.compiled().references());
    if (!inside.isEmpty()) {
      String names = "'" + String.join("', '", inside) + "'";
      issues.add(
          Issue.error(
                  IssueCode.DEPENDENCY_CYCLE,
                  "visibleIf of section '"
                      + section.id()
                      + "' reads "
                      + names
                      + ", which the section itself holds: whether "
                      + "the section shows would depend on a value it hides (cycle: "
                      + section.id()
                      + " -> "
                      + inside.iterator().next()
                      + " -> "
                      + section.id()
                      + ")",
                  visibleIf.location())
              .withHint(
                  "move "
                      + names
                      + " out of the section, before it, or make the condition read other variables"));
    }
    return inside;
  }

  /** The sorted graph of one row of {@code repeat}, its cycles reported. */
  private DependencyGraph rowGraph(RepeatGroup repeat) {
    DependencyGraph.Builder rows = new DependencyGraph.Builder();
    addNodes(repeat.items(), rows);
    DependencyGraph.Sorted sortedRows = rows.build();
    Map<String, FormItem> rowItems = new HashMap<>();
    ItemWalker.all(repeat.items())
        .forEach(placed -> rowItems.putIfAbsent(placed.item().id(), placed.item()));
    for (List<String> cycle : sortedRows.cycles()) {
      FormItem first = rowItems.get(cycle.get(0));
      issues.add(
          Issue.error(
                  IssueCode.DEPENDENCY_CYCLE,
                  "computed values and conditions in repeat group '"
                      + repeat.id()
                      + "' depend on each other in a cycle: "
                      + String.join(" -> ", cycle)
                      + " -> "
                      + cycle.get(0),
                  first == null ? repeat.location() : first.location())
              .withHint(cycleHint(cycle)));
    }
    return sortedRows.graph();
  }

  /** Adds the names {@code item}'s conditions and computation read. */
  private static void addReads(FormItem item, Set<String> out) {
    item.visibleIf().ifPresent(f -> out.addAll(f.compiled().references()));
    if (item instanceof Variable v) {
      v.compute().ifPresent(f -> out.addAll(f.compiled().references()));
      v.requiredIf().ifPresent(f -> out.addAll(f.compiled().references()));
    }
  }
}
