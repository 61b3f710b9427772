package no.regforms.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExpressionCompiler;

/**
 * One load of one registry folder. Collects the issues of every file and goes on after each, so a
 * registry developer sees all problems in one run. Used once, then discarded.
 */
final class RegistryReader {

  private final Supplier<SchemaChecker> schemas;
  private final SchemaTrust trust;
  private final ExpressionCompiler compiler;
  private final Validator validator;
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, JsonDocument> documents = new HashMap<>();

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
    this.compiler = compiler;
    this.validator = validator;
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
    VersionBuilder.Files files =
        new VersionBuilder.Files(
            registryFile,
            codeListFiles,
            formFiles,
            indicatorFiles,
            profileFile,
            brokenIds,
            organisations);
    VersionBuilder builder = new VersionBuilder(compiler, validator, documents, issues);
    if (header == null) {
      builder.build(files, null, "", VersionScope.ALL, true);
      return result(null);
    }
    HistoryReader historyReader = new HistoryReader(issues);
    List<String> names = historyReader.readVersions(registryFile, header.version);
    formFiles.forEach(historyReader::readForm);
    codeListFiles.forEach(historyReader::readCodeList);
    historyReader.readInclusion(registryFile);
    if (names.size() > 1 && trust.trustsExpansions()) {
      return readCurrent(files, header, names, builder, historyReader);
    }

    Map<String, Registry> views =
        new VersionedBuild(issues, names, header.version)
            .run(
                name ->
                    builder.build(
                        files,
                        header,
                        name,
                        names.size() > 1 ? VersionScope.of(names, name) : VersionScope.ALL,
                        name.equals(header.version)));
    Map<String, List<MigrationStep>> migrations =
        new MigrationReader(new FormulaCompiler(compiler, issues), issues)
            .read(registryFile, names, views);
    VersionHistory history =
        historyReader.history(version -> migrations.getOrDefault(version, List.of()));
    Registry current = views.get(header.version);
    if (current == null || hasErrors()) {
      return result(null);
    }
    return result(current.withHistory(history, VersionViews.built(current, views)));
  }

  /**
   * A load whose every file is as the module's build checked it, every version with it ({@link
   * ModuleBuildCheck}): only the current version is built now; each earlier version, and each
   * version's migration steps, are built the first time something asks for them ({@link
   * FirstUseBuild}).
   */
  private LoadResult readCurrent(
      VersionBuilder.Files files,
      Registry.Header header,
      List<String> names,
      VersionBuilder builder,
      HistoryReader historyReader) {
    Registry current =
        builder.build(files, header, header.version, VersionScope.of(names, header.version), true);
    if (current == null || hasErrors()) {
      return result(null);
    }
    FirstUseBuild later =
        new FirstUseBuild(compiler, validator, Map.copyOf(documents), files, header, names);
    VersionViews views = VersionViews.deferred(current, names, later::version);
    VersionHistory history = historyReader.history(version -> later.migrations(version, views));
    return result(current.withHistory(history, views));
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

  // ---- registry.json ---------------------------------------------------------------------------

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
