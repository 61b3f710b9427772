package no.regforms.importer;

import java.util.Locale;
import java.util.Objects;
import no.regforms.diagnostic.Severity;

/**
 * One entry of an import report: something of the codebook that was changed, could not be carried
 * over, or could not be read, located in the codebook and tied to the variable it concerns.
 *
 * <p>An {@link Severity#ERROR} means the codebook as a whole could not be imported (unreadable
 * file, unknown columns); every other entry concerns one form or variable and the import goes on.
 *
 * @param severity {@code ERROR} when nothing could be imported, {@code WARNING} when something of
 *     the source was not carried over, {@code INFO} when it was carried over in another shape
 * @param kind what the entry is about, a stable machine code
 * @param where the place in the codebook, such as {@code NoRGast.csv:12} or {@code
 *     Kodebok.xlsx[Tarmfunksjon]!B14}
 * @param form the id of the imported form, or empty for the registry as a whole
 * @param variable the id of the imported variable, or empty when the entry concerns a form
 * @param source the name the item has in the codebook
 * @param message what happened and why, in English
 */
public record ImportNote(
    Severity severity,
    Kind kind,
    String where,
    String form,
    String variable,
    String source,
    String message) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ImportNote {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** Stable machine codes for the entries of an import report. */
  public enum Kind {
    /** The file cannot be read as a codebook of the chosen format. */
    UNREADABLE,
    /** An id was changed to fit the snake_case id rule or to be unique; the source name is kept. */
    RENAMED,
    /** A field type the definition format has no counterpart for; the field was left out. */
    TYPE_NOT_SUPPORTED,
    /** Skip logic that could not be translated into the expression language. */
    LOGIC_NOT_TRANSLATED,
    /** A calculation that could not be translated into the expression language. */
    CALCULATION_NOT_TRANSLATED,
    /** A limit (range, length, pattern) that could not be carried over. */
    LIMIT_NOT_CARRIED,
    /** A code that stands for "nothing chosen" and was left out of its code list. */
    PLACEHOLDER_CODE_DROPPED,
    /**
     * A form-version range, which the definition format holds only as dates; kept in the
     * description.
     */
    VERSION_RANGE,
    /** Any other value of the codebook that has no place in the definition format. */
    NOT_CARRIED,
    /** A row of the codebook that could not be read and was skipped. */
    ROW_SKIPPED;

    /** The lower-case code, such as {@code logic_not_translated}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
