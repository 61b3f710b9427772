package no.regforms.definition;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;

/**
 * One load of one registry folder. Collects the issues of every file and goes on after each, so a
 * registry developer sees all problems in one run. Used once, then discarded.
 */
final class RegistryReader {

  private final SchemaChecker schemas;
  private final Validator validator;
  private final FormulaCompiler formulas;
  private final ExpressionCompiler compiler;
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, JsonDocument> documents = new HashMap<>();
  private final Map<String, String> firstFiles = new HashMap<>();

  RegistryReader(SchemaChecker schemas, ExpressionCompiler compiler, Validator validator) {
    this.schemas = schemas;
    this.validator = validator;
    this.formulas = new FormulaCompiler(compiler, issues);
    this.compiler = compiler;
  }

  LoadResult read(DefinitionSource source) {
    if (!source.isFolder()) {
      issues.add(Issue.error(IssueCode.FILE_MISSING, "there is no registry folder '" + source.name() + "'",
              SourceLocation.of(source.name(), 0, 0, ""))
          .withHint("give the path of a folder that holds registry.json, or the id of a registry module"));
      return result(null);
    }
    if (!source.hasRegistryFile()) {
      issues.add(Issue.error(IssueCode.FILE_MISSING, "the folder has no registry.json",
              SourceLocation.of(DefinitionSource.REGISTRY_FILE, 0, 0, ""))
          .withHint("a registry folder holds registry.json, codelists/, forms/ and indicators/"));
      return result(null);
    }
    JsonDocument registryFile = parse(source, DefinitionSource.REGISTRY_FILE, SchemaChecker.FileKind.REGISTRY);
    Map<String, JsonDocument> unchecked = new LinkedHashMap<>();
    List<JsonDocument> codeListFiles = parseAll(source, "codelists", SchemaChecker.FileKind.CODE_LIST, unchecked);
    List<JsonDocument> formFiles = parseAll(source, "forms", SchemaChecker.FileKind.FORM, unchecked);
    List<JsonDocument> indicatorFiles = parseAll(source, "indicators", SchemaChecker.FileKind.INDICATOR, unchecked);

    Registry.Header header = registryFile == null ? null : readHeader(registryFile);
    Set<String> brokenIds = new HashSet<>();
    unchecked.values().forEach(doc -> doc.at("/id").ifPresent(id -> brokenIds.add(id.asText())));

    Map<String, CodeList> codeLists = new LinkedHashMap<>();
    for (JsonDocument doc : codeListFiles) {
      CodeList list = readCodeList(doc);
      putUnique(codeLists, list.id(), list, doc, "code list");
    }
    Set<String> missingReasons = new LinkedHashSet<>(Registry.BUILT_IN_MISSING_REASONS.keySet());
    if (header != null) missingReasons.addAll(header.missingReasons.keySet());
    String version = header == null ? "" : header.version;

    Map<String, Form> forms = new LinkedHashMap<>();
    for (JsonDocument doc : formFiles) {
      Form form = new FormReader(doc, formulas, codeLists, brokenIds, missingReasons, version, issues).read();
      putUnique(forms, form.id(), form, doc, "form");
    }
    if (header != null && registryFile != null) forms = ordered(forms, header.formOrder, registryFile, brokenIds);
    Organisations organisations = new OrganisationReader(issues).read(
        source.has(DefinitionSource.ORGANISATIONS_FILE)
            ? parse(source, DefinitionSource.ORGANISATIONS_FILE, SchemaChecker.FileKind.ORGANISATIONS) : null);
    Map<String, Indicator> indicators = new LinkedHashMap<>();
    for (JsonDocument doc : indicatorFiles) {
      readIndicator(doc, forms, brokenIds, organisations)
          .ifPresent(indicator -> putUnique(indicators, indicator.id(), indicator, doc, "indicator"));
    }

    indicators.values().forEach(indicator -> checkCoverageIndicator(indicator, indicators, brokenIds));
    codeLists.values().forEach(this::validateFields);
    forms.values().forEach(this::validateFields);
    indicators.values().forEach(this::validateFields);

    if (header == null || hasErrors()) {
      return result(null);
    }
    return result(new Registry(header, codeLists, forms, indicators, organisations));
  }

