package no.regforms.definition;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;

/**
 * Checks the field rules of the model (Jakarta Bean Validation annotations such as the id pattern)
 * on code lists, forms with every item, and indicators, and reports each violation at the JSON
 * location of the field it concerns, with the value as written in the file.
 */
final class FieldRuleChecker {

  private final Validator validator;
  private final Map<String, JsonDocument> documents;
  private final List<Issue> issues;

  /**
   * A checker that locates violations in {@code documents}, keyed by file, and adds them to {@code
   * issues}.
   */
  FieldRuleChecker(Validator validator, Map<String, JsonDocument> documents, List<Issue> issues) {
    this.validator = validator;
    this.documents = documents;
    this.issues = issues;
  }

  /** Checks a code list and each of its codes. */
  void check(CodeList list) {
    report(validator.validate(list), list.location(), "id");
    list.codes().forEach(code -> report(validator.validate(code), code.location(), "code"));
  }

  /** Checks a form, every item in it (repeat rows included) and its rules. */
  void check(Form form) {
    report(validator.validate(form), form.location(), "id");
    for (PlacedItem placed : ItemWalker.all(form.items())) {
      FormItem item = placed.item();
      String idKey =
          item instanceof Variable
              ? "variable"
              : item instanceof Section
                  ? "section"
                  : item instanceof RepeatGroup ? "repeat" : "note";
      report(validator.validate(item), item.location(), idKey);
    }
    form.rules().forEach(rule -> report(validator.validate(rule), rule.location(), "id"));
  }

  /** Checks an indicator. */
  void check(Indicator indicator) {
    report(validator.validate(indicator), indicator.location(), "id");
  }

  /** Reports each violation at the JSON location of the field it concerns. */
  private <T> void report(
      Set<ConstraintViolation<T>> violations, SourceLocation owner, String idKey) {
    JsonDocument doc = documents.get(owner.file());
    for (ConstraintViolation<T> violation : violations) {
      String field = firstNode(violation.getPropertyPath());
      String key = field.equals("id") ? idKey : field;
      String pointer = owner.jsonPointer() + "/" + JsonDocument.escape(key);
      SourceLocation where = doc == null ? owner : doc.locate(pointer);
      Object value = violation.getInvalidValue();
      // The value as written in the file: a number too large for the model is shown as the author
      // wrote it.
      String written =
          Optional.ofNullable(doc)
              .flatMap(d -> d.at(pointer))
              .map(node -> node.isTextual() ? "'" + node.asText() + "'" : node.toString())
              .orElse(value instanceof String ? "'" + value + "'" : String.valueOf(value));
      Issue issue =
          Issue.error(
              IssueCode.INVALID_VALUE,
              "'" + key + "' is " + written + ", but " + violation.getMessage(),
              where);
      if (field.equals("id") && value instanceof String text) {
        issue = issue.withHint("for example '" + Ids.suggestion(text) + "'");
      }
      issues.add(issue);
    }
  }

  private static String firstNode(jakarta.validation.Path path) {
    for (Node node : path) {
      if (node.getName() != null) return node.getName();
    }
    return "";
  }
}
