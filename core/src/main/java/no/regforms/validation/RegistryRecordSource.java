package no.regforms.validation;

import no.regforms.record.Record;

/**
 * A host application's object that holds one registry record, so that {@link ValidRegistryRecord}
 * can validate it with Jakarta Bean Validation.
 *
 * <p>Implement it on the class that carries the annotation: a form-backing bean, an entity, a
 * message.
 */
public interface RegistryRecordSource {

  /**
   * The record this object holds.
   *
   * @return the record, or {@code null} when the object holds none yet, which Bean Validation
   *     counts as valid (combine with {@code @NotNull} on the relevant field to demand one)
   */
  Record toRecord();
}
