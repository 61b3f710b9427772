package no.regforms.definition;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A titled group of items; hiding it hides everything in it.
 *
 * @param id stable id
 * @param title heading
 * @param help help text
 * @param visibleIf condition for showing the section
 * @param items the items in it
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where it is defined
 */
public record Section(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    LocalizedText title,
    Optional<LocalizedText> help,
    Optional<Formula> visibleIf,
    List<FormItem> items,
    Optional<String> notes,
    SourceLocation location)
    implements FormItem {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Section {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(visibleIf, "visibleIf");
    items = List.copyOf(items);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }
}
