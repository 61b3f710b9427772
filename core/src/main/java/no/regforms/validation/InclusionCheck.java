package no.regforms.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.InclusionCriterion;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.expression.EvaluationContext;
import no.regforms.record.Record;

/**
 * The registry's inclusion criteria on one checked record: a criterion of the record's form whose
 * check is false gives a {@code not_included} error; an unknown check (a value missing) gives none,
 * since {@code required} reports the missing value.
 */
final class InclusionCheck {

  private InclusionCheck() {}

  static List<Issue> run(
      Registry registry, Record record, ValidationResult checked, LocalDate today) {
    List<Issue> issues = new ArrayList<>();
    EvaluationContext context = context(checked, today);
    for (InclusionCriterion criterion : registry.inclusion()) {
      if (!criterion.form().equals(record.form())) continue;
      if (Boolean.FALSE.equals(criterion.check().compiled().evaluate(context))) {
        issues.add(
            new Issue(
                Severity.ERROR,
                IssueCode.NOT_INCLUDED,
                criterion.message(),
                new RecordPath("", record.line()),
                Optional.of(
                    "inclusion criterion '" + criterion.id() + "': " + criterion.check().text())));
      }
    }
    return issues;
  }

  /** The typed values of a checked record, as expressions read them. */
  private static EvaluationContext context(ValidationResult checked, LocalDate today) {
    return new EvaluationContext() {
      @Override
      public Object value(String name) {
        return checked.values().get(name);
      }

      @Override
      public LocalDate today() {
        return today;
      }
    };
  }
}
