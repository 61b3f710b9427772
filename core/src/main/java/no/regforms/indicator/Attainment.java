package no.regforms.indicator;

import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.Indicator;

/**
 * Attainment of an indicator's target levels, graded exactly as SKDE's results service grades them
 * ({@code defineLevel}): with higher better, a value at or above the green level is high, below the
 * yellow level low, else medium; with lower better, at or below green is high, above yellow low.
 * The yellow level defaults to the green one.
 */
public enum Attainment {
  /** Høy måloppnåelse (green). */
  HIGH("H", "Høy", "#58A55C"),
  /** Middels måloppnåelse (yellow). */
  MEDIUM("M", "Middels", "#FD9C00"),
  /** Lav måloppnåelse (red). */
  LOW("L", "Lav", "#D85140");

  private final String letter;
  private final String nb;
  private final String colour;

  Attainment(String letter, String nb, String colour) {
    this.letter = letter;
    this.nb = nb;
    this.colour = colour;
  }

  /** SKDE's letter: {@code H}, {@code M} or {@code L}. */
  public String letter() {
    return letter;
  }

  /** The Norwegian label, as the report prints it. */
  public String labelNb() {
    return nb;
  }

  /** SKDE's colour for the level. */
  public String colour() {
    return colour;
  }

  /**
   * Grades {@code value} against {@code levels}.
   *
   * @return the level, or empty when there are no levels
   */
  public static Optional<Attainment> grade(Optional<Indicator.Levels> levels, double value) {
    Objects.requireNonNull(levels, "levels");
    if (levels.isEmpty() || Double.isNaN(value)) return Optional.empty();
    double green = levels.get().high().doubleValue();
    double yellow = levels.get().medium().doubleValue();
    if (!levels.get().higherIsBetter()) {
      if (value <= green) return Optional.of(HIGH);
      if (value > yellow) return Optional.of(LOW);
      return Optional.of(MEDIUM);
    }
    if (value >= green) return Optional.of(HIGH);
    if (value < yellow) return Optional.of(LOW);
    return Optional.of(MEDIUM);
  }
}
