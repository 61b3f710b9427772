package no.regforms.expression.eval;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Calendar arithmetic on dates, year-months and date-times: whole calendar units, never timestamps.
 * A year-month on either side makes a difference work at month precision.
 */
final class CalendarArithmetic {

  private CalendarArithmetic() {}

  static LocalDate date(Object value) {
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    return (LocalDate) value;
  }

  static YearMonth yearMonth(Object value) {
    if (value instanceof YearMonth yearMonth) {
      return yearMonth;
    }
    return YearMonth.from(date(value));
  }

  static BigDecimal year(Object value) {
    return BigDecimal.valueOf(yearMonth(value).getYear());
  }

  static BigDecimal month(Object value) {
    return BigDecimal.valueOf(yearMonth(value).getMonthValue());
  }

  /**
   * Whole days: calendar days between dates; with a date-time on either side, whole days elapsed.
   */
  static BigDecimal daysBetween(Object from, Object to) {
    if (from instanceof LocalDateTime || to instanceof LocalDateTime) {
      return elapsed(from, to, ChronoUnit.DAYS);
    }
    return BigDecimal.valueOf(ChronoUnit.DAYS.between(date(from), date(to)));
  }

  /**
   * Whole {@code unit}s elapsed from {@code from} to {@code to}, truncated toward zero; a date
   * counts from its midnight.
   */
  static BigDecimal elapsed(Object from, Object to, ChronoUnit unit) {
    return BigDecimal.valueOf(unit.between(dateTime(from), dateTime(to)));
  }

  private static LocalDateTime dateTime(Object value) {
    return value instanceof LocalDateTime dateTime ? dateTime : ((LocalDate) value).atStartOfDay();
  }

  /** Whole months from {@code from} to {@code to}, truncated toward zero. */
  static long months(Object from, Object to) {
    if (from instanceof YearMonth || to instanceof YearMonth) {
      return monthIndex(yearMonth(to)) - monthIndex(yearMonth(from));
    }
    return ChronoUnit.MONTHS.between(date(from), date(to));
  }

  static BigDecimal monthsBetween(Object from, Object to) {
    return BigDecimal.valueOf(months(from, to));
  }

  /** Whole years from {@code from} to {@code to}; Java's division truncates toward zero too. */
  static BigDecimal yearsBetween(Object from, Object to) {
    if (from instanceof YearMonth || to instanceof YearMonth) {
      return BigDecimal.valueOf(months(from, to) / 12);
    }
    return BigDecimal.valueOf(ChronoUnit.YEARS.between(date(from), date(to)));
  }

  private static long monthIndex(YearMonth yearMonth) {
    return yearMonth.getYear() * 12L + yearMonth.getMonthValue();
  }

  /** {@code value} moved by {@code amount} of {@code unit}, or unknown when out of range. */
  static Object plus(Object value, BigDecimal amount, ChronoUnit unit) {
    Long whole = wholeNumber(amount);
    if (whole == null) {
      return null;
    }
    try {
      if (value instanceof LocalDate date) {
        return date.plus(whole, unit);
      }
      if (value instanceof LocalDateTime dateTime) {
        return dateTime.plus(whole, unit);
      }
      return ((YearMonth) value).plus(whole, unit);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /** The date of {@code parts} (year, month, day) or (year, month), or unknown if invalid. */
  static Object make(List<Object> parts) {
    // Primitive ints, not boxed longs: date(report_year, 12, 31) runs per record in indicators.
    int[] whole = new int[parts.size()];
    try {
      for (int i = 0; i < whole.length; i++) {
        whole[i] = ((BigDecimal) parts.get(i)).intValueExact(); // fails on a fraction or overflow
      }
      if (whole.length == 3) {
        return LocalDate.of(whole[0], whole[1], whole[2]);
      }
      return YearMonth.of(whole[0], whole[1]);
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }

  /** {@code value} as a long if it is a whole number in range, else {@code null}. */
  static Long wholeNumber(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
