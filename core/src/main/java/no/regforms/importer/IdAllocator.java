package no.regforms.importer;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns names from a codebook into snake_case ids ({@code [a-z][a-z0-9_]{0,63}}) that are unique
 * within one scope (a registry's forms, a form's items, a registry's code lists). Single use, not
 * thread-safe.
 */
final class IdAllocator {

  static final int MAX_LENGTH = 64;
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false");

  private final Set<String> used = new HashSet<>();
  private final String fallback;

  IdAllocator(String fallback) {
    this.fallback = fallback;
  }

  /** A fresh id for {@code name}: its snake_case form, shortened and numbered as needed. */
  String allocate(String name) {
    String base = snakeCase(name);
    if (base.isEmpty()) base = fallback;
    if (KEYWORDS.contains(base)) base = base + "_field";
    String id = base;
    for (int n = 2; used.contains(id); n++) {
      String suffix = "_" + n;
      id = trim(base, MAX_LENGTH - suffix.length()) + suffix;
    }
    used.add(id);
    return id;
  }

  /** Marks {@code id} as taken. */
  void reserve(String id) {
    used.add(id);
  }

  /**
   * The snake_case form of {@code name}: letters folded to ASCII (æ to ae, ø to o, å to a), camel
   * case split ({@code DataClDt} to {@code data_cl_dt}), every other character run to one
   * underscore, a leading digit prefixed with {@code v}, at most 64 characters; empty when the name
   * has no letter or digit.
   */
  static String snakeCase(String name) {
    return snakeCase(name, true);
  }

  /** As {@link #snakeCase(String)}, splitting camel case only when {@code splitCamelCase}. */
  static String snakeCase(String name, boolean splitCamelCase) {
    String folded = fold(name);
    StringBuilder out = new StringBuilder();
    char previous = ' ';
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (isAsciiLetterOrDigit(c)) {
        boolean upper = c >= 'A' && c <= 'Z';
        char next = i + 1 < folded.length() ? folded.charAt(i + 1) : ' ';
        boolean wordStart = splitCamelCase && upper && out.length() > 0 && out.charAt(out.length() - 1) != '_'
            && ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9')
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

  private static String trim(String id, int length) {
    String cut = id.length() <= length ? id : id.substring(0, length);
    return cut.replaceAll("_+$", "");
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String fold(String name) {
    String replaced = name.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
        .replace("å", "a").replace("Å", "A").replace("ß", "ss").replace("ð", "d").replace("Ð", "D")
        .replace("þ", "th").replace("Þ", "Th");
    return Normalizer.normalize(replaced, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }
}
