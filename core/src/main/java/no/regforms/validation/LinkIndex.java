package no.regforms.validation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.regforms.definition.Form;
import no.regforms.definition.FormLink;
import no.regforms.definition.FormScope;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;

/**
 * The link targets of a file of records, for validating the file in two passes: a first pass {@link
 * #add}s every record, and the index keeps only records of forms some link names (a course), by
 * form, patient (or unit) and id, and of each only the variables read through links, so it stays
 * small; the second pass validates every record with the index as its {@link LinkResolver}, in any
 * order of the file.
 *
 * <p>Not thread-safe while it is filled; read-only afterwards. It holds identifiers and values in
 * memory only, and {@link #toString()} says how many records it holds, nothing else.
 */
public final class LinkIndex implements LinkResolver {

  private record Key(String form, String owner, String id) {}

  private final Map<String, FormScope> scopes = new HashMap<>();
  private final Map<String, Set<String>> kept = new HashMap<>();
  private final Map<Key, Record> records = new HashMap<>();

  private LinkIndex() {}

  /** An empty index for the records of {@code registry}, over the links of every version it had. */
  public static LinkIndex of(Registry registry) {
    Objects.requireNonNull(registry, "registry");
    LinkIndex index = new LinkIndex();
    for (String version : registry.history().names()) {
      registry.atVersion(version).ifPresent(index::learn);
    }
    index.learn(registry);
    return index;
  }

  private void learn(Registry view) {
    for (Form form : view.forms().values()) {
      for (FormLink link : form.links()) {
        view.form(link.form()).ifPresent(target -> scopes.put(target.id(), target.scope()));
        Set<String> read = kept.computeIfAbsent(link.form(), f -> new TreeSet<>());
        for (String linkRead : form.linkReads()) {
          if (linkRead.startsWith(link.id() + ".")) {
            read.add(linkRead.substring(link.id().length() + 1));
          }
        }
      }
    }
  }

  /** Whether any form of the registry links to another: if not, a file needs no first pass. */
  public boolean hasLinks() {
    return !kept.isEmpty();
  }

  /** Keeps {@code record} if it is of a link's target form and has an id; ignores it otherwise. */
  public void add(Record record) {
    Set<String> variables = kept.get(record.form());
    if (variables == null || record.id().isEmpty()) return;
    Map<String, Object> values = new LinkedHashMap<>();
    for (String variable : variables) {
      Object value = record.values().get(variable);
      if (value != null) values.put(variable, value);
    }
    Record trimmed =
        new Record(
            record.registry(),
            record.form(),
            record.version(),
            record.id(),
            record.patient(),
            record.unit(),
            RecordValues.of(values),
            record.line());
    records.putIfAbsent(new Key(record.form(), owner(record.form(), record), record.id()), trimmed);
  }

  @Override
  public Optional<Record> find(Record from, FormLink link, String id) {
    return Optional.ofNullable(records.get(new Key(link.form(), owner(link.form(), from), id)));
  }

  /** The patient, or the unit for a unit form (a link joins forms of one scope). */
  private String owner(String targetForm, Record record) {
    return scopes.get(targetForm) == FormScope.UNIT ? record.unit() : record.patient();
  }

  /** How many records the index holds. */
  public int size() {
    return records.size();
  }

  @Override
  public String toString() {
    return "LinkIndex[" + records.size() + " records]";
  }
}
