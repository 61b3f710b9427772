package no.regforms.indicator;

import java.util.Locale;

/** The organisation levels results are grouped at, from the smallest up. */
public enum GroupLevel {
  /** A reporting unit, by RESH id. */
  UNIT,
  /** A health trust (HF). */
  HF,
  /** A region (RHF). */
  RHF,
  /** The whole country. */
  NATIONAL;

  /**
   * The name used in definitions and outputs: {@code unit}, {@code hf}, {@code rhf}, {@code
   * national}.
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level named {@code key}. */
  public static GroupLevel fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
