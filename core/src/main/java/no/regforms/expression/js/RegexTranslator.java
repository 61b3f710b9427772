package no.regforms.expression.js;

import java.util.Optional;

/**
 * Translates an RE2 pattern to a JavaScript (Unicode mode) pattern with the same matches, for the
 * subset of RE2 both engines read alike: literals, {@code .}, classes with ranges, {@code \d \w \s}
 * and their negations, {@code \b}, groups {@code (...)} and {@code (?:...)}, alternation, greedy and
 * lazy quantifiers, and the anchors {@code ^ $}. Anything else (flags such as {@code (?i)}, named
 * groups, Unicode classes {@code \pL}, POSIX classes, {@code \A \z \Q}) has no translation, and the
 * caller leaves matching to the server.
 *
 * <p>Where the engines differ inside the subset the translation evens it out: RE2's {@code .} is
 * any character but newline (JavaScript's also refuses {@code \r} and U+2028/9) and its {@code \s}
 * is {@code [\t\n\f\r ]} (JavaScript's includes Unicode spaces).
 */
final class RegexTranslator {

  private static final String JS_SYNTAX = "^$\\.*+?()[]{}|/";
  private static final String SPACE = "\\t\\n\\f\\r ";

  private final String pattern;
  private int position;
  private final StringBuilder out = new StringBuilder();

  private RegexTranslator(String pattern) {
    this.pattern = pattern;
  }

  static Optional<String> translate(String pattern) {
    RegexTranslator translator = new RegexTranslator(pattern);
    return translator.run() ? Optional.of(translator.out.toString()) : Optional.empty();
  }

  private boolean run() {
    while (position < pattern.length()) {
      char c = pattern.charAt(position);
      if (c == '\\') {
        if (!escape(false)) {
          return false;
        }
      } else if (c == '[') {
        if (!characterClass()) {
          return false;
        }
      } else if (c == '(') {
        if (pattern.startsWith("(?:", position)) {
          out.append("(?:");
          position += 3;
        } else if (pattern.startsWith("(?", position)) {
          return false;
        } else {
          out.append('(');
          position++;
        }
      } else if (c == '.') {
        out.append("[^\\n]");
        position++;
      } else if (c == '{') {
        int end = pattern.indexOf('}', position);
        if (end < 0 || !pattern.substring(position + 1, end).matches("\\d+(,\\d*)?")) {
          // RE2 reads a brace that starts no repetition as a literal; JavaScript's Unicode mode does not.
          out.append("\\{");
          position++;
        } else {
          out.append(pattern, position, end + 1);
          position = end + 1;
        }
      } else if (c == '}') {
        out.append("\\}");
        position++;
      } else if (c == '/') {
        out.append("\\/");
        position++;
      } else {
        out.appendCodePoint(pattern.codePointAt(position));
        position += Character.charCount(pattern.codePointAt(position));
      }
    }
    return true;
  }

  /** An escape at {@code position}; inside a class when {@code inClass}. */
  private boolean escape(boolean inClass) {
    if (position + 1 >= pattern.length()) {
      return false;
    }
    char e = pattern.charAt(position + 1);
    position += 2;
    switch (e) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 't':
      case 'n':
      case 'r':
      case 'f':
        out.append('\\').append(e);
        return true;
      case 's':
        out.append(inClass ? SPACE : "[" + SPACE + "]");
        return true;
      case 'S':
        if (inClass) {
          return false;
        }
        out.append("[^" + SPACE + "]");
        return true;
      case 'b':
      case 'B':
        if (inClass) {
          return false;
        }
        out.append('\\').append(e);
        return true;
      default:
        if (Character.isLetterOrDigit(e) || e > 0x7f) {
          return false; // \p, \Q, \A, \z, \x, octal and the like
        }
        if (JS_SYNTAX.indexOf(e) >= 0 || (inClass && e == '-')) {
          out.append('\\').append(e);
        } else {
          out.append(e);
        }
        return true;
    }
  }

  private boolean characterClass() {
    out.append('[');
    position++;
    if (position < pattern.length() && pattern.charAt(position) == '^') {
      out.append('^');
      position++;
    }
    boolean first = true;
    while (position < pattern.length()) {
      char c = pattern.charAt(position);
      if (c == ']' && !first) {
        out.append(']');
        position++;
        return true;
      }
      first = false;
      if (c == '[') {
        return false; // [[:alpha:]] and nested classes
      } else if (c == '\\') {
        if (!escape(true)) {
          return false;
        }
      } else if (c == ']' || c == '/' || c == '{' || c == '}' || c == '(' || c == ')' || c == '|') {
        out.append('\\').append(c);
        position++;
      } else {
        out.appendCodePoint(pattern.codePointAt(position));
        position += Character.charCount(pattern.codePointAt(position));
      }
    }
    return false;
  }
}
