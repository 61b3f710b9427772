package no.regforms.record;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One filled-in form: the envelope (registry, form, version, ids, unit) and its values.
 *
 * <p>Immutable. {@link #toString()} prints no identifier and no value, because a record holds
 * health data; log the form id and line number instead.
 *
 * @param registry registry id
 * @param form form id
 * @param version definition version the record was made with (may be empty)
 * @param id the record's own id (may be empty)
 * @param patient pseudonymous patient key (may be empty)
 * @param unit the reporting unit's RESH id (may be empty)
 * @param links the records this one belongs to, by the form's link id: a follow-up's {@code
 *     "course"} names its course's record id (empty when the form declares no links)
 * @param values the values, keyed by variable id
 * @param line the line the record was read from, or 0
 */
public record Record(
    String registry,
    String form,
    String version,
    String id,
    String patient,
    String unit,
    Map<String, String> links,
    RecordValues values,
    long line) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Record {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(unit, "unit");
    links = Map.copyOf(links);
    Objects.requireNonNull(values, "values");
  }

  /** A record without links to other records. */
  public Record(
      String registry,
      String form,
      String version,
      String id,
      String patient,
      String unit,
      RecordValues values,
      long line) {
    this(registry, form, version, id, patient, unit, Map.of(), values, line);
  }

  /**
   * A record of {@code form} with {@code values} and an empty envelope otherwise; for tests and
   * embedding.
   */
  public static Record of(String registry, String form, RecordValues values) {
    return new Record(registry, form, "", "", "", "", values, 0);
  }

  /** The id of the record this one links to under {@code link}, if it names one. */
  public Optional<String> link(String link) {
    return Optional.ofNullable(links.get(link));
  }

  /** The record's id, if it has one. */
  public Optional<String> optionalId() {
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  @Override
  public String toString() {
    return "Record[registry="
        + registry
        + ", form="
        + form
        + (line > 0 ? ", line=" + line : "")
        + "]";
  }
}