  private boolean hasErrors() {
    return issues.stream().anyMatch(Issue::isError);
  }

  private LoadResult result(Registry registry) {
    return new LoadResult(Optional.ofNullable(registry), Diagnostics.of(issues));
  }

  // ---- files -------------------------------------------------------------------------------

  private JsonDocument parse(DefinitionSource source, String file, SchemaChecker.FileKind kind) {
    String text;
    try {
      text = source.read(file);
    } catch (IOException e) {
      issues.add(Issue.error(IssueCode.FILE_UNREADABLE, "cannot read the file: " + e.getMessage(), SourceLocation.of(file, 0, 0, "")));
      return null;
    }
    JsonDocument.Result parsed = JsonDocument.parse(file, text);
    if (parsed.issue() != null) {
      issues.add(parsed.issue());
      return null;
    }
    JsonDocument doc = parsed.document();
    documents.put(file, doc);
    List<Issue> violations = schemas.check(doc, kind);
    issues.addAll(violations);
    return violations.isEmpty() ? doc : null;
  }

  /** Parses every file of a folder; files that fail the schema go to {@code unchecked} only. */
  private List<JsonDocument> parseAll(DefinitionSource source, String folder, SchemaChecker.FileKind kind,
      Map<String, JsonDocument> unchecked) {
    List<String> files;
    try {
      files = source.files(folder);
    } catch (IOException e) {
      issues.add(Issue.error(IssueCode.FILE_UNREADABLE, "cannot list the folder: " + e.getMessage(), SourceLocation.of(folder, 0, 0, "")));
      return List.of();
    }
    List<JsonDocument> valid = new ArrayList<>();
    for (String file : files) {
      JsonDocument doc = parse(source, file, kind);
      if (doc != null) {
        valid.add(doc);
      } else if (documents.containsKey(file)) {
        unchecked.put(file, documents.get(file));
      }
    }
    return valid;
  }

  private <T> void putUnique(Map<String, T> map, String id, T value, JsonDocument doc, String what) {
    String firstFile = firstFiles.putIfAbsent(what + "/" + id, doc.file());
    if (map.putIfAbsent(id, value) != null) {
      issues.add(Issue.error(IssueCode.DUPLICATE_ID, what + " id '" + id + "' is already used by " + firstFile, doc.locate("/id"))
          .withHint("ids must be unique within a registry; rename one of them"));
    }
  }

  // ---- registry.json and code lists ----------------------------------------------------------------

