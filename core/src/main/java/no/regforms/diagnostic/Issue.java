package no.regforms.diagnostic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a definition or a record.
 *
 * <p>Issues are values: loaders, compilers and validators return them instead of throwing. A
 * message never contains a record value (health data); it names variables, codes of the definition
 * and limits only.
 *
 * @param severity how serious it is
 * @param code stable machine code
 * @param message what is wrong, in the registry's languages (definition issues are in English)
 * @param location where it was found
 * @param hint what would be right, when the engine can tell ("did you mean 'visibleIf'?")
 */
public record Issue(
    Severity severity,
    IssueCode code,
    LocalizedText message,
    Location location,
    Optional<String> hint) {

  /** Errors first, then by location (definition files in file order, records by path). */
  public static final Comparator<Issue> ORDER =
      Comparator.comparing(Issue::severity).thenComparing(Issue::location, Issue::compareLocations);

  /** Checks that no component is null. */
  public Issue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(hint, "hint");
  }

  /** An error in a definition, with an English message. */
  public static Issue error(IssueCode code, String message, Location location) {
    return new Issue(
        Severity.ERROR, code, LocalizedText.of("en", message), location, Optional.empty());
  }

  /** A warning in a definition, with an English message. */
  public static Issue warning(IssueCode code, String message, Location location) {
    return new Issue(
        Severity.WARNING, code, LocalizedText.of("en", message), location, Optional.empty());
  }

  /** This issue with a hint added. */
  public Issue withHint(String hint) {
    return new Issue(severity, code, message, location, Optional.of(hint));
  }

  /** This issue at another location. */
  public Issue at(Location newLocation) {
    return new Issue(severity, code, message, newLocation, hint);
  }

  /** Whether this issue is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Where this issue is, in the form a program matches on: for a record, the path of the value
   * ({@code sessions[2].charge}, 1-based rows; empty for the record as a whole); for a definition,
   * the JSON pointer in its file ({@code /items/0/visibleIf}; empty for a whole file or no place).
   */
  public String path() {
    return location instanceof RecordPath record
        ? record.path()
        : ((SourceLocation) location).jsonPointer();
  }

  /**
   * The JSON form of this issue, with its message in {@code language}. Its field names are stable:
   *
   * <pre>{@code
   * {"code": "out_of_range", "severity": "error", "path": "sessions[2].charge", "message": "..."}
   * }</pre>
   *
   * {@code code} is {@link IssueCode#code()}, {@code severity} {@link Severity#label()}, {@code
   * path} {@link #path()} and {@code message} {@link #text(String)} (the hint included). A
   * definition issue adds {@code file}, and {@code line} and {@code column} when they are known.
   */
  public ObjectNode toJson(String language) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("code", code.code());
    json.put("severity", severity.label());
    json.put("path", path());
    json.put("message", text(language));
    if (location instanceof SourceLocation source && !source.file().isEmpty()) {
      json.put("file", source.file());
      if (source.hasPosition()) {
        json.put("line", source.line());
        json.put("column", source.column());
      }
    }
    return json;
  }

  /** The message in English (with fallbacks), followed by the hint. */
  public String text() {
    return text("en");
  }

  /** The message in {@code language} (with fallbacks), followed by the hint. */
  public String text(String language) {
    String text = message.in(language);
    // "…år." + "; rule x" would read "…år.; rule x": the full stop gives way to the semicolon.
    String joined =
        text.endsWith(".") && !text.endsWith("..") ? text.substring(0, text.length() - 1) : text;
    return hint.map(h -> joined + "; " + h).orElse(text);
  }

  /**
   * The compiler-style display: {@code file:line:column: error: message}, then the JSON pointer
   * and, for expressions, the expression with a caret under the offending part.
   */
  public String toDisplayString() {
    StringBuilder out = new StringBuilder();
    // An issue about no place in particular (a whole run) starts with its severity, as compilers
    // print them.
    if (!SourceLocation.UNKNOWN.equals(location)) {
      out.append(location.display()).append(": ");
    }
    out.append(severity.label()).append(": ").append(text());
    if (location instanceof SourceLocation source) {
      if (!source.jsonPointer().isEmpty()) {
        out.append("\n    at ").append(source.jsonPointer());
      }
      source.excerpt().ifPresent(excerpt -> out.append('\n').append(excerpt.caretDisplay()));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return toDisplayString();
  }

  private static int compareLocations(Location a, Location b) {
    if (a instanceof SourceLocation sa && b instanceof SourceLocation sb) {
      return sa.compareTo(sb);
    }
    if (a instanceof RecordPath ra && b instanceof RecordPath rb) {
      int byLine = Long.compare(ra.line(), rb.line());
      return byLine != 0 ? byLine : ra.path().compareTo(rb.path());
    }
    return a instanceof SourceLocation ? -1 : 1;
  }
}
