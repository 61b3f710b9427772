package no.regforms.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.expression.ExprType;

/**
 * Reads the {@code migrate} steps of each released version and checks them against the registries
 * of the version before and the version itself: a step reads variables the previous version had and
 * writes variables the new version has, recodes codes of the right lists, converts numbers, and
 * computes split and merged values with expressions typed against the previous version's form.
 */
final class MigrationReader {

  private final FormulaCompiler formulas;
  private final List<Issue> issues;

  MigrationReader(FormulaCompiler formulas, List<Issue> issues) {
    this.formulas = formulas;
    this.issues = issues;
  }

  /**
   * The steps of every version, by version name; {@code views} holds the registry of each version
   * that loaded.
   */
  Map<String, List<MigrationStep>> read(
      JsonDocument registryFile, List<String> names, Map<String, Registry> views) {
    Map<String, List<MigrationStep>> out = new LinkedHashMap<>();
    for (JsonFields entry : entries(registryFile)) {
      read(registryFile, names, entry, views::get)
          .ifPresent(steps -> out.put(entry.text("version"), steps));
    }
    return out;
  }

  /**
   * The steps of version {@code name} alone, checked against the registries {@code views} gives for
   * it and the version before (read when an earlier version is built on first use).
   */
  List<MigrationStep> readVersion(
      JsonDocument registryFile,
      List<String> names,
      String name,
      Function<String, Registry> views) {
    for (JsonFields entry : entries(registryFile)) {
      if (entry.text("version").equals(name)) {
        return read(registryFile, names, entry, views).orElse(List.of());
      }
    }
    return List.of();
  }

  private static List<JsonFields> entries(JsonDocument registryFile) {
    return new JsonFields(registryFile.root(), "").objects("versions");
  }

