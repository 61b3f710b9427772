package no.regforms.diagnostic;

/**
 * How serious an {@link Issue} is. Declared from most to least serious, so natural order sorts
 * errors first.
 */
public enum Severity {
  /** The definition cannot be used, or the record must not be accepted. */
  ERROR,
  /**
   * Suspicious but allowed; for records, a value the user must confirm (a plausible-range breach).
   */
  WARNING,
  /** For information only. */
  INFO;

  /**
   * The lower-case name used in printed and JSON output ({@code error}, {@code warning}, {@code
   * info}).
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
