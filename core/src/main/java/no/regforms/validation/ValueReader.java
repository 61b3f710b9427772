package no.regforms.validation;

import java.math.BigDecimal;
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
 * Turns a raw record value into the typed value expressions read ({@link no.regforms.expression.ExprType}),
 * or says why it cannot.
 */
final class ValueReader {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

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
      return new Read(null, IssueCode.INVALID_FORMAT, MessageCatalogue.localized("record.invalidFormat", format));
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
        return temporal(raw, DATE, "yyyy-mm-dd", LocalDate::parse);
      case YEARMONTH:
        return temporal(raw, MONTH, "yyyy-mm", YearMonth::parse);
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
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
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
      return new Read(null, IssueCode.INVALID_FORMAT, MessageCatalogue.localized("record.noSuchDate"));
    }
  }

  /** "The value must be" a {@code kind} ({@code record.type.<kind>}), in every catalogue language. */
  static LocalizedText invalidType(String kind, Object... arguments) {
    return MessageCatalogue.localized(c -> c.text("record.invalidType", c.text("record.type." + kind, arguments)));
  }
}
