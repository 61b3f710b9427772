package no.regforms.diagnostic;

/**
 * Thrown by the {@code …OrThrow()} accessors when a result has errors; carries every issue.
 *
 * <p>The engine reports problems as {@link Diagnostics}; this exception exists only for callers who
 * prefer to stop at the first failed step.
 */
public final class RegformsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostics diagnostics;

  /** An exception carrying {@code diagnostics}. */
  public RegformsException(Diagnostics diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = diagnostics;
  }

  /** Every issue that caused this exception. */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  private static String summary(Diagnostics diagnostics) {
    int errors = diagnostics.errors().size();
    return errors + (errors == 1 ? " error" : " errors") + ":\n" + diagnostics.toDisplayString();
  }
}
