package no.regforms.definition;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.expression.ExpressionCompiler;

/**
 * Builds the registry of one released version from the files of a registry folder: its code lists,
 * forms, indicators and inclusion criteria as the version defines them, every expression compiled
 * and every field rule checked. Adds each issue to the list it was given. One builder serves every
 * version of a load (an id used twice is named by the file that used it first, in whichever
 * version).
 */
final class VersionBuilder {

  private final FormulaCompiler formulas;
  private final ExpressionCompiler compiler;
  private final FieldRuleChecker fieldRules;
  private final Map<String, JsonDocument> documents;
  private final List<Issue> issues;
  private final Map<String, String> firstFiles = new HashMap<>();

  /**
   * A builder that adds its issues to {@code issues}, locating them in {@code documents} (the files
   * read, keyed by file).
   */
  VersionBuilder(
      ExpressionCompiler compiler,
      Validator validator,
      Map<String, JsonDocument> documents,
      List<Issue> issues) {
    this.formulas = new FormulaCompiler(compiler, issues);
    this.compiler = compiler;
    this.fieldRules = new FieldRuleChecker(validator, documents, issues);
    this.documents = documents;
    this.issues = issues;
  }

  /** The files of one registry folder, read once and built into the registry of each version. */
  record Files(
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
  Registry build(
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
}
