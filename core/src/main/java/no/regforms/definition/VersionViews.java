package no.regforms.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of each released version of one load, before the history is attached: the current
 * one, built at load, and each earlier one either built at load as well (a folder, checked in full)
 * or built the first time something asks for it (a packaged module whose files its build checked,
 * {@link SchemaDigest}). Thread-safe: a version several threads ask for at once is built once.
 */
final class VersionViews {

  private final Registry current;
  private final Map<String, Lazy<Registry>> earlier;
  private final List<String> built = Collections.synchronizedList(new ArrayList<>());

  private VersionViews(Registry current) {
    this.current = current;
    this.earlier = new LinkedHashMap<>();
    built.add(current.version());
  }

  /** Every version built already: {@code views} by name, the current one among them. */
  static VersionViews built(Registry current, Map<String, Registry> views) {
    VersionViews out = new VersionViews(current);
    views.forEach(
        (name, view) -> {
          if (!name.equals(current.version())) {
            out.earlier.put(name, Lazy.of(view));
            out.built.add(name);
          }
        });
    return out;
  }

  /**
   * The versions {@code names} (the current one among them), each earlier one built by {@code
   * build} on first use.
   */
  static VersionViews deferred(
      Registry current, List<String> names, Function<String, Registry> build) {
    VersionViews out = new VersionViews(current);
    for (String name : names) {
      if (name.equals(current.version())) continue;
      out.earlier.put(
          name,
          new Lazy<>(
              () -> {
                Registry view = build.apply(name);
                out.built.add(name);
                return view;
              }));
    }
    return out;
  }

  /** Whether the load has a registry of version {@code name}. */
  boolean has(String name) {
    return name.equals(current.version()) || earlier.containsKey(name);
  }

  /**
   * The registry of version {@code name}, built now if it was not yet.
   *
   * @throws IllegalArgumentException if the load has no such version
   * @throws IllegalStateException naming the registry and version, if it does not build
   */
  Registry get(String name) {
    if (name.equals(current.version())) return current;
    Lazy<Registry> view = earlier.get(name);
    if (view == null) {
      throw new IllegalArgumentException(
          "registry '" + current.id() + "' has no version '" + name + "'");
    }
    return view.get();
  }

  /** The versions built so far, in the order they were built (the current one first). */
  List<String> built() {
    synchronized (built) {
      return List.copyOf(built);
    }
  }
}
