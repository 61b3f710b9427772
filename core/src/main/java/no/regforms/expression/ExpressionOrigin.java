package no.regforms.expression;

import java.util.Objects;
import no.regforms.diagnostic.SourceLocation;

/**
 * Where an expression's text came from, so that a position inside the text can be reported as a
 * file, line, column and JSON pointer.
 *
 * <p>The definition loader supplies an origin that knows where the JSON string token started and
 * how escapes shifted columns; {@link #inline} serves text that came from no file (a command line).
 */
@FunctionalInterface
public interface ExpressionOrigin {

  /**
   * The location of the characters {@code start} (inclusive) to {@code end} (exclusive) of {@code
   * text}, with an excerpt for caret display.
   */
  SourceLocation locate(String text, int start, int end);

  /**
   * An origin for text that came from no file: line 1, column = offset + 1, in {@code description}.
   */
  static ExpressionOrigin inline(String description) {
    Objects.requireNonNull(description, "description");
    return (text, start, end) ->
        new SourceLocation(
            description,
            1,
            start + 1,
            "",
            java.util.Optional.of(new SourceLocation.Excerpt(text, start, end)));
  }
}
