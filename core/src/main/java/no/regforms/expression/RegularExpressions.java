package no.regforms.expression;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The check every definition pattern (a variable's {@code pattern}, {@code matches(text,
 * 'pattern')}) passes at load: RE2 syntax, which RE2/J compiles, and a bounded size.
 *
 * <p>RE2/J matches in time linear in the text, but its compiled program grows with the product of
 * nested counted repetitions: {@code (a{1000}){1000}} compiles to a million instructions in
 * seconds, one more level does not finish, and every match pays for the program's size. RE2 itself
 * refuses nested counts whose product passes 1000; RE2/J does not, so this check does, before
 * compiling, and also caps the expanded size of the whole pattern.
 *
 * <p>RE2/J 1.7 also loops forever when it case-folds the Cyrillic letters U+1C80 to U+1C88 (its
 * folding tables and the JDK's disagree on them), so a case-insensitive pattern that holds one of
 * them, as a character, an escape or inside a range, is refused.
 */
public final class RegularExpressions {

  /** RE2's limit on the product of nested counted repetitions. */
  public static final int MAX_REPEAT_PRODUCT = 1000;

  /** The largest pattern, counted as characters and classes after expanding counted repetitions. */
  public static final int MAX_EXPANDED_SIZE = 10_000;

  private static final int FOLD_TRAP_FIRST = 0x1C80;
  private static final int FOLD_TRAP_LAST = 0x1C88;

  private static final java.util.regex.Pattern COUNT =
      java.util.regex.Pattern.compile("\\{(\\d{1,9})(,(\\d{0,9}))?}");

  private RegularExpressions() {}

  /**
   * What is wrong with {@code pattern} as a definition pattern, as a phrase for a message ("missing
   * closing ): ..."), or empty when it is a valid RE2 pattern of bounded size.
   */
  public static Optional<String> problem(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    Optional<String> tooLarge = new SizeScanner(pattern).problem();
    if (tooLarge.isPresent()) {
      return tooLarge;
    }
    try {
      Pattern.compile(pattern);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e.getDescription());
    }
  }

  /**
   * Walks the pattern's text as RE2 reads it, only as far as sizes go: atoms (a character, an
   * escape, a class, a group) and the counted repetitions applied to them. Syntax errors are left
   * to RE2/J.
   */
  private static final class SizeScanner {
    private final String pattern;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int at;
    private long largestProduct = 1;
    private boolean caseInsensitive;
    private boolean foldTrap;

    /** One open group: its size so far and the last atom, which a repetition applies to. */
    private static final class Frame {
      long size;
      long lastSize;
      long lastProduct = 1;
      long innerProduct = 1;
    }

    SizeScanner(String pattern) {
      this.pattern = pattern;
      frames.push(new Frame());
    }

    Optional<String> problem() {
      while (at < pattern.length()) {
        step();
      }
      while (frames.size() > 1) {
        closeGroup();
      }
      long size = frames.peek().size;
      if (caseInsensitive && foldTrap) {
        return Optional.of(
            String.format(
                "case-insensitive matching cannot include the letters U+%04X to U+%04X",
                FOLD_TRAP_FIRST, FOLD_TRAP_LAST));
      }
      if (largestProduct > MAX_REPEAT_PRODUCT) {
        return Optional.of(
            "nested counted repetitions multiply to "
                + largestProduct
                + ", more than RE2's limit of "
                + MAX_REPEAT_PRODUCT);
      }
      if (size > MAX_EXPANDED_SIZE) {
        return Optional.of(
            "the pattern expands to about "
                + size
                + " characters and classes, more than "
                + MAX_EXPANDED_SIZE);
      }
      return Optional.empty();
    }

    private void step() {
      char c = pattern.charAt(at);
      switch (c) {
        case '\\' -> escape();
        case '[' -> characterClass();
        case '(' -> openGroup();
        case ')' -> {
          at++;
          if (frames.size() > 1) {
            closeGroup();
          }
        }
        case '{' -> repetition();
        case '*', '+', '?', '|', '^', '$' -> at++;
        default -> {
          int literal = pattern.codePointAt(at);
          at += Character.charCount(literal);
          touch(literal, literal);
          atom(1, 1);
        }
      }
    }

    private void atom(long size, long product) {
      Frame frame = frames.peek();
      frame.size = saturated(frame.size + size);
      frame.lastSize = size;
      frame.lastProduct = product;
      frame.innerProduct = Math.max(frame.innerProduct, product);
    }

    /** Notes the characters {@code first} to {@code last} as matched by the pattern. */
    private void touch(int first, int last) {
      foldTrap |= first <= FOLD_TRAP_LAST && last >= FOLD_TRAP_FIRST;
    }

    private void escape() {
      atom(1, 1);
      escapedValue().ifPresent(value -> touch(value, value));
    }

    /**
     * Reads the escape at {@code at}; its character when it stands for one ({@code \x{1C80}},
     * {@code \.}), empty for a class such as {@code \d} or {@code \pL}. A {@code \Q...\E} quote is
     * read whole, its characters noted.
     */
    private Optional<Integer> escapedValue() {
      if (pattern.startsWith("\\Q", at)) {
        int end = pattern.indexOf("\\E", at + 2);
        int stop = end < 0 ? pattern.length() : end;
        for (int i = at + 2; i < stop; i++) {
          atom(1, 1);
          touch(pattern.charAt(i), pattern.charAt(i));
        }
        at = end < 0 ? stop : end + 2;
        return Optional.empty();
      }
      int next = at + 1;
      if (next >= pattern.length()) {
        at = pattern.length();
        return Optional.empty();
      }
      int escaped = pattern.codePointAt(next);
      at = next + Character.charCount(escaped);
      boolean braced = at < pattern.length() && pattern.charAt(at) == '{';
      if ((escaped == 'x' || escaped == 'p' || escaped == 'P') && braced) {
        int close = pattern.indexOf('}', at);
        String inside = pattern.substring(at + 1, close < 0 ? pattern.length() : close);
        at = close < 0 ? pattern.length() : close + 1; // \x{263a}, \p{Greek}
        return escaped == 'x' ? hex(inside) : Optional.empty();
      } else if ((escaped == 'p' || escaped == 'P') && at < pattern.length()) {
        at += Character.charCount(pattern.codePointAt(at)); // \pL
        return Optional.empty();
      } else if (escaped == 'x') {
        int end = Math.min(pattern.length(), at + 2); // \x41
        Optional<Integer> value = hex(pattern.substring(at, end));
        at = end;
        return value;
      }
      return Character.isLetterOrDigit(escaped) ? Optional.empty() : Optional.of(escaped);
    }

    private static Optional<Integer> hex(String digits) {
      try {
        return Optional.of(Integer.parseInt(digits, 16));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    private void characterClass() {
      at++;
      if (at < pattern.length() && pattern.charAt(at) == '^') {
        at++;
      }
      boolean first = true;
      Optional<Integer> previous = Optional.empty();
      boolean range = false;
      while (at < pattern.length()) {
        char c = pattern.charAt(at);
        if (c == ']' && !first) {
          at++;
          break;
        }
        first = false;
        Optional<Integer> value;
        if (c == '\\') {
          value = escapedValue();
        } else if (pattern.startsWith("[:", at)) {
          int close = pattern.indexOf(":]", at + 2);
          at = close < 0 ? at + 1 : close + 2;
          value = Optional.empty();
        } else if (c == '-' && previous.isPresent() && !range) {
          at++;
          range = true;
          continue;
        } else {
          int literal = pattern.codePointAt(at);
          at += Character.charCount(literal);
          value = Optional.of(literal);
        }
        if (range && previous.isPresent() && value.isPresent()) {
          touch(previous.get(), value.get());
        }
        value.ifPresent(v -> touch(v, v));
        previous = range ? Optional.empty() : value;
        range = false;
      }
      at = Math.min(at, pattern.length());
      atom(1, 1);
    }

    private void openGroup() {
      at++;
      if (at < pattern.length() && pattern.charAt(at) == '?') {
        int flagsEnd = at + 1;
        while (flagsEnd < pattern.length() && "imsU-".indexOf(pattern.charAt(flagsEnd)) >= 0) {
          flagsEnd++;
        }
        String flags = pattern.substring(at + 1, flagsEnd);
        caseInsensitive |=
            flags.indexOf('i') >= 0
                && (flags.indexOf('-') < 0 || flags.indexOf('i') < flags.indexOf('-'));
        if (flagsEnd < pattern.length() && pattern.charAt(flagsEnd) == ')') {
          at = flagsEnd + 1; // (?i): flags only, no group
          return;
        }
      }
      frames.push(new Frame());
    }

    private void closeGroup() {
      Frame group = frames.pop();
      atom(Math.max(group.size, 1), group.innerProduct);
    }

    private void repetition() {
      Matcher count = COUNT.matcher(pattern).region(at, pattern.length());
      if (!count.lookingAt()) {
        at++;
        atom(1, 1); // a brace that starts no repetition is a literal
        return;
      }
      at = count.end();
      long min = Long.parseLong(count.group(1));
      long times;
      if (count.group(2) == null) {
        times = min; // {n}
      } else if (count.group(3).isEmpty()) {
        times = min + 1; // {n,}: n copies and a star
      } else {
        times = Math.max(min, Long.parseLong(count.group(3))); // {n,m}
      }
      times = Math.max(1, times);
      Frame frame = frames.peek();
      long product = saturated(frame.lastProduct * times);
      largestProduct = Math.max(largestProduct, product);
      frame.innerProduct = Math.max(frame.innerProduct, product);
      long grown = saturated(frame.lastSize * times);
      frame.size = saturated(frame.size - frame.lastSize + grown);
      frame.lastSize = grown;
      frame.lastProduct = product;
    }

    private static long saturated(long value) {
      return value < 0 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : value;
    }
  }
}
