package no.regforms.definition;

/** Whom one record of a form describes ({@code "scope"}): a patient, or a reporting unit. */
public enum FormScope {
  /** One record per patient and occasion; records carry the patient's key. */
  PATIENT,
  /**
   * One record per reporting unit (RESH id) and occasion, such as a unit's yearly survey: records
   * carry the unit and no patient.
   */
  UNIT;

  /**
   * The pseudo-patient key records of a unit form carried before forms had a scope ({@code
   * p-unit-<RESH>}); such records are still accepted, and the key is ignored.
   */
  public static String legacyPatientKey(String unit) {
    return "p-unit-" + unit;
  }
}
