package no.regforms.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExpressionCompiler;

/**
 * One load of one registry folder. Collects the issues of every file and goes on after each, so a
 * registry developer sees all problems in one run. Used once, then discarded.
 */
final class RegistryReader {

  private final Supplier<SchemaChecker> schemas;
  private final SchemaTrust trust;
  private final FormulaCompiler formulas;
  private final ExpressionCompiler compiler;
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, JsonDocument> documents = new HashMap<>();
  private final Map<String, String> firstFiles = new HashMap<>();
  private final FieldRuleChecker fieldRules;

  /**
   * A reader that checks each file against {@code schemas} unless {@code trust} says it was checked
   * when its module was built.
   */
  RegistryReader(
      Supplier<SchemaChecker> schemas,
      SchemaTrust trust,
      ExpressionCompiler compiler,
      Validator validator) {
    this.schemas = schemas;
    this.trust = trust;
    this.formulas = new FormulaCompiler(compiler, issues);
    this.compiler = compiler;
    this.fieldRules = new FieldRuleChecker(validator, documents, issues);
  }

  LoadResult read(DefinitionSource source) {
    if (!source.isFolder()) {
      issues.add(
          Issue.error(
                  IssueCode.FILE_MISSING,
                  "there is no registry folder '" + source.name() + "'",
                  SourceLocation.of(source.name(), 0, 0, ""))
              .withHint(
                  "give the path of a folder that holds registry.json, or the id of a registry module"));
      return result(null);
    }
    if (!source.hasRegistryFile()) {
      issues.add(
          Issue.error(
                  IssueCode.FILE_MISSING,
                  "the folder has no registry.json",
                  SourceLocation.of(DefinitionSource.REGISTRY_FILE, 0, 0, ""))
              .withHint(
                  "a registry folder holds registry.json, codelists/, forms/ and indicators/"));
      return result(null);
    }
    JsonDocument registryFile =
        parse(source, DefinitionSource.REGISTRY_FILE, SchemaChecker.FileKind.REGISTRY);
    Map<String, JsonDocument> unchecked = new LinkedHashMap<>();
    List<JsonDocument> codeListFiles =
        parseAll(source, "codelists", SchemaChecker.FileKind.CODE_LIST, unchecked);
    ItemLibrary library =
        new ItemLibrary(
            parseAll(source, "library", SchemaChecker.FileKind.LIBRARY, unchecked), issues);
    List<JsonDocument> formFiles =
        expandForms(
            parseAll(source, "forms", SchemaChecker.FileKind.FORM, unchecked), library, unchecked);
    IndicatorExpansion indicatorExpansion = new IndicatorExpansion(registryFile, issues);
    List<JsonDocument> indicatorFiles =
        expanded(
            parseAll(source, "indicators", SchemaChecker.FileKind.INDICATOR, unchecked),
            indicatorExpansion::expand,
            SchemaChecker.FileKind.INDICATOR,
            unchecked);

    Registry.Header header = registryFile == null ? null : readHeader(registryFile);
    Set<String> brokenIds = new HashSet<>();
    unchecked.values().forEach(doc -> doc.at("/id").ifPresent(id -> brokenIds.add(id.asText())));

    Organisations organisations =
        new OrganisationReader(issues)
            .read(
                source.has(DefinitionSource.ORGANISATIONS_FILE)
                    ? parse(
                        source,
                        DefinitionSource.ORGANISATIONS_FILE,
                        SchemaChecker.FileKind.ORGANISATIONS)
                    : null);
    JsonDocument profileFile =
        source.has(SyntheticProfile.FILE)
            ? parse(source, SyntheticProfile.FILE, SchemaChecker.FileKind.SYNTHETIC)
            : null;
    Files files =
        new Files(
            registryFile,
            codeListFiles,
            formFiles,
            indicatorFiles,
            profileFile,
            brokenIds,
            organisations);
    if (header == null) {
      build(files, null, "", VersionScope.ALL, true);
      return result(null);
    }
    HistoryReader historyReader = new HistoryReader(issues);
    List<String> names = historyReader.readVersions(registryFile, header.version);
    formFiles.forEach(historyReader::readForm);
    codeListFiles.forEach(historyReader::readCodeList);
    historyReader.readInclusion(registryFile);

    Map<String, Registry> views =
        new VersionedBuild(issues, names, header.version)
            .run(
                name ->
                    build(
                        files,
                        header,
                        name,
                        names.size() > 1 ? VersionScope.of(names, name) : VersionScope.ALL,
                        name.equals(header.version)));
    VersionHistory history =
        historyReader.history(
            new MigrationReader(formulas, issues).read(registryFile, names, views));
    Registry current = views.get(header.version);
    if (current == null || hasErrors()) {
      return result(null);
    }
    return result(current.withHistory(history, views));
  }

  /** The files of one registry folder, read once and built into the registry of each version. */
  private record Files(
      JsonDocument registryFile,
      List<JsonDocument> codeLists,
      List<JsonDocument> forms,
      List<JsonDocument> indicators,
      JsonDocument profile,
      Set<String> brokenIds,
      Organisations organisations) {}

