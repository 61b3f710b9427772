package no.regforms.synthetic;

import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;

/**
 * A generated record, and the fault planted in it if it was made invalid on purpose.
 *
 * @param record the record
 * @param plantedFault the issue code the validator must report, for records made invalid on purpose
 */
public record SyntheticRecord(Record record, Optional<IssueCode> plantedFault) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public SyntheticRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(plantedFault, "plantedFault");
  }
}
