package no.regforms.expression;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an expression has the value it has: the value of the expression and of each part it is made
 * of, down to the names it read, as {@link CompiledExpression#explain} works them out. The parts of
 * a collection function's condition ({@code any(rows, r, r.x > 1)}) are not broken down: they have a
 * value per row, so only the rows are shown.
 *
 * <p>Values follow {@link ExprType}'s scheme, {@code null} for unknown. An explanation holds record
 * values: show it to the person who gave the record, never log it. Immutable.
 *
 * @param text the part of the expression's text explained ({@code hours_to_surgery <= 48})
 * @param value its value, {@code null} when unknown
 * @param name the variable or parameter read, when this part is a plain name
 * @param parts the explanations of the parts it is made of, literals left out
 */
public record Explanation(String text, Object value, Optional<String> name, List<Explanation> parts) {

  public Explanation {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    parts = List.copyOf(parts);
  }

  /** Whether the value is unknown. */
  public boolean isUnknown() {
    return value == null;
  }

  /**
   * The names read whose value is unknown and that made this value unknown: for an unknown value,
   * the unknown names below it, following only unknown parts; empty for a known value.
   */
  public List<String> unknownNames() {
    if (value != null) {
      return List.of();
    }
    if (name.isPresent()) {
      return List.of(name.get());
    }
    return parts.stream().flatMap(part -> part.unknownNames().stream()).distinct().toList();
  }
}
