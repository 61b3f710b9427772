package no.regforms.expression.checker;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.expression.ExprType;
import no.regforms.expression.parser.Expr;

/**
 * The static type of each node of a checked syntax tree, keyed by node identity (two equal
 * subtrees at different places are different nodes).
 *
 * <p>Internal, not API. Immutable once the checker has returned it.
 */
public final class Typing {

  private final Map<Expr, ExprType> types;

  Typing(IdentityHashMap<Expr, ExprType> types) {
    this.types = new IdentityHashMap<>(types);
  }

  /** The type of {@code node}, if the checker gave it one. */
  public Optional<ExprType> typeOf(Expr node) {
    return Optional.ofNullable(types.get(Objects.requireNonNull(node, "node")));
  }

  /** The kind of {@code node}'s type, or {@code null} if it has none. */
  public ExprType.Kind kindOf(Expr node) {
    ExprType type = types.get(node);
    return type == null ? null : type.kind();
  }
}
