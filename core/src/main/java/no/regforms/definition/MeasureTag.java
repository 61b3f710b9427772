package no.regforms.definition;

import java.util.Locale;

/**
 * What a patient's answers measure, as a form or variable declares it with {@code "tags"}: the
 * exports carry it so statisticians and catalogues can find a registry's patient-reported measures.
 */
public enum MeasureTag {
  /** Patient-reported outcome measure: the patient's health, symptoms or function. */
  PROM,
  /** Patient-reported experience measure: the patient's experience of the care. */
  PREM;

  /** The tag as definitions write it: {@code prom}, {@code prem}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The tag as exports print it: {@code PROM}, {@code PREM}. */
  public String label() {
    return name();
  }

  static MeasureTag fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
