package no.regforms.examples.preview;

import java.util.Optional;
import no.regforms.diagnostic.SourceLocation;

/**
 * One line of a definition file split around the text an issue is about, for display with the
 * offending part marked. A long line is cut to a window around that part.
 *
 * @param number the 1-based line number
 * @param before the text before the offending part ({@code "…"} first when cut)
 * @param marked the offending part; empty when the issue is about the end of the line
 * @param after the text after it ({@code "…"} last when cut)
 */
record SourceLine(int number, String before, String marked, String after) {

  /** The widest part of a line shown on each side of the offending text. */
  static final int CONTEXT = 80;

  /**
   * The line {@code location} points at in {@code text}, with the part it is about: the
   * expression's offending span when the issue has an excerpt, else the JSON token that starts at
   * the column.
   */
  static Optional<SourceLine> at(String text, SourceLocation location) {
    String[] lines = text.split("\n", -1);
    if (location.line() < 1 || location.line() > lines.length) {
      return Optional.empty();
    }
    String raw = lines[location.line() - 1];
    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    int start = Math.min(Math.max(location.column() - 1, 0), line.length());
    int length =
        location
            .excerpt()
            .map(e -> Math.max(1, e.end() - e.start()))
            .orElseGet(() -> location.column() == 0 ? 0 : tokenLength(line, start));
    int end = Math.min(line.length(), start + length);
    int from = Math.max(0, start - CONTEXT);
    int to = Math.min(line.length(), end + CONTEXT);
    return Optional.of(
        new SourceLine(
            location.line(),
            (from > 0 ? "…" : "") + line.substring(from, start),
            line.substring(start, end),
            line.substring(end, to) + (to < line.length() ? "…" : "")));
  }

  /**
   * The length of the JSON token at {@code start}: a whole string, a word or number, else one
   * character.
   */
  private static int tokenLength(String line, int start) {
    if (start >= line.length()) return 0;
    char first = line.charAt(start);
    if (first == '"') {
      for (int i = start + 1; i < line.length(); i++) {
        if (line.charAt(i) == '\\') {
          i++;
        } else if (line.charAt(i) == '"') {
          return i + 1 - start;
        }
      }
      return line.length() - start;
    }
    int i = start;
    while (i < line.length() && isWordCharacter(line.charAt(i))) i++;
    return Math.max(1, i - start);
  }

  private static boolean isWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '.';
  }
}
