package no.regforms.definition;

import java.util.Locale;

/** The shape every definition id must have; shared by the field rules of the model. */
final class Ids {
  /** snake_case: a lower-case letter, then lower-case letters, digits and underscores. */
  static final String PATTERN = "[a-z][a-z0-9_]{0,63}";
  static final String MESSAGE = "must be snake_case: a lower-case letter, then lower-case letters, digits or _, "
      + "at most 64 characters";

  private Ids() {}

  /** {@code Body-Weight} as {@code body_weight}: a suggestion for an id that breaks the pattern. */
  static String suggestion(String id) {
    String snake = id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^[_0-9]+|_$", "");
    snake = snake.isEmpty() ? "x" : snake;
    return snake.length() > 64 ? snake.substring(0, 64) : snake;
  }
}
