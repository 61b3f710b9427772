package no.regforms.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.record.Record;

/**
 * One record carried to a target version: the record as the target version names it, and every step
 * that changed it. Holds health data: print {@link Change}s, never the record's values.
 *
 * @param record the migrated record, stamped with the target version (the input itself when nothing
 *     applied)
 * @param changes the steps that changed the record, in the order they ran
 * @param problem why the record could not be migrated (a version the registry never had, a target
 *     before the record's own version); the record is then returned unchanged
 */
public record MigrationResult(Record record, List<Change> changes, Optional<String> problem) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public MigrationResult {
    Objects.requireNonNull(record, "record");
    changes = List.copyOf(changes);
    Objects.requireNonNull(problem, "problem");
  }

  /** Whether any step changed the record's values. */
  public boolean touched() {
    return !changes.isEmpty();
  }

  /**
   * One step that changed a record.
   *
   * @param version the version whose migration the step belongs to
   * @param step the step's key word ({@code rename}, {@code recode}, {@code convert}, {@code
   *     split}, {@code merge})
   * @param read the variables it read, by their previous names
   * @param wrote the variables it wrote, by their new names
   * @param why the step's reason, when the definition gives one
   */
  public record Change(
      String version,
      String step,
      List<String> read,
      List<String> wrote,
      Optional<LocalizedText> why) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Change {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(step, "step");
      read = List.copyOf(read);
      wrote = List.copyOf(wrote);
      Objects.requireNonNull(why, "why");
    }
  }
}
