package no.regforms.examples.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The functions the JEXL side of {@link ExpressionBenchmark} calls (namespace {@code f}): JEXL has
 * none for dates or decimal rounding, so a JEXL user writes these; each does what the regforms
 * function of the same name does, and the benchmark checks that both give the same values.
 */
public final class JexlFunctions {

  private JexlFunctions() {}

  /** {@code date(y, m, d)}. */
  public static LocalDate date(Number year, Number month, Number day) {
    return LocalDate.of(year.intValue(), month.intValue(), day.intValue());
  }

  /** {@code days_between(a, b)}: whole days from {@code a} to {@code b}; null when either is. */
  public static Long daysBetween(LocalDate from, LocalDate to) {
    return from == null || to == null ? null : ChronoUnit.DAYS.between(from, to);
  }

  /** {@code round(x, places)}, half up, as regforms rounds. */
  public static BigDecimal round(BigDecimal value, Number places) {
    return value == null ? null : value.setScale(places.intValue(), RoundingMode.HALF_UP);
  }
}
