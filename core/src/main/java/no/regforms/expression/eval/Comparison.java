package no.regforms.expression.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/** Equality and order of runtime values, as the language defines them. */
final class Comparison {

  private Comparison() {}

  /** Whether two known values are equal; numbers compare by value ({@code 1.0 = 1}). */
  static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a.equals(b);
  }

  /**
   * The order of two known values of one orderable type; the checker guarantees matching types, so
   * a mismatch here is a bug in the engine.
   */
  static int compare(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof YearMonth x && b instanceof YearMonth y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.compareTo(y);
    }
    throw new IllegalStateException(
        "values of different types compared: "
            + a.getClass().getSimpleName()
            + " and "
            + b.getClass().getSimpleName());
  }
}
