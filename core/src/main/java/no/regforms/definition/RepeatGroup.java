package no.regforms.definition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A group of variables that repeats: the rows of a record's array value (treatment episodes, ECT
 * sessions).
 *
 * @param id stable id, the key of the array in records
 * @param label heading
 * @param help help text
 * @param min fewest rows when the group is visible (0 when not given)
 * @param max most rows, if limited
 * @param visibleIf condition for showing the group
 * @param items the items of one row
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where it is defined
 */
public record RepeatGroup(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    LocalizedText label,
    Optional<LocalizedText> help,
    @Min(value = 0, message = "must be 0 or more") int min,
    Optional<
            @Min(value = 1, message = "must be 1 or more")
            @Max(value = 100_000, message = "must be at most 100000") Integer>
        max,
    Optional<Formula> visibleIf,
    List<FormItem> items,
    Optional<String> notes,
    SourceLocation location)
    implements FormItem {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public RepeatGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(visibleIf, "visibleIf");
    items = List.copyOf(items);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }

  /**
   * The variables of one row, sections flattened, in form order (nested repeat groups excluded).
   */
  public List<Variable> variables() {
    return ItemWalker.scope(items, Variable.class);
  }
}
