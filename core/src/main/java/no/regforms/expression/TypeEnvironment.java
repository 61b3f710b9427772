package no.regforms.expression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names an expression may use and their types: a form's variables, the members of the enclosing
 * repeat-group row, and the run parameters ({@code report_year}, {@code period_start}).
 *
 * <p>Immutable. An inner environment ({@link #withRow}) shadows names of the outer one, so an
 * expression inside a repeat group reads its own row's members first.
 */
public final class TypeEnvironment {

  private final Map<String, ExprType> names;

  private TypeEnvironment(Map<String, ExprType> names) {
    this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
  }

  /** An environment with no names. */
  public static TypeEnvironment empty() {
    return new TypeEnvironment(Map.of());
  }

  /** An environment holding {@code names}, in the given order. */
  public static TypeEnvironment of(Map<String, ExprType> names) {
    return new TypeEnvironment(names);
  }

  /** This environment plus {@code name}; a name already present is replaced. */
  public TypeEnvironment with(String name, ExprType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Map<String, ExprType> copy = new LinkedHashMap<>(names);
    copy.put(name, type);
    return new TypeEnvironment(copy);
  }

  /** This environment plus the members of one repeat-group row, which shadow outer names. */
  public TypeEnvironment withRow(Map<String, ExprType> rowFields) {
    Map<String, ExprType> copy = new LinkedHashMap<>(names);
    copy.putAll(rowFields);
    return new TypeEnvironment(copy);
  }

  /** The type of {@code name}, if declared. */
  public Optional<ExprType> lookup(String name) {
    return Optional.ofNullable(names.get(name));
  }

  /** Every declared name and its type, in declaration order. */
  public Map<String, ExprType> names() {
    return names;
  }
}
