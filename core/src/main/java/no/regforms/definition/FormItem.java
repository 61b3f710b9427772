package no.regforms.definition;

import java.util.Optional;
import no.regforms.diagnostic.SourceLocation;

/**
 * One entry of a form's item list: a {@link Section}, {@link Variable}, {@link RepeatGroup} or
 * {@link Note}.
 */
public sealed interface FormItem permits Section, Variable, RepeatGroup, Note {

  /** The item's id, unique within its form. */
  String id();

  /** The condition under which the item is shown; hidden when false or unknown. */
  Optional<Formula> visibleIf();

  /** Where the item is defined. */
  SourceLocation location();
}
