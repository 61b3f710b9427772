package no.regforms.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Form;
import no.regforms.definition.FormLink;
import no.regforms.definition.FormScope;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.Severity;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.record.Record;

/**
 * A record's links: every link it carries is one its form declares, a required link is given, and
 * (with a {@link LinkResolver}) each names a record of the target form of the same patient or unit.
 * Gives the linked records' values as the form's expressions read them ({@code course.course_end});
 * a link that is absent or not found leaves its reads unknown.
 */
final class LinkCheck {

  /** The issues of the record's links, and the linked values by {@code link.variable}. */
  record Outcome(List<Issue> issues, Map<String, Object> values) {
    static final Outcome NONE = new Outcome(List.of(), Map.of());
  }

  private LinkCheck() {}

  /** Checks {@code record}'s links; {@code resolver} may be null (no link targets checked). */
  static Outcome run(CompiledForm compiled, Record record, LinkResolver resolver) {
    Form form = compiled.form();
    if (form.links().isEmpty() && record.links().isEmpty()) return Outcome.NONE;
    RecordPath whole = new RecordPath("", record.line());
    List<Issue> issues = new ArrayList<>();
    Map<String, Object> values = new HashMap<>();
    for (String given : record.links().keySet()) {
      if (form.link(given).isEmpty()) {
        issues.add(
            new Issue(
                Severity.ERROR,
                IssueCode.LINK_UNDECLARED,
                MessageCatalogue.localized("record.linkUndeclared", given),
                whole,
                Optional.of(
                    form.links().isEmpty()
                        ? "form '" + form.id() + "' declares no links"
                        : "links of form '"
                            + form.id()
                            + "': "
                            + String.join(
                                ", ", form.links().stream().map(FormLink::id).toList()))));
      }
    }
    for (FormLink link : form.links()) {
      Optional<String> id = record.link(link.id());
      if (id.isEmpty()) {
        if (link.required()) issues.add(missing(compiled, link, whole));
        continue;
      }
      if (resolver == null) continue;
      Optional<Record> target =
          resolver.find(record, link, id.get()).filter(found -> belongs(found, record, link, form));
      if (target.isEmpty()) {
        issues.add(
            new Issue(
                Severity.ERROR,
                IssueCode.LINK_DANGLING,
                MessageCatalogue.localized("record.linkDangling", link.id(), link.form()),
                whole,
                Optional.of(
                    "name the id of a record of form '"
                        + link.form()
                        + "' of the same "
                        + (form.scope() == FormScope.UNIT ? "unit" : "patient"))));
        continue;
      }
      read(compiled, link, target.get(), values);
    }
    return new Outcome(issues, values);
  }

  private static Issue missing(CompiledForm compiled, FormLink link, RecordPath whole) {
    Optional<Form> target = compiled.registry().form(link.form());
    return new Issue(
        Severity.ERROR,
        IssueCode.LINK_MISSING,
        MessageCatalogue.localized(
            catalogue ->
                catalogue.text(
                    "record.linkMissing",
                    link.label()
                        .or(() -> target.map(Form::title))
                        .map(text -> text.in(catalogue.language()))
                        .orElse(link.form()),
                    link.id())),
        whole,
        Optional.of(
            "add \"links\": {\"" + link.id() + "\": \"<id of the " + link.form() + " record>\"}"));
  }

  private static boolean belongs(Record found, Record from, FormLink link, Form form) {
    if (!found.form().equals(link.form())) return false;
    return form.scope() == FormScope.UNIT
        ? found.unit().equals(from.unit())
        : found.patient().equals(from.patient());
  }

  /** The target's recorded values under {@code link.variable}, typed as the target form says. */
  private static void read(
      CompiledForm compiled, FormLink link, Record target, Map<String, Object> values) {
    Optional<Form> targetForm = compiled.registry().form(link.form());
    if (targetForm.isEmpty()) return;
    for (Map.Entry<String, Object> value : target.values().asMap().entrySet()) {
      Variable variable = targetForm.get().variables().get(value.getKey());
      if (variable == null || variable.isComputed() || value.getValue() == null) continue;
      ValueReader.Read read = ValueReader.read(variable, value.getValue());
      if (read.isOk() && read.value() != null) {
        values.put(link.id() + "." + variable.id(), read.value());
      }
    }
  }
}
