package no.regforms.importer;

import java.util.HashSet;
import java.util.Set;
import no.regforms.definition.Ids;

/**
 * Turns names from a codebook into snake_case ids ({@code [a-z][a-z0-9_]{0,63}}) that are unique
 * within one scope (a registry's forms, a form's items, a registry's code lists). Single use, not
 * thread-safe.
 */
final class IdAllocator {

  static final int MAX_LENGTH = Ids.MAX_LENGTH;
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false");

  private final Set<String> used = new HashSet<>();
  private final String fallback;

  IdAllocator(String fallback) {
    this.fallback = fallback;
  }

  /** A fresh id for {@code name}: its snake_case form, shortened and numbered as needed. */
  String allocate(String name) {
    String base = Ids.snakeCase(name);
    if (base.isEmpty()) base = fallback;
    if (KEYWORDS.contains(base)) base = base + "_field";
    String id = base;
    for (int n = 2; used.contains(id); n++) {
      String suffix = "_" + n;
      id = Ids.trim(base, MAX_LENGTH - suffix.length()) + suffix;
    }
    used.add(id);
    return id;
  }

  /** Marks {@code id} as taken. */
  void reserve(String id) {
    used.add(id);
  }
}
