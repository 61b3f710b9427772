package no.regforms.export;

import java.util.Objects;
import java.util.Optional;

/**
 * An expression written in an export's language ({@link #text()}), or the reason it cannot be,
 * which the export puts in its note. Immutable.
 */
record Translation(Optional<String> text, String reason) {

  Translation {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
  }

  static Translation of(String text) {
    return new Translation(Optional.of(text), "");
  }

  static Translation refused(String reason) {
    return new Translation(Optional.empty(), reason);
  }

  /**
   * Thrown inside one translation where a part has no counterpart, to unwind to the top, where it
   * becomes a {@link Translation#refused refusal}; never escapes a translator.
   */
  static final class Untranslatable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Untranslatable(String reason) {
      super(reason, null, false, false);
    }
  }
}
