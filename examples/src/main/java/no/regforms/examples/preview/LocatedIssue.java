package no.regforms.examples.preview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;

/**
 * A definition issue as the preview shows it: where ({@code file:line:column}), what is wrong and
 * how to fix it, the JSON pointer, and the source line with the offending text marked.
 *
 * @param error whether it is an error (else a warning)
 * @param where {@code file:line:column}, or the file alone when the position is unknown
 * @param link the address of the source view at that line, or empty when there is no file
 * @param message what is wrong
 * @param hint what would be right, or empty
 * @param pointer the JSON pointer, or empty
 * @param source the source line, when the file and line are known
 */
record LocatedIssue(
    boolean error,
    String where,
    String link,
    String message,
    String hint,
    String pointer,
    Optional<SourceLine> source) {

  LocatedIssue {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(source, "source");
  }

  /**
   * {@code issue} located in the registry folder.
   *
   * @param files the text of a definition file by its path relative to the folder, if it can be
   *     read
   */
  static LocatedIssue of(Issue issue, Function<String, Optional<String>> files) {
    String message = issue.message().in("en");
    String hint = issue.hint().orElse("");
    if (!(issue.location() instanceof SourceLocation location)
        || location.file().isEmpty()
        || SourceLocation.UNKNOWN.equals(location)) {
      return new LocatedIssue(
          issue.isError(), issue.location().display(), "", message, hint, "", Optional.empty());
    }
    Optional<String> text = files.apply(location.file());
    Optional<SourceLine> line =
        location.hasPosition() ? text.flatMap(t -> SourceLine.at(t, location)) : Optional.empty();
    String link = text.isEmpty() ? "" : sourceLink(location.file(), location.line());
    return new LocatedIssue(
        issue.isError(), location.display(), link, message, hint, location.jsonPointer(), line);
  }

  /** The address of the source view of {@code file}, at {@code line} when it is known (not 0). */
  static String sourceLink(String file, int line) {
    return "/source/" + encodePath(file) + (line > 0 ? "#L" + line : "");
  }

  private static String encodePath(String file) {
    StringBuilder out = new StringBuilder();
    for (String segment : file.split("/", -1)) {
      if (out.length() > 0) out.append('/');
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }
}
