package no.regforms.expression.eval;

/**
 * One planned step of an expression. Implementations are immutable; they read per-evaluation state
 * only from the {@link Frame}. A node returns {@code null} for unknown and otherwise a value of the
 * Java type that {@link no.regforms.expression.ExprType} prescribes for its static type.
 */
@FunctionalInterface
interface Node {

  Object eval(Frame frame);

  /** A node that always yields {@code value}. */
  static Node constant(Object value) {
    return frame -> value;
  }
}
