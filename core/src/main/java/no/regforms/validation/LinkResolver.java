package no.regforms.validation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.FormLink;
import no.regforms.record.Record;

/**
 * Finds the record a record links to, for {@link RecordValidator#validate(Record, LinkResolver)}:
 * the host's extension point for links between records (a follow-up's course), answered from its
 * own store.
 *
 * <p>An empty answer means the host has no such record, and the link is reported dangling ({@code
 * link_dangling}); validating without a resolver ({@link RecordValidator#validate(Record)}) checks
 * no link targets and leaves link reads unknown. The validator checks that the answer is a record
 * of the link's form for the same patient (or unit, for a unit form) and otherwise treats it as not
 * found. Implementations are called from the validating thread only.
 */
@FunctionalInterface
public interface LinkResolver {

  /**
   * The record of form {@code link.form()} whose id is {@code id}, of the same patient as {@code
   * from} (or the same unit, when {@code from} is a unit form's record), if the host has it.
   */
  Optional<Record> find(Record from, FormLink link, String id);

  /**
   * A resolver over records the caller holds (a patient's records, a unit's, a test's fixtures). A
   * record without a patient is a unit form's, and finds records of its own unit.
   */
  static LinkResolver of(Collection<Record> records) {
    List<Record> held = List.copyOf(records);
    return (from, link, id) ->
        held.stream()
            .filter(r -> r.form().equals(link.form()) && r.id().equals(id))
            .filter(
                r ->
                    from.patient().isEmpty()
                        ? r.unit().equals(from.unit())
                        : r.patient().equals(from.patient()))
            .findFirst();
  }
}
