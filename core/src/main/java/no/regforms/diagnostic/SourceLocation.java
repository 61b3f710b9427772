package no.regforms.diagnostic;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A place in a definition file.
 *
 * @param file path relative to the registry root ({@code forms/course.json}), or a description such
 *     as {@code <expression>} for text that did not come from a file
 * @param line 1-based line, or 0 if unknown
 * @param column 1-based column, or 0 if unknown
 * @param jsonPointer JSON Pointer (RFC 6901) of the value in the file; empty for the whole document
 * @param excerpt the expression text and the offending span, when the issue is inside an expression
 */
public record SourceLocation(
    String file, int line, int column, String jsonPointer, Optional<Excerpt> excerpt)
    implements Location, Comparable<SourceLocation> {

  /** No location at all (Jackson's {@code JsonLocation.NA}). */
  public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0, "", Optional.empty());

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::file)
          .thenComparingInt(SourceLocation::line)
          .thenComparingInt(SourceLocation::column)
          .thenComparing(SourceLocation::jsonPointer);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(jsonPointer, "jsonPointer");
    Objects.requireNonNull(excerpt, "excerpt");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
  }

  /** A location in a file without an expression excerpt. */
  public static SourceLocation of(String file, int line, int column, String jsonPointer) {
    return new SourceLocation(file, line, column, jsonPointer, Optional.empty());
  }

  /** This location with an expression excerpt attached. */
  public SourceLocation withExcerpt(Excerpt excerpt) {
    return new SourceLocation(file, line, column, jsonPointer, Optional.of(excerpt));
  }

  /** Whether line and column are known. */
  public boolean hasPosition() {
    return line > 0;
  }

  @Override
  public String display() {
    if (!hasPosition()) {
      return file.isEmpty() ? "<unknown>" : file;
    }
    return file + ":" + line + ":" + column;
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  /**
   * The text of an expression and the part of it an issue is about, for caret display.
   *
   * @param text the whole expression
   * @param start offset of the first character of the offending part
   * @param end offset just past the offending part ({@code end >= start})
   */
  public record Excerpt(String text, int start, int end) {
    /**
     * Checks the span.
     *
     * @throws IllegalArgumentException if the span is not inside the text
     */
    public Excerpt {
      Objects.requireNonNull(text, "text");
      if (start < 0 || end < start || end > text.length()) {
        throw new IllegalArgumentException("span " + start + ".." + end + " is outside the text");
      }
    }

    /**
     * The widest excerpt shown; a longer expression is cut to a window around the offending part.
     */
    static final int MAX_WIDTH = 100;

    /**
     * The expression on one line and a caret line under the offending part. An expression longer
     * than {@value #MAX_WIDTH} characters is shown as a window around the part, with {@code ...}
     * where text was cut.
     */
    public String caretDisplay() {
      String oneLine = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
      int from = 0;
      int to = oneLine.length();
      if (to > MAX_WIDTH) {
        from = Math.max(0, Math.min(start - MAX_WIDTH / 4, oneLine.length() - MAX_WIDTH));
        to = Math.min(oneLine.length(), from + MAX_WIDTH);
      }
      String prefix = from > 0 ? "..." : "";
      String suffix = to < oneLine.length() ? "..." : "";
      int caretStart = prefix.length() + start - from;
      int width = Math.max(1, Math.min(end, to) - start);
      return "    "
          + prefix
          + oneLine.substring(from, to)
          + suffix
          + "\n    "
          + " ".repeat(caretStart)
          + "^".repeat(width);
    }
  }
}
