package no.regforms.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;

/** Reads the inclusion criteria of {@code registry.json}, compiling each check against its form. */
final class InclusionReader {

  private final FormulaCompiler formulas;
  private final List<Issue> issues;

  InclusionReader(FormulaCompiler formulas, List<Issue> issues) {
    this.formulas = formulas;
    this.issues = issues;
  }

  List<InclusionCriterion> read(
      JsonDocument registryFile, Map<String, Form> forms, VersionScope scope) {
    List<InclusionCriterion> out = new ArrayList<>();
    for (JsonFields criterion :
        new JsonFields(registryFile.root(), "", scope).objects("inclusion")) {
      String formId = criterion.text("form");
      Form form = forms.get(formId);
      if (form == null) {
        Issue issue =
            Issue.error(
                IssueCode.UNKNOWN_FORM,
                "unknown form '" + formId + "'",
                registryFile.locate(criterion.pointer("form")));
        issues.add(
            NameSuggester.hint(formId, forms.keySet())
                .map(issue::withHint)
                .orElse(
                    issue.withHint(
                        "forms of this registry: " + String.join(", ", forms.keySet()))));
        continue;
      }
      formulas
          .condition(criterion, "check", form.environment(), registryFile)
          .ifPresent(
              check ->
                  out.add(
                      new InclusionCriterion(
                          criterion.text("id"),
                          formId,
                          check,
                          criterion.localized("message"),
                          registryFile.locate(criterion.pointer()))));
    }
    return out;
  }
}
