package no.regforms.definition;

/** Who answers a form or a variable. */
public enum Respondent {
  /** Registry staff or the treating clinician. */
  CLINICIAN,
  /** The patient (PROM and PREM forms). */
  PATIENT
}
