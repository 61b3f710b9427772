package no.regforms.examples.cli;

import java.nio.file.Path;
import java.util.Optional;
import no.regforms.definition.Registry;
import no.regforms.extract.ExtractLayout;
import no.regforms.extract.ExtractMapping;
import no.regforms.extract.RecordSource;

/** How the store and extract options of {@code load} and {@code indicators} are read. */
final class StoreOptions {

  /** The store when {@code --store} is not given: a DuckDB file in the working directory. */
  static final String DEFAULT_STORE = "regforms.duckdb";

  private StoreOptions() {}

  /** A JDBC URL as given, or the DuckDB file at a path. */
  static String jdbcUrl(String store) {
    return store.startsWith("jdbc:") ? store : "jdbc:duckdb:" + Path.of(store).toAbsolutePath();
  }

  /**
   * The records at {@code input}: JSON Lines, or a CSV extract in {@code layout} with an optional
   * mapping file.
   *
   * @throws IllegalArgumentException for an unknown layout or an input of neither kind
   * @throws java.io.IOException when the mapping file cannot be read
   */
  static RecordSource source(Registry registry, Path input, String layout, Path mapping)
      throws java.io.IOException {
    Optional<ExtractMapping> map =
        mapping == null ? Optional.empty() : Optional.of(ExtractMapping.read(mapping));
    return RecordSource.open(registry, input, ExtractLayout.fromKey(layout), map);
  }
}