  /** The forms in the order {@code registry.json} names them, the others after them in file order. */
  private Map<String, Form> ordered(Map<String, Form> forms, List<String> order, JsonDocument registryFile,
      Set<String> brokenIds) {
    Map<String, Form> out = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      Form form = forms.get(id);
      if (form != null) {
        out.put(id, form);
      } else if (!brokenIds.contains(id)) {
        Issue issue = Issue.error(IssueCode.UNKNOWN_FORM, "unknown form '" + id + "' in the order of forms",
            registryFile.locate("/forms/" + i));
        issues.add(NameSuggester.hint(id, forms.keySet()).map(issue::withHint)
            .orElse(issue.withHint("forms of this registry: " + String.join(", ", forms.keySet()))));
      }
    }
    forms.forEach(out::putIfAbsent);
    return out;
  }

  private Registry.Header readHeader(JsonDocument doc) {
    JsonFields root = new JsonFields(doc.root(), "");
    Registry.Header header = new Registry.Header();
    header.id = root.text("id");
    if (!header.id.matches(Ids.PATTERN)) {
      issues.add(Issue.error(IssueCode.INVALID_VALUE, "registry id '" + header.id + "' " + Ids.MESSAGE, doc.locate("/id"))
          .withHint("for example '" + snakeCase(header.id) + "'"));
    }
    header.title = root.localized("title");
    header.description = root.optionalLocalized("description");
    header.version = root.text("version");
    if (root.has("forms")) header.formOrder = root.texts("forms");
    if (root.has("languages")) header.languages = root.texts("languages");
    if (root.has("owner")) {
      JsonFields owner = new JsonFields(root.node().get("owner"), "/owner");
      header.owner = Optional.of(new Registry.Owner(owner.localized("name"), owner.optionalText("organisationNumber"),
          owner.optionalText("email"), owner.optionalText("url")));
    }
    header.legalBasis = root.optionalLocalized("legalBasis");
    header.keywords = root.texts("keywords");
    header.baseUri = root.optionalText("baseUri").map(uri -> uri.endsWith("/") ? uri : uri + "/");
    header.licence = root.optionalText("licence");
    header.temporal = readTemporal(doc, root);
    header.notes = root.optionalText("notes");
    header.publicationGaps = PublicationFacts.gaps(doc, header);
    if (root.has("owner") || root.has("baseUri")) {
      issues.addAll(header.publicationGaps);
    }
    header.helsenorgeEndpoint = root.optionalText("helsenorgeEndpoint");
    Map<String, LocalizedText> reasons = new LinkedHashMap<>();
    root.node().path("missingReasons").fields().forEachRemaining(e -> {
      if (!e.getKey().matches(Ids.PATTERN)) {
        issues.add(Issue.error(IssueCode.INVALID_VALUE, "missing-value reason '" + e.getKey() + "' " + Ids.MESSAGE,
            doc.locateKey("/missingReasons/" + JsonDocument.escape(e.getKey()))));
      }
      reasons.put(e.getKey(), JsonFields.localizedOf(e.getValue()));
    });
    header.missingReasons = reasons;
    checkLanguages(doc, header);
    return header;
  }

  private Optional<Registry.Period> readTemporal(JsonDocument doc, JsonFields root) {
    if (!root.has("temporal")) return Optional.empty();
    JsonFields temporal = new JsonFields(root.node().get("temporal"), "/temporal");
    Optional<LocalDate> start = temporal.date("start");
    Optional<LocalDate> end = temporal.date("end");
    for (String key : List.of("start", "end")) {
      if (temporal.has(key) && temporal.date(key).isEmpty()) {
        issues.add(Issue.error(IssueCode.INVALID_VALUE, "temporal " + key + " '" + temporal.text(key) + "' is not a calendar date",
            doc.locate("/temporal/" + key)).withHint("write the date as yyyy-mm-dd"));
      }
    }
    if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
      issues.add(Issue.error(IssueCode.RANGE_INVERTED, "temporal ends on " + end.get() + ", before its start " + start.get(),
          doc.locate("/temporal/end")).withHint("start is the first day the data cover, end the last"));
    }
    return start.map(first -> new Registry.Period(first, end));
  }

  private void checkLanguages(JsonDocument doc, Registry.Header header) {
    if (!header.languages.isEmpty() && !header.languages.get(0).equals(LocalizedText.DEFAULT_LANGUAGE)
        && !header.languages.contains(LocalizedText.DEFAULT_LANGUAGE)) {
      issues.add(Issue.error(IssueCode.INVALID_VALUE, "languages must include 'nb'", doc.locate("/languages"))
          .withHint("every text has a Norwegian Bokmål version; list \"nb\" first"));
    }
  }

  private CodeList readCodeList(JsonDocument doc) {
    JsonFields root = new JsonFields(doc.root(), "");
    List<Code> codes = new ArrayList<>();
    Map<String, SourceLocation> seen = new HashMap<>();
    for (JsonFields code : root.objects("codes")) {
      String value = code.text("code");
      SourceLocation here = doc.locate(code.pointer("code"));
      SourceLocation first = seen.putIfAbsent(value, here);
      if (first != null) {
        issues.add(Issue.error(IssueCode.DUPLICATE_CODE, "code '" + value + "' appears twice in code list '" + root.text("id") + "'", here)
            .withHint("first at line " + first.line() + "; each code may appear once"));
      }
      Optional<java.time.LocalDate> from = code.date("validFrom");
      Optional<java.time.LocalDate> to = code.date("validTo");
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
        issues.add(Issue.error(IssueCode.RANGE_INVERTED, "code '" + value + "' is valid from " + from.get() + ", after its validTo " + to.get(),
            doc.locate(code.pointer("validFrom"))).withHint("validFrom is the first day and validTo the last day the code may be used"));
      }
      codes.add(new Code(value, code.localized("label"), code.optionalLocalized("description"), code.decimal("score"),
          from, to, code.optionalText("notes"), doc.locate(code.pointer())));
    }
    return new CodeList(root.text("id"), root.localized("title"), root.optionalLocalized("description"),
        root.optionalText("system").orElse("local"), root.optionalText("systemOid"), root.optionalText("systemVersion"),
        codes, root.optionalText("notes"), doc.locate(""));
  }

  // ---- indicators -----------------------------------------------------------------------------

  private Optional<Indicator> readIndicator(JsonDocument doc, Map<String, Form> forms, Set<String> brokenIds,
      Organisations organisations) {
    JsonFields root = new JsonFields(doc.root(), "");
    String formId = root.text("form");
    Form form = forms.get(formId);
    if (form == null) {
      if (!brokenIds.contains(formId)) {
        Issue issue = Issue.error(IssueCode.UNKNOWN_FORM, "unknown form '" + formId + "'", doc.locate("/form"));
        issues.add(NameSuggester.hint(formId, forms.keySet()).map(issue::withHint)
            .orElse(issue.withHint("forms of this registry: " + String.join(", ", forms.keySet()))));
      }
      return Optional.empty();
    }
    Indicator.Subject subject = Indicator.Subject.valueOf(root.text("subject").toUpperCase(Locale.ROOT));
    Indicator.Type type = Indicator.Type.valueOf(root.text("type").toUpperCase(Locale.ROOT));
    TypeEnvironment environment = indicatorEnvironment(form, forms, subject);

    Optional<Formula> period = formulas.number(root, "period", environment, doc);
    Optional<Formula> denominator = formulas.condition(root, "denominator", environment, doc);
    Optional<Formula> numerator = formulas.condition(root, "numerator", environment, doc);
    Optional<Formula> value = formulas.number(root, "value", environment, doc);
    if (type == Indicator.Type.PROPORTION && !root.has("numerator")) {
      issues.add(Issue.error(IssueCode.MISSING_KEY, "a proportion needs a 'numerator'", doc.locate(""))
          .withHint("add \"numerator\": the condition a counted case must meet, such as \"treated = true\""));
    }
    if ((type == Indicator.Type.MEAN || type == Indicator.Type.MEDIAN) && !root.has("value")) {
      issues.add(Issue.error(IssueCode.MISSING_KEY, "a " + type.name().toLowerCase(Locale.ROOT) + " needs a 'value' to average",
          doc.locate("")).withHint("add \"value\": the number expression to average, such as \"madrs_after\""));
    }
    List<Indicator.Exclusion> exclusions = new ArrayList<>();
    for (JsonFields exclusion : root.objects("exclusions")) {
      formulas.condition(exclusion, "when", environment, doc).ifPresent(when ->
          exclusions.add(new Indicator.Exclusion(exclusion.text("id"), when, exclusion.optionalLocalized("description"),
              exclusion.optionalText("notes"))));
    }
    Optional<Indicator.Levels> levels = readLevels(doc, root, type);
    String attribution = root.optionalText("attribution").orElse("unit");
    Optional<Formula> homeHf = readHomeHf(doc, root, environment, attribution, organisations);
    if (period.isEmpty() || denominator.isEmpty()) return Optional.empty();
    return Optional.of(new Indicator(root.text("id"), root.localized("title"), root.optionalLocalized("shortTitle"),
        root.optionalLocalized("description"), type, subject, formId, period.get(), denominator.get(), numerator, value,
        exclusions, levels, root.integer("minDenominator"),
        root.has("groupBy") ? root.texts("groupBy") : List.of("unit", "hf", "rhf", "national"),
        attribution, homeHf, root.optionalText("unitOfMeasure"), root.optionalText("kind"),
        root.optionalText("dimension"), root.bool("national"), root.optionalText("coverageIndicator"),
        root.optionalText("notes"), doc.locate("")));
  }

  /** {@code coverageIndicator} must name a coverage indicator of the registry. */
  private void checkCoverageIndicator(Indicator indicator, Map<String, Indicator> indicators, Set<String> brokenIds) {
    indicator.coverageIndicator().ifPresent(id -> {
      JsonDocument doc = documents.get(indicator.location().file());
      SourceLocation where = doc == null ? indicator.location() : doc.locate("/coverageIndicator");
      Indicator coverage = indicators.get(id);
      if (coverage == null && !brokenIds.contains(id)) {
        Issue issue = Issue.error(IssueCode.INVALID_VALUE, "coverageIndicator '" + id + "' is no indicator of this registry", where);
        issues.add(NameSuggester.hint(id, indicators.keySet()).map(issue::withHint).orElse(issue));
      } else if (coverage != null && coverage.type() != Indicator.Type.COVERAGE) {
        issues.add(Issue.error(IssueCode.INVALID_VALUE, "coverageIndicator '" + id + "' is a "
            + coverage.type().name().toLowerCase(Locale.ROOT) + " indicator, not a coverage one", where)
            .withHint("name an indicator of type coverage"));
      }
    });
  }

  /**
   * The home health trust of a case, required with {@code home_hf} attribution. When it reads a code
   * list, every code must name a health trust of the organisation table.
   */
  private Optional<Formula> readHomeHf(JsonDocument doc, JsonFields root, TypeEnvironment environment, String attribution,
      Organisations organisations) {
    Optional<Formula> homeHf;
    if (root.has("homeHf")) {
      homeHf = formulas.computation(root, "homeHf", environment, doc, ExprType.code("", Set.of()));
    } else if ("home_hf".equals(attribution) && environment.lookup(DEFAULT_HOME_HF).isPresent()) {
      // Without 'homeHf' a variable named home_hf is the home HF; without either, the run reports
      // the indicator's cases under an unknown HF.
      SourceLocation where = doc.locate("/attribution");
      homeHf = compiler.compile(DEFAULT_HOME_HF, environment, (text, start, end) -> where).expression()
          .filter(compiled -> compiled.type().kind() == ExprType.Kind.CODE || compiled.type().kind() == ExprType.Kind.TEXT)
          .map(compiled -> new Formula(DEFAULT_HOME_HF, compiled, where));
    } else {
      return Optional.empty();
    }
    homeHf.ifPresent(formula -> {
      for (String code : new java.util.TreeSet<>(formula.compiled().type().codes())) {
        if (organisations.healthTrust(code).isEmpty()) {
          Issue issue = Issue.error(IssueCode.UNKNOWN_ORGANISATION,
              "home HF code '" + code + "' of code list '" + formula.compiled().type().codeList().orElse("")
                  + "' is no health trust of the organisation table", doc.locate("/homeHf"));
          issues.add(NameSuggester.hint(code, organisations.healthTrusts().stream().map(Organisations.HealthTrust::id).toList())
              .map(issue::withHint).orElse(issue.withHint("use the health-trust ids of the organisation table as codes")));
        }
      }
    });
    return homeHf;
  }

  /** The variable that gives the home HF when an indicator with home-HF attribution names none. */
  static final String DEFAULT_HOME_HF = "home_hf";

  /** The names an indicator reads: the base form's variables, and with a patient subject every form as rows. */
  private static TypeEnvironment indicatorEnvironment(Form form, Map<String, Form> forms, Indicator.Subject subject) {
    TypeEnvironment environment = form.environment();
    if (subject == Indicator.Subject.PATIENT) {
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

  private Optional<Indicator.Levels> readLevels(JsonDocument doc, JsonFields root, Indicator.Type type) {
    if (!root.has("levels")) return Optional.empty();
    JsonFields levels = new JsonFields(root.node().get("levels"), "/levels");
    boolean higher = "higher".equals(levels.text("direction"));
    BigDecimal high = levels.decimal("high").orElse(BigDecimal.ZERO);
    BigDecimal medium = levels.decimal("medium").orElse(high);
    boolean wrongOrder = higher ? medium.compareTo(high) > 0 : medium.compareTo(high) < 0;
    if (wrongOrder) {
      issues.add(Issue.error(IssueCode.RANGE_INVERTED,
              "with direction '" + levels.text("direction") + "', the medium level " + medium.toPlainString()
                  + " must be " + (higher ? "at most" : "at least") + " the high level " + high.toPlainString(),
              doc.locate("/levels/medium"))
          .withHint(higher ? "higher is better: high is the upper threshold" : "lower is better: high is the lower threshold"));
    }
    boolean share = type == Indicator.Type.PROPORTION || type == Indicator.Type.COVERAGE;
    for (String key : List.of("high", "medium")) {
      Optional<BigDecimal> level = levels.decimal(key);
      if (share && level.isPresent() && (level.get().signum() < 0 || level.get().compareTo(BigDecimal.ONE) > 0)) {
        issues.add(Issue.error(IssueCode.INVALID_VALUE, "a level of a share must lie between 0 and 1",
                doc.locate("/levels/" + key))
            .withHint("write 80 % as 0.80"));
      }
    }
    return Optional.of(new Indicator.Levels(higher, high, medium));
  }

  // ---- field rules (Bean Validation) ---------------------------------------------------------------

  private void validateFields(CodeList list) {
    report(validator.validate(list), list.location(), "id");
    list.codes().forEach(code -> report(validator.validate(code), code.location(), "code"));
  }

  private void validateFields(Form form) {
    report(validator.validate(form), form.location(), "id");
    validateItems(form.items());
    form.rules().forEach(rule -> report(validator.validate(rule), rule.location(), "id"));
  }

  private void validateItems(List<FormItem> items) {
    for (FormItem item : items) {
      String idKey = item instanceof Variable ? "variable" : item instanceof Section ? "section"
          : item instanceof RepeatGroup ? "repeat" : "note";
      report(validator.validate(item), item.location(), idKey);
      if (item instanceof Section s) validateItems(s.items());
      if (item instanceof RepeatGroup r) validateItems(r.items());
    }
  }

  private void validateFields(Indicator indicator) {
    report(validator.validate(indicator), indicator.location(), "id");
  }

  /** Reports each violation at the JSON location of the field it concerns. */
  private <T> void report(Set<ConstraintViolation<T>> violations, SourceLocation owner, String idKey) {
    JsonDocument doc = documents.get(owner.file());
    for (ConstraintViolation<T> violation : violations) {
      String field = firstNode(violation.getPropertyPath());
      String key = field.equals("id") ? idKey : field;
      String pointer = owner.jsonPointer() + "/" + JsonDocument.escape(key);
      SourceLocation where = doc == null ? owner : doc.locate(pointer);
      Object value = violation.getInvalidValue();
      // The value as written in the file: a number too large for the model is shown as the author wrote it.
      String written = Optional.ofNullable(doc).flatMap(d -> d.at(pointer))
          .map(node -> node.isTextual() ? "'" + node.asText() + "'" : node.toString())
          .orElse(value instanceof String ? "'" + value + "'" : String.valueOf(value));
      Issue issue = Issue.error(IssueCode.INVALID_VALUE, "'" + key + "' is " + written + ", but " + violation.getMessage(),
          where);
      if (field.equals("id") && value instanceof String text) {
        issue = issue.withHint("for example '" + snakeCase(text) + "'");
      }
      issues.add(issue);
    }
  }

  /** {@code Body-Weight} as {@code body_weight}: a suggestion for an id that breaks the pattern. */
  private static String snakeCase(String id) {
    String snake = Ids.snakeCase(id);
    return snake.isEmpty() ? "x" : snake;
  }

  private static String firstNode(jakarta.validation.Path path) {
    for (Node node : path) {
      if (node.getName() != null) return node.getName();
    }
    return "";
  }
}
