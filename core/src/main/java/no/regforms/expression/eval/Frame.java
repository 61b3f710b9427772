package no.regforms.expression.eval;

import no.regforms.expression.EvaluationContext;

/**
 * The state of one evaluation: the context, and the row each bound name currently stands for (one
 * slot per nesting level of collection functions). Created per call, so that the planned nodes
 * themselves stay immutable and shareable between threads.
 */
final class Frame {

  final EvaluationContext context;
  final Object[] rows;

  private static final Object[] NO_ROWS = {};

  Frame(EvaluationContext context, int slots) {
    this.context = context;
    this.rows = slots == 0 ? NO_ROWS : new Object[slots];
  }
}
