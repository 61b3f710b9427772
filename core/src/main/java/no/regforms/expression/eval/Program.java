package no.regforms.expression.eval;

import java.util.Objects;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.checker.Typing;
import no.regforms.expression.parser.Expr;

/**
 * A checked expression planned into a tree of nodes, ready to evaluate many times.
 *
 * <p>Internal, not API: {@link no.regforms.expression.CompiledExpression} wraps it. Immutable and
 * thread-safe; all per-evaluation state lives in a frame made for each call.
 */
public final class Program {

  private final Node root;
  private final int slots;

  private Program(Node root, int slots) {
    this.root = root;
    this.slots = slots;
  }

  /** Plans {@code syntax}, which the checker accepted with {@code typing}. */
  public static Program plan(Expr syntax, Typing typing) {
    Planner planner = new Planner(Objects.requireNonNull(typing, "typing"));
    Node root = planner.plan(Objects.requireNonNull(syntax, "syntax"));
    return new Program(root, planner.slotsNeeded());
  }

  /** The value of the expression in {@code context}, {@code null} when unknown. */
  public Object evaluate(EvaluationContext context) {
    return root.eval(new Frame(Objects.requireNonNull(context, "context"), slots));
  }
}
