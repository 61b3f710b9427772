package no.regforms.expression.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.regforms.expression.ExprType.Kind;

/**
 * Turns a value read from a context into the Java type of its static kind, or into unknown when it
 * has the wrong type: the boundary where untrusted data enters, so nodes inside can cast safely and
 * a wrong type never surfaces as a {@link ClassCastException}.
 */
final class ValueCoercion {

  private ValueCoercion() {}

  static Object coerce(Object value, Kind kind) {
    if (value == null || kind == null) {
      return null;
    }
    switch (kind) {
      case NUMBER:
        return number(value);
      case TEXT:
      case CODE:
        return value instanceof String ? value : null;
      case BOOLEAN:
        return value instanceof Boolean ? value : null;
      case DATE:
        return value instanceof LocalDate ? value : null;
      case YEARMONTH:
        return value instanceof YearMonth ? value : null;
      case DATETIME:
        return value instanceof LocalDateTime ? value : null;
      case CODES:
        return value instanceof List<?> list && allText(list) ? list : null;
      case ROWS:
        return value instanceof List<?> ? value : null;
      default:
        return null;
    }
  }

  /** Whether every element is a text; a loop, as this runs on every read of a codes value. */
  private static boolean allText(List<?> list) {
    for (Object element : list) if (!(element instanceof String)) return false;
    return true;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Number other) {
      try {
        return new BigDecimal(other.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The member {@code name} of a row, coerced to {@code kind}; unknown if the row is not a map. */
  static Object member(Object row, String name, Kind kind) {
    return row instanceof Map<?, ?> map ? coerce(map.get(name), kind) : null;
  }
}