  /**
   * The registry of one version, or null when it has errors. Indicators and the synthetic profile
   * belong to the current version only ({@code current}): indicators read the current names, over
   * records of every version, and change by reporting year ({@code history} in their files).
   */
  private Registry build(
      Files files, Registry.Header header, String version, VersionScope scope, boolean current) {
    int mark = issues.size();
    Map<String, CodeList> codeLists = new LinkedHashMap<>();
    CodeListReader codeListReader = new CodeListReader(issues);
    for (JsonDocument doc : files.codeLists()) {
      CodeList list = codeListReader.read(doc, scope);
      putUnique(codeLists, list.id(), list, doc, "code list");
    }
    Set<String> missingReasons = new LinkedHashSet<>(Registry.BUILT_IN_MISSING_REASONS.keySet());
    if (header != null) missingReasons.addAll(header.missingReasons.keySet());

    Map<String, Form> forms = new LinkedHashMap<>();
    Set<String> notInVersion = new HashSet<>(files.brokenIds());
    // Two passes: a form's links read the variables of forms that may come later in the folder.
    List<Map.Entry<JsonDocument, FormReader>> readers = new ArrayList<>();
    Map<String, LinkReader.Target> linkTargets = new HashMap<>();
    for (JsonDocument doc : files.forms()) {
      if (!scope.includes(doc.root())) {
        doc.at("/id").ifPresent(id -> notInVersion.add(id.asText()));
        continue;
      }
      FormReader reader =
          new FormReader(
              doc, formulas, codeLists, files.brokenIds(), missingReasons, version, issues, scope);
      readers.add(Map.entry(doc, reader));
      LinkReader.Target target = reader.linkTarget();
      linkTargets.putIfAbsent(target.form(), target);
    }
    for (Map.Entry<JsonDocument, FormReader> entry : readers) {
      Form form = entry.getValue().read(linkTargets);
      putUnique(forms, form.id(), form, entry.getKey(), "form");
    }
    if (header != null && files.registryFile() != null) {
      forms = ordered(forms, header.formOrder, files.registryFile(), notInVersion);
    }
    Map<String, Indicator> indicators = new LinkedHashMap<>();
    Map<String, List<IndicatorVersion>> indicatorVersions = new LinkedHashMap<>();
    IndicatorReader indicatorReader = new IndicatorReader(formulas, compiler, issues);
    IndicatorHistoryReader historyReader = new IndicatorHistoryReader(formulas, issues);
    for (JsonDocument doc : current ? files.indicators() : List.<JsonDocument>of()) {
      Optional<Indicator> read =
          indicatorReader.read(
              doc,
              forms,
              files.brokenIds(),
              files.organisations(),
              header == null ? Optional.empty() : header.episodeKey);
      if (read.isEmpty()) continue;
      putUnique(indicators, read.get().id(), read.get(), doc, "indicator");
      indicatorVersions.put(
          read.get().id(), historyReader.read(doc, read.get(), forms, indicatorReader));
    }
    List<InclusionCriterion> inclusion =
        files.registryFile() == null
            ? List.of()
            : new InclusionReader(formulas, issues).read(files.registryFile(), forms, scope);
    Optional<SyntheticProfile> profile = Optional.empty();
    if (current && files.profile() != null) {
      profile =
          Optional.of(
              new SyntheticProfileReader(files.profile(), forms, files.brokenIds(), issues).read());
    }

    indicatorReader.checkCoverageIndicators(indicators, files.brokenIds(), documents);
    codeLists.values().forEach(fieldRules::check);
    forms.values().forEach(fieldRules::check);
    indicators.values().forEach(fieldRules::check);

    if (header == null || issues.subList(mark, issues.size()).stream().anyMatch(Issue::isError))
      return null;
    return new Registry(
        header,
        version,
        codeLists,
        forms,
        indicators,
        files.organisations(),
        profile,
        indicatorVersions,
        inclusion);
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
      issues.add(
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot read the file: " + e.getMessage(),
              SourceLocation.of(file, 0, 0, "")));
      return null;
    }
    JsonDocument.Result parsed = JsonDocument.parse(file, text);
    if (parsed.issue() != null) {
      issues.add(parsed.issue());
      return null;
    }
    JsonDocument doc = parsed.document();
    documents.put(file, doc);
    List<Issue> violations = trust.trusts(file, text) ? List.of() : schemas.get().check(doc, kind);
    issues.addAll(violations);
    return violations.isEmpty() ? doc : null;
  }

  /** Parses every file of a folder; files that fail the schema go to {@code unchecked} only. */
  private List<JsonDocument> parseAll(
      DefinitionSource source,
      String folder,
      SchemaChecker.FileKind kind,
      Map<String, JsonDocument> unchecked) {
    List<String> files;
    try {
      files = source.files(folder);
    } catch (IOException e) {
      issues.add(
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot list the folder: " + e.getMessage(),
              SourceLocation.of(folder, 0, 0, "")));
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

  /** The forms with their library uses and defaults resolved. */
  private List<JsonDocument> expandForms(
      List<JsonDocument> forms, ItemLibrary library, Map<String, JsonDocument> unchecked) {
    return expanded(
        forms,
        form -> {
          Map<String, JsonDocument.Origin> origins = new HashMap<>();
          ObjectNode root = library.expand(form, origins);
          FormDefaults.apply(root, form, origins);
          return root.equals(form.root()) ? form : form.expanded(root, origins, Map.of());
        },
        SchemaChecker.FileKind.FORM,
        unchecked);
  }

  /**
   * Each of {@code files} as {@code expand} resolves it, checked against the schema once more when
   * it changed: an override or a default must still make a valid file. A file that does not is left
   * to {@code unchecked}.
   */
  private List<JsonDocument> expanded(
      List<JsonDocument> files,
      UnaryOperator<JsonDocument> expand,
      SchemaChecker.FileKind kind,
      Map<String, JsonDocument> unchecked) {
    List<JsonDocument> out = new ArrayList<>();
    for (JsonDocument file : files) {
      JsonDocument doc = expand.apply(file);
      documents.put(doc.file(), doc);
      List<Issue> violations =
          doc == file || trust.trustsExpansions() ? List.of() : schemas.get().check(doc, kind);
      issues.addAll(violations);
      if (violations.isEmpty()) {
        out.add(doc);
      } else {
        unchecked.put(doc.file(), doc);
      }
    }
    return out;
  }

  private <T> void putUnique(
      Map<String, T> map, String id, T value, JsonDocument doc, String what) {
    String firstFile = firstFiles.putIfAbsent(what + "/" + id, doc.file());
    if (map.putIfAbsent(id, value) != null) {
      issues.add(
          Issue.error(
                  IssueCode.DUPLICATE_ID,
                  what + " id '" + id + "' is already used by " + firstFile,
                  doc.locate("/id"))
              .withHint("ids must be unique within a registry; rename one of them"));
    }
  }

  // ---- registry.json ---------------------------------------------------------------------------

  /**
   * The forms in the order {@code registry.json} names them, the others after them in file order.
   */
  private Map<String, Form> ordered(
      Map<String, Form> forms,
      List<String> order,
      JsonDocument registryFile,
      Set<String> brokenIds) {
    Map<String, Form> out = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      Form form = forms.get(id);
      if (form != null) {
        out.put(id, form);
      } else if (!brokenIds.contains(id)) {
        Issue issue =
            Issue.error(
                IssueCode.UNKNOWN_FORM,
                "unknown form '" + id + "' in the order of forms",
                registryFile.locate("/forms/" + i));
        issues.add(
            NameSuggester.hint(id, forms.keySet())
                .map(issue::withHint)
                .orElse(
                    issue.withHint(
                        "forms of this registry: " + String.join(", ", forms.keySet()))));
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
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "registry id '" + header.id + "' " + Ids.MESSAGE,
                  doc.locate("/id"))
              .withHint("for example '" + Ids.suggestion(header.id) + "'"));
    }
    header.title = root.localized("title");
    header.description = root.optionalLocalized("description");
    header.version = root.text("version");
    if (root.has("forms")) header.formOrder = root.texts("forms");
    if (root.has("languages")) header.languages = root.texts("languages");
    if (root.has("owner")) {
      JsonFields owner = new JsonFields(root.node().get("owner"), "/owner");
      header.owner =
          Optional.of(
              new Registry.Owner(
                  owner.localized("name"),
                  owner.optionalText("organisationNumber"),
                  owner.optionalText("email"),
                  owner.optionalText("url")));
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
    header.episodeKey = root.optionalText("episodeKey");
    Map<String, LocalizedText> reasons = new LinkedHashMap<>();
    root.node()
        .path("missingReasons")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().matches(Ids.PATTERN)) {
                issues.add(
                    Issue.error(
                        IssueCode.INVALID_VALUE,
                        "missing-value reason '" + e.getKey() + "' " + Ids.MESSAGE,
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
        issues.add(
            Issue.error(
                    IssueCode.INVALID_VALUE,
                    "temporal " + key + " '" + temporal.text(key) + "' is not a calendar date",
                    doc.locate("/temporal/" + key))
                .withHint("write the date as yyyy-mm-dd"));
      }
    }
    if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "temporal ends on " + end.get() + ", before its start " + start.get(),
                  doc.locate("/temporal/end"))
              .withHint("start is the first day the data cover, end the last"));
    }
    return start.map(first -> new Registry.Period(first, end));
  }

  private void checkLanguages(JsonDocument doc, Registry.Header header) {
    if (!header.languages.isEmpty()
        && !header.languages.get(0).equals(LocalizedText.DEFAULT_LANGUAGE)
        && !header.languages.contains(LocalizedText.DEFAULT_LANGUAGE)) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE, "languages must include 'nb'", doc.locate("/languages"))
              .withHint("every text has a Norwegian Bokmål version; list \"nb\" first"));
    }
  }
}
