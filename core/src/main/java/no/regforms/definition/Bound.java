package no.regforms.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** One end of a {@link Range}: a number, a date, a year and month, or "today". */
public sealed interface Bound {

  /** A numeric bound. */
  record Number(BigDecimal value) implements Bound {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }

  /** A calendar date. */
  record Date(LocalDate value) implements Bound {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A year and month, for {@code yearmonth} variables. */
  record Month(YearMonth value) implements Bound {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Month {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** The day of validation: a date must not lie in the future. */
  record Today() implements Bound {
    @Override
    public String toString() {
      return "today";
    }
  }
}
