package no.regforms.expression.checker;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.regforms.expression.Builtin;
import no.regforms.expression.ExprType;
import no.regforms.expression.parser.Expr;

/**
 * The static type of each node of a checked syntax tree and the {@link Builtin} overload of each
 * call, keyed by node identity (two equal subtrees at different places are different nodes), as CEL
 * keeps its type and reference maps by expression id.
 *
 * <p>Internal, not API. Immutable once the checker has returned it.
 */
public final class Typing {

  private final Map<Expr, ExprType> types;
  private final Map<Expr.Call, Builtin> functions;
  private final Set<String> linkReads;

  Typing(
      IdentityHashMap<Expr, ExprType> types,
      IdentityHashMap<Expr.Call, Builtin> functions,
      Set<String> linkReads) {
    this.types = new IdentityHashMap<>(types);
    this.functions = new IdentityHashMap<>(functions);
    this.linkReads = Collections.unmodifiableSet(new LinkedHashSet<>(linkReads));
  }

  /** The linked variables read, as {@code link.variable}, in the order the text reads them. */
  public Set<String> linkReads() {
    return linkReads;
  }

  /** The overload the checker chose for {@code call}, if it checked the call. */
  public Optional<Builtin> functionOf(Expr.Call call) {
    return Optional.ofNullable(functions.get(Objects.requireNonNull(call, "call")));
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
