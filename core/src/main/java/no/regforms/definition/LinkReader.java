package no.regforms.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.expression.ExprType;
import no.regforms.expression.TypeEnvironment;

/**
 * Reads a form's {@code links} and checks each against the registry's forms: a known target of the
 * same scope, an id unique among the form's links and variables. The form's expressions then read
 * the linked record's recorded top-level variables as {@code link.variable}.
 */
final class LinkReader {

  /**
   * What a link to one form can read: its scope and its recorded top-level variables (id to type).
   * Computed variables are left out: a link reads what the linked record holds.
   */
  record Target(String form, FormScope scope, Map<String, ExprType> variables) {}

  private final JsonDocument document;
  private final List<Issue> issues;

  LinkReader(JsonDocument document, List<Issue> issues) {
    this.document = document;
    this.issues = issues;
  }

  /**
   * The links of {@code root}, a form of {@code scope} whose top-level names are {@code names},
   * each problem added to the issues.
   */
  List<FormLink> read(
      JsonFields root, FormScope scope, Set<String> names, Map<String, Target> targets) {
    Set<String> seen = new HashSet<>();
    return root.objects("links").stream()
        .filter(link -> check(link, scope, names, targets, seen))
        .map(
            link ->
                new FormLink(
                    link.text("id"),
                    link.text("form"),
                    link.bool("required"),
                    link.optionalLocalized("label"),
                    link.optionalText("notes"),
                    document.locate(link.pointer())))
        .toList();
  }

  private boolean check(
      JsonFields link,
      FormScope scope,
      Set<String> names,
      Map<String, Target> targets,
      Set<String> seen) {
    String id = link.text("id");
    String form = link.text("form");
    if (!seen.add(id)) {
      issues.add(
          Issue.error(
                  IssueCode.DUPLICATE_ID,
                  "link '" + id + "' is declared twice in this form",
                  document.locate(link.pointer("id")))
              .withHint("give each link its own id, or remove the second one"));
      return false;
    }
    if (names.contains(id)) {
      issues.add(
          Issue.error(
                  IssueCode.DUPLICATE_ID,
                  "link '"
                      + id
                      + "' has the id of a variable or repeat group of this form, so '"
                      + id
                      + ".x' in an expression would be ambiguous",
                  document.locate(link.pointer("id")))
              .withHint("rename the link, e.g. '" + id + "_record'"));
      return false;
    }
    Target target = targets.get(form);
    if (target == null) {
      Issue issue =
          Issue.error(
              IssueCode.UNKNOWN_FORM,
              "link '" + id + "' names form '" + form + "', which the registry does not have",
              document.locate(link.pointer("form")));
      issues.add(
          NameSuggester.hint(form, targets.keySet())
              .map(issue::withHint)
              .orElse(issue.withHint("forms: " + String.join(", ", targets.keySet()))));
      return false;
    }
    if (target.scope() != scope) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "link '"
                      + id
                      + "' joins a "
                      + scopeName(scope)
                      + " form to form '"
                      + form
                      + "', a "
                      + scopeName(target.scope())
                      + " form; a link names a record of the same patient (or the same unit)",
                  document.locate(link.pointer("form")))
              .withHint("link to a form of the same scope, or read the value from this form"));
      return false;
    }
    return true;
  }

  private static String scopeName(FormScope scope) {
    return scope == FormScope.UNIT ? "unit" : "patient";
  }

  /** {@code environment} plus every link's readable variables. */
  static TypeEnvironment environment(
      TypeEnvironment environment, List<FormLink> links, Map<String, Target> targets) {
    TypeEnvironment linked = environment;
    for (FormLink link : links) {
      linked = linked.withLink(link.id(), targets.get(link.form()).variables());
    }
    return linked;
  }
}
