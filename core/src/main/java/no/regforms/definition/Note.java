package no.regforms.definition;

import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A text shown in a form that holds no value.
 *
 * @param id stable id
 * @param text the text
 * @param visibleIf condition for showing it
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where it is defined
 */
public record Note(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    LocalizedText text,
    Optional<Formula> visibleIf,
    Optional<String> notes,
    SourceLocation location)
    implements FormItem {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Note {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(visibleIf, "visibleIf");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }
}