  /**
   * The steps of one entry of {@code versions}; empty when it has none, or when a registry they are
   * checked against did not load ({@code views} gives null).
   */
  private Optional<List<MigrationStep>> read(
      JsonDocument registryFile,
      List<String> names,
      JsonFields entry,
      Function<String, Registry> views) {
    String name = entry.text("version");
    int index = names.indexOf(name);
    List<JsonFields> steps = entry.objects("migrate");
    if (steps.isEmpty() || index < 0) return Optional.empty();
    if (index == 0) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "the first version has no version before it to migrate from",
                  registryFile.locate(entry.pointer("migrate")))
              .withHint("put migration steps on the version they lead to"));
      return Optional.empty();
    }
    Registry before = views.apply(names.get(index - 1));
    Registry after = views.apply(name);
    if (before == null || after == null) return Optional.empty();
    List<MigrationStep> read = new ArrayList<>();
    for (JsonFields step : steps) step(registryFile, step, before, after).ifPresent(read::add);
    return Optional.of(read);
  }

  private Optional<MigrationStep> step(
      JsonDocument doc, JsonFields step, Registry before, Registry after) {
    String formId = step.text("form");
    Optional<Form> old = before.form(formId);
    Optional<Form> now = after.form(formId);
    if (old.isEmpty() || now.isEmpty()) {
      issues.add(
          Issue.error(
                  IssueCode.UNKNOWN_FORM,
                  "form '"
                      + formId
                      + "' is not in version "
                      + (old.isEmpty() ? before.version() : after.version()),
                  doc.locate(step.pointer("form")))
              .withHint("a migration step changes records of a form both versions have"));
      return Optional.empty();
    }
    Optional<LocalizedText> why = step.optionalLocalized("why");
    if (step.has("rename")) {
      String from = step.text("rename");
      String to = step.text("to");
      // Both names are checked, so one run reports both when both are unknown.
      boolean fromKnown = known(doc, step, "rename", old.get(), from);
      boolean toKnown = known(doc, step, "to", now.get(), to);
      boolean ok = fromKnown && toKnown;
      if (ok && type(old.get(), from).kind() != type(now.get(), to).kind()) {
        issues.add(
            Issue.error(
                    IssueCode.TYPE_MISMATCH,
                    "'"
                        + from
                        + "' is a "
                        + type(old.get(), from).displayName()
                        + " but '"
                        + to
                        + "' is a "
                        + type(now.get(), to).displayName(),
                    doc.locate(step.pointer("to")))
                .withHint("a rename keeps the value; change its type with split or merge"));
        ok = false;
      }
      return ok
          ? Optional.of(
              new MigrationStep(
                  MigrationStep.Kind.RENAME,
                  formId,
                  List.of(from),
                  Optional.of(to),
                  Map.of(),
                  BigDecimal.ONE,
                  BigDecimal.ZERO,
                  Map.of(),
                  why,
                  doc.locate(step.pointer())))
          : Optional.empty();
    }
    if (step.has("recode")) {
      String variable = step.text("recode");
      if (!known(doc, step, "recode", old.get(), variable)) return Optional.empty();
      Map<String, String> map = new LinkedHashMap<>();
      step.node()
          .path("map")
          .fields()
          .forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
      boolean ok = true;
      for (Map.Entry<String, String> e : map.entrySet()) {
        ok &=
            code(
                doc,
                step.pointer("map") + "/" + JsonDocument.escape(e.getKey()),
                type(old.get(), variable),
                e.getKey(),
                true,
                before);
        ok &=
            code(
                doc,
                step.pointer("map") + "/" + JsonDocument.escape(e.getKey()),
                targetType(now.get(), variable, type(old.get(), variable)),
                e.getValue(),
                false,
                after);
      }
      return ok
          ? Optional.of(
              new MigrationStep(
                  MigrationStep.Kind.RECODE,
                  formId,
                  List.of(variable),
                  Optional.empty(),
                  map,
                  BigDecimal.ONE,
                  BigDecimal.ZERO,
                  Map.of(),
                  why,
                  doc.locate(step.pointer())))
          : Optional.empty();
    }
    if (step.has("convert")) {
      String variable = step.text("convert");
      if (!known(doc, step, "convert", old.get(), variable)) return Optional.empty();
      if (type(old.get(), variable).kind() != ExprType.Kind.NUMBER) {
        issues.add(
            Issue.error(
                    IssueCode.TYPE_MISMATCH,
                    "'" + variable + "' is not a number; only numbers convert",
                    doc.locate(step.pointer("convert")))
                .withHint("recode codes with 'recode'"));
        return Optional.empty();
      }
      return Optional.of(
          new MigrationStep(
              MigrationStep.Kind.CONVERT,
              formId,
              List.of(variable),
              Optional.empty(),
              Map.of(),
              step.decimal("factor").orElse(BigDecimal.ONE),
              step.decimal("offset").orElse(BigDecimal.ZERO),
              Map.of(),
              why,
              doc.locate(step.pointer())));
    }
    boolean split = step.has("split");
    List<String> read = split ? List.of(step.text("split")) : step.texts("merge");
    boolean ok = true;
    for (String variable : read)
      ok &= known(doc, step, split ? "split" : "merge", old.get(), variable);
    Map<String, Formula> into = new LinkedHashMap<>();
    JsonFields targets =
        split ? new JsonFields(step.node().get("into"), step.pointer("into")) : step;
    List<String> names = new ArrayList<>();
    if (split) step.node().get("into").fieldNames().forEachRemaining(names::add);
    else names.add(step.text("into"));
    for (String name : names) {
      if (!known(doc, step, "into", now.get(), name)) {
        ok = false;
        continue;
      }
      formulas
          .computation(
              targets, split ? name : "value", old.get().environment(), doc, type(now.get(), name))
          .ifPresentOrElse(f -> into.put(name, f), () -> {});
    }
    if (!ok || into.size() != names.size()) return Optional.empty();
    return Optional.of(
        new MigrationStep(
            split ? MigrationStep.Kind.SPLIT : MigrationStep.Kind.MERGE,
            formId,
            read,
            Optional.empty(),
            Map.of(),
            BigDecimal.ONE,
            BigDecimal.ZERO,
            into,
            why,
            doc.locate(step.pointer())));
  }

  /**
   * Whether {@code form} has {@code name} (a variable, or {@code repeat.member}); reports it if
   * not.
   */
  private boolean known(JsonDocument doc, JsonFields step, String key, Form form, String name) {
    if (lookup(form, name).isPresent()) return true;
    Issue issue =
        Issue.error(
            IssueCode.UNKNOWN_VARIABLE,
            "form '"
                + form.id()
                + "' of version "
                + form.version()
                + " has no variable '"
                + name
                + "'",
            doc.locate(step.pointer(key)));
    issues.add(
        NameSuggester.hint(name, form.environment().names().keySet())
            .map(issue::withHint)
            .orElse(
                issue.withHint(
                    key.equals("into") || key.equals("to")
                        ? "a step writes variables of the version it belongs to"
                        : "a step reads variables of the version before")));
    return false;
  }

  private static Optional<ExprType> lookup(Form form, String name) {
    int dot = name.indexOf('.');
    if (dot < 0) return form.environment().lookup(name);
    return form.environment()
        .lookup(name.substring(0, dot))
        .flatMap(rows -> Optional.ofNullable(rows.fields().get(name.substring(dot + 1))));
  }

  private static ExprType type(Form form, String name) {
    return lookup(form, name).orElseThrow();
  }

  /**
   * The type a recoded variable has in the new version: its own if it kept its name, else the old
   * one.
   */
  private static ExprType targetType(Form form, String name, ExprType old) {
    return lookup(form, name).orElse(old);
  }

  private boolean code(
      JsonDocument doc,
      String pointer,
      ExprType type,
      String code,
      boolean old,
      Registry registry) {
    if (type.kind() != ExprType.Kind.CODE && type.kind() != ExprType.Kind.CODES) {
      issues.add(
          Issue.error(IssueCode.TYPE_MISMATCH, "only code variables recode", doc.locate(pointer)));
      return false;
    }
    if (type.codes().isEmpty() || type.codes().contains(code)) return true;
    Issue issue =
        Issue.error(
            IssueCode.UNKNOWN_CODE,
            "code '"
                + code
                + "' is not in code list '"
                + type.codeList().orElse("")
                + "' of version "
                + registry.version(),
            old ? doc.locateKey(pointer) : doc.locate(pointer));
    issues.add(
        NameSuggester.hint(code, type.codes())
            .map(issue::withHint)
            .orElse(
                issue.withHint(
                    old
                        ? "map the codes the previous version had"
                        : "map to codes the new version has")));
    return false;
  }
}
