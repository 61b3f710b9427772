package no.regforms.definition;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.Severity;
import no.regforms.diagnostic.SourceLocation;

/**
 * A cross-field rule of a form: {@code check} must hold whenever {@code when} does.
 *
 * <p>A rule fails only when {@code check} is false; an unknown {@code check} passes, because a
 * missing value is the business of {@code required}, not of every rule that reads it.
 *
 * @param id stable id
 * @param check the condition that must hold
 * @param when the condition under which the rule applies (always, when empty)
 * @param severity error or warning
 * @param message what the user is told
 * @param variables the variables the issue is reported on
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param confirm whether a warning asks the user to confirm it, as an implausible value does
 * @param location where it is defined
 */
public record Rule(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    Formula check,
    Optional<Formula> when,
    Severity severity,
    LocalizedText message,
    List<String> variables,
    Optional<String> notes,
    boolean confirm,
    SourceLocation location) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    variables = List.copyOf(variables);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }
}
