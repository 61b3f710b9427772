package no.regforms.definition;

import java.text.Normalizer;

/**
 * The shape every definition id must have, shared by the field rules of the model, and the one way
 * to turn a name into such an id ({@link #snakeCase}), used by the importers and by the loader's
 * hints.
 */
public final class Ids {
  /** snake_case: a lower-case letter, then lower-case letters, digits and underscores. */
  static final String PATTERN = "[a-z][a-z0-9_]{0,63}";

  /** The longest id. */
  public static final int MAX_LENGTH = 64;

  static final String MESSAGE =
      "must be snake_case: a lower-case letter, then lower-case letters, digits or _, "
          + "at most 64 characters";

  private Ids() {}

  /**
   * The snake_case form of {@code name}: letters folded to ASCII (æ to ae, ø to o, å to a), camel
   * case split ({@code DataClDt} to {@code data_cl_dt}), every other character run to one
   * underscore, a leading digit prefixed with {@code v}, at most 64 characters; empty when the name
   * has no letter or digit.
   */
  public static String snakeCase(String name) {
    return snakeCase(name, true);
  }

  /** As {@link #snakeCase(String)}, splitting camel case only when {@code splitCamelCase}. */
  public static String snakeCase(String name, boolean splitCamelCase) {
    String folded = fold(name);
    StringBuilder out = new StringBuilder();
    char previous = ' ';
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (isAsciiLetterOrDigit(c)) {
        boolean upper = c >= 'A' && c <= 'Z';
        char next = i + 1 < folded.length() ? folded.charAt(i + 1) : ' ';
        boolean wordStart =
            splitCamelCase
                && upper
                && out.length() > 0
                && out.charAt(out.length() - 1) != '_'
                && ((previous >= 'a' && previous <= 'z')
                    || (previous >= '0' && previous <= '9')
                    || (previous >= 'A' && previous <= 'Z' && next >= 'a' && next <= 'z'));
        if (wordStart) out.append('_');
        out.append(Character.toLowerCase(c));
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      previous = c;
    }
    String id = out.toString().replaceAll("_+$", "");
    if (id.isEmpty()) return "";
    if (!Character.isLetter(id.charAt(0))) id = "v" + (id.charAt(0) == '_' ? "" : "_") + id;
    return trim(id, MAX_LENGTH);
  }

  /** {@code id} cut to {@code length} characters, without a trailing underscore. */
  public static String trim(String id, int length) {
    String cut = id.length() <= length ? id : id.substring(0, length);
    return cut.replaceAll("_+$", "");
  }

  /** {@code Body-Weight} as {@code body_weight}: a suggestion for an id that breaks the pattern. */
  static String suggestion(String id) {
    String snake = snakeCase(id);
    return snake.isEmpty() ? "x" : snake;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String fold(String name) {
    String replaced =
        name.replace("æ", "ae")
            .replace("Æ", "Ae")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("å", "a")
            .replace("Å", "A")
            .replace("ß", "ss")
            .replace("ð", "d")
            .replace("Ð", "D")
            .replace("þ", "th")
            .replace("Þ", "Th");
    return Normalizer.normalize(replaced, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }
}
