package no.regforms.expression;

import java.time.LocalDate;
import java.util.Map;

/**
 * The values an expression reads when it is evaluated: one record (or one row of a repeat group
 * inside it), the run parameters and today's date.
 *
 * <p>Values follow the scheme of {@link ExprType}; {@code null} is unknown. Implementations are
 * short-lived and belong to one evaluation; they need not be thread-safe.
 */
public interface EvaluationContext {

  /**
   * The value of {@code name}, or {@code null} when it is missing or has a missing-value reason. A
   * link read asks for {@code link.variable} ({@code course.course_end}); it is unknown when the
   * linked record is not given.
   */
  Object value(String name);

  /**
   * Whether {@code name} was answered with an explicit missing-value reason ("unknown"); such a
   * variable has no value but counts as answered for {@code answered(x)}.
   */
  default boolean hasMissingReason(String name) {
    return false;
  }

  /** Today's date, for {@code today()}; a fixed clock makes evaluation repeatable. */
  default LocalDate today() {
    return LocalDate.now();
  }

  /** A context over a map of values, with today's date from the system clock. */
  static EvaluationContext of(Map<String, ?> values) {
    return values::get;
  }
}
