package no.regforms.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.Form;
import no.regforms.definition.FormScope;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.record.Record;

/**
 * A record of a unit form ({@code "scope": "unit"}) describes its unit and names no patient. (Like
 * any record, it may lack the unit: a form page or {@code eval} checks the values alone; indicators
 * count such a record under an unknown unit.) The pseudo-patient {@code p-unit-<RESH>} such records
 * carried before forms had a scope is still accepted (and means no patient), so earlier files keep
 * validating.
 */
final class ScopeCheck {

  private ScopeCheck() {}

  static List<Issue> run(Form form, Record record) {
    if (form.scope() != FormScope.UNIT) return List.of();
    List<Issue> issues = new ArrayList<>();
    RecordPath whole = new RecordPath("", record.line());
    if (!record.patient().isEmpty()
        && !record.patient().equals(FormScope.legacyPatientKey(record.unit()))) {
      issues.add(
          new Issue(
              Severity.ERROR,
              IssueCode.WRONG_SCOPE,
              MessageCatalogue.localized("record.unitFormWithPatient"),
              whole,
              Optional.of(
                  "form '"
                      + form.id()
                      + "' is filled in per unit; its records carry \"unit\" only")));
    }
    return issues;
  }
}
