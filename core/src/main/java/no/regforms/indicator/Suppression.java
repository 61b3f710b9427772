package no.regforms.indicator;

/** Whether a result may be published, and why not. */
public enum Suppression {
  /** Published. */
  NONE,
  /** Hidden because its denominator is below the indicator's minimum. */
  PRIMARY,
  /**
   * Hidden although large enough, because publishing it with its parent's total would let a
   * primarily hidden result be worked out by subtraction.
   */
  SECONDARY;

  /** Whether the result is hidden. */
  public boolean isSuppressed() {
    return this != NONE;
  }
}
