package no.regforms.export;

import java.util.Objects;
import no.regforms.diagnostic.SourceLocation;

/**
 * Something of the definition a format could not carry, or carried only in part: a condition REDCap
 * branching logic cannot say, a date range JSON Schema cannot check.
 *
 * @param format the format concerned
 * @param form the form id, empty for registry-wide notes
 * @param item the item id (variable, section, rule), empty for form-wide notes
 * @param message what was left out or approximated, and why
 * @param location where the item is defined
 */
public record ExportNote(
    ExportFormat format, String form, String item, String message, SourceLocation location) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ExportNote {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** One line: {@code file:line:column: format form.item: message}. */
  public String toDisplayString() {
    String where = form.isEmpty() ? "" : item.isEmpty() ? form : form + "." + item;
    return location.display()
        + ": "
        + format.id()
        + (where.isEmpty() ? "" : " " + where)
        + ": "
        + message;
  }
}
