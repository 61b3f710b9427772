package no.regforms.expression.parser;

/**
 * The characters of an expression's text that a syntax node was read from.
 *
 * @param start offset of the first character
 * @param end offset just past the last character ({@code end >= start})
 */
public record Span(int start, int end) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span " + start + ".." + end);
    }
  }

  /** The span from the start of {@code first} to the end of {@code last}. */
  public static Span covering(Span first, Span last) {
    return new Span(first.start, Math.max(first.start, last.end));
  }
}
