package no.regforms.definition;

import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Diagnostics;

/**
 * The outcome of loading a registry: the registry if it had no errors, and every issue of every
 * file.
 *
 * @param registry the loaded registry, empty when {@code diagnostics} has errors
 * @param diagnostics every issue, sorted by file, line and column
 */
public record LoadResult(Optional<Registry> registry, Diagnostics diagnostics) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public LoadResult {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(diagnostics, "diagnostics");
  }

  /** Whether loading failed. */
  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  /**
   * The registry.
   *
   * @throws no.regforms.diagnostic.RegformsException carrying every issue, if loading failed
   */
  public Registry registryOrThrow() {
    diagnostics.throwIfErrors();
    return registry.orElseThrow();
  }
}
