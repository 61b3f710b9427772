package no.regforms.expression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names an expression may use and their types: a form's variables, the members of the enclosing
 * repeat-group row, the run parameters ({@code report_year}, {@code period_start}), and the forms
 * linked by the form's links, whose variables read as {@code course.course_end}.
 *
 * <p>Immutable. An inner environment ({@link #withRow}) shadows names of the outer one, so an
 * expression inside a repeat group reads its own row's members first.
 */
public final class TypeEnvironment {

  private final Map<String, ExprType> names;
  private final Map<String, Map<String, ExprType>> links;

  private TypeEnvironment(Map<String, ExprType> names, Map<String, Map<String, ExprType>> links) {
    this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    this.links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
  }

  private TypeEnvironment(Map<String, ExprType> names) {
    this(names, Map.of());
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
    return new TypeEnvironment(copy, links);
  }

  /** This environment plus the members of one repeat-group row, which shadow outer names. */
  public TypeEnvironment withRow(Map<String, ExprType> rowFields) {
    Map<String, ExprType> copy = new LinkedHashMap<>(names);
    copy.putAll(rowFields);
    return new TypeEnvironment(copy, links);
  }

  /**
   * This environment plus one link: {@code link.variable} reads {@code variables} (id to type) of
   * the linked record.
   */
  public TypeEnvironment withLink(String link, Map<String, ExprType> variables) {
    Objects.requireNonNull(link, "link");
    Map<String, Map<String, ExprType>> copy = new LinkedHashMap<>(links);
    copy.put(link, Collections.unmodifiableMap(new LinkedHashMap<>(variables)));
    return new TypeEnvironment(names, copy);
  }

  /** The variables (id to type) a link reads, if {@code link} is a link of the form. */
  public Optional<Map<String, ExprType>> link(String link) {
    return Optional.ofNullable(links.get(link));
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
