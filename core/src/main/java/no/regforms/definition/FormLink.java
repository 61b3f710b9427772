package no.regforms.definition;

import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A form's declared link to the record of another form that a record belongs to: a follow-up's
 * {@code course}. A record names the linked record's id under {@link #id()} in its envelope's
 * {@code links}; expressions of the form read the linked record's variables as {@code
 * course.course_end}.
 *
 * @param id the link's id, unique among the form's links and variables
 * @param form the target form; its record is of the same patient (or unit, for unit forms)
 * @param required whether a record without this link gets {@code link_missing}
 * @param label what the linked record is to the user (shown above the linked values in a page)
 * @param notes registry developers' notes
 * @param location where the link is declared
 */
public record FormLink(
    String id,
    String form,
    boolean required,
    Optional<LocalizedText> label,
    Optional<String> notes,
    SourceLocation location) {

  /** Rejects null components. */
  public FormLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }
}
