package no.regforms.examples.preview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.Registry;
import no.regforms.validation.RecordValidator;

/**
 * One load of the registry folder as the pages see it.
 *
 * @param generation counts loads from 1; a page built from an older generation reloads
 * @param registry the last registry that loaded without errors (this load's, unless it failed)
 * @param validator the validator of {@code registry}
 * @param failed whether this load had errors, so that {@code registry} is an older version
 * @param problems this load's issues with their source lines, errors first
 */
record Version(
    long generation,
    Optional<Registry> registry,
    Optional<RecordValidator> validator,
    boolean failed,
    List<LocatedIssue> problems) {

  Version {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(validator, "validator");
    problems = List.copyOf(problems);
  }

  /** The errors of this load. */
  List<LocatedIssue> errors() {
    return problems.stream().filter(LocatedIssue::error).toList();
  }

  /** The warnings of this load. */
  List<LocatedIssue> warnings() {
    return problems.stream().filter(p -> !p.error()).toList();
  }
}
