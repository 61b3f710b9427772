package no.regforms.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.presentation.MessageCatalogue;

/**
 * Turns a raw record value into the typed value expressions read ({@link
 * no.regforms.expression.ExprType}), or says why it cannot.
 */
final class ValueReader {

  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

  private ValueReader() {}

  /** A typed value, or the issue that kept the raw value from being read. */
  record Read(Object value, IssueCode problem, LocalizedText message) {
    static Read ok(Object value) {
      return new Read(value, null, null);
    }

    /** The value is not of {@code kind} ({@code record.type.<kind>} of the catalogue). */
    static Read wrongType(String kind, Object... arguments) {
      return new Read(null, IssueCode.INVALID_TYPE, invalidType(kind, arguments));
    }

    static Read wrongFormat(String format) {
      return new Read(
          null,
          IssueCode.INVALID_FORMAT,
          MessageCatalogue.localized("record.invalidFormat", format));
    }

    boolean isOk() {
      return problem == null;
    }
  }

  static Read read(Variable variable, Object raw) {
    switch (variable.type()) {
      case INTEGER:
        if (raw instanceof BigDecimal number) {
          return isWhole(number) ? Read.ok(number) : Read.wrongType("integer");
        }
        return Read.wrongType("integer");
      case DECIMAL:
        return raw instanceof BigDecimal ? Read.ok(raw) : Read.wrongType("number");
      case TEXT:
        return raw instanceof String ? Read.ok(raw) : Read.wrongType("text");
      case BOOLEAN:
        return raw instanceof Boolean ? Read.ok(raw) : Read.wrongType("boolean");
      case DATE:
        return date(raw);
      case YEARMONTH:
        return yearMonth(raw);
      case DATETIME:
        return temporal(raw, DATETIME, "yyyy-mm-ddThh:mm", LocalDateTime::parse);
      case CODE:
        return raw instanceof String ? Read.ok(raw) : Read.wrongType("code");
      case CODES:
        if (!(raw instanceof List<?> list)) {
          return Read.wrongType("codes");
        }
        List<String> codes = new ArrayList<>(list.size());
        for (Object element : list) {
          if (!(element instanceof String code)) {
            return Read.wrongType("codesText");
          }
          codes.add(code);
        }
        return Read.ok(List.copyOf(codes));
      default:
        throw new IllegalStateException("unhandled type " + variable.type());
    }
  }

  private static boolean isWhole(BigDecimal number) {
    return number.scale() <= 0 || number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /**
   * A {@code yyyy-mm-dd} date, read digit by digit: dates are the most common typed value, and a
   * regex match followed by {@code LocalDate.parse} cost several times the rest of their check.
   */
  private static Read date(Object raw) {
    if (!(raw instanceof String text)) {
      return Read.wrongType("textInFormat", "yyyy-mm-dd");
    }
    if (text.length() != 10
        || !digits(text, 0, 4)
        || text.charAt(4) != '-'
        || !digits(text, 5, 7)
        || text.charAt(7) != '-'
        || !digits(text, 8, 10)) {
      return Read.wrongFormat("yyyy-mm-dd");
    }
    try {
      return Read.ok(LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)));
    } catch (DateTimeException e) {
      return dateDoesNotExist();
    }
  }

  /** A {@code yyyy-mm} month, read as {@link #date} reads a date. */
  private static Read yearMonth(Object raw) {
    if (!(raw instanceof String text)) {
      return Read.wrongType("textInFormat", "yyyy-mm");
    }
    if (text.length() != 7 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7)) {
      return Read.wrongFormat("yyyy-mm");
    }
    try {
      return Read.ok(YearMonth.of(number(text, 0, 4), number(text, 5, 7)));
    } catch (DateTimeException e) {
      return dateDoesNotExist();
    }
  }

  /**
   * Whether {@code text} holds ASCII digits from {@code from} to {@code to} (what the regex {@code
   * \\d} matches).
   */
  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) n = n * 10 + (text.charAt(i) - '0');
    return n;
  }

  private static Read dateDoesNotExist() {
    return new Read(
        null, IssueCode.INVALID_FORMAT, MessageCatalogue.localized("record.noSuchDate"));
  }

  private interface Parse {
    Object parse(String text);
  }

  private static Read temporal(Object raw, Pattern shape, String format, Parse parse) {
    if (!(raw instanceof String text)) {
      return Read.wrongType("textInFormat", format);
    }
    if (!shape.matcher(text).matches()) {
      return Read.wrongFormat(format);
    }
    try {
      return Read.ok(parse.parse(text));
    } catch (DateTimeParseException e) {
      return dateDoesNotExist();
    }
  }

  /**
   * "The value must be" a {@code kind} ({@code record.type.<kind>}), in every catalogue language.
   */
  static LocalizedText invalidType(String kind, Object... arguments) {
    return MessageCatalogue.localized(
        c -> c.text("record.invalidType", c.text("record.type." + kind, arguments)));
  }
}
