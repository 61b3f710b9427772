package no.regforms.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.sql.RecordStore;
import no.regforms.sql.SqlDialect;
import no.regforms.sql.SqlIndicatorEngine;

/**
 * {@code indicators --engine}: where the cases are counted, on the JVM from a file or in the record
 * store's database.
 */
enum IndicatorEngine {
  JVM,
  DUCKDB,
  POSTGRES;

  static IndicatorEngine fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  /** Why the options do not fit this engine, or null when they do. */
  String check(Path data, String store) {
    if (this == JVM && data == null)
      return "--engine jvm reads --data (JSON Lines or a CSV extract)";
    if (this != JVM && data != null)
      return "--engine "
          + name().toLowerCase(Locale.ROOT)
          + " reads the record store (--store), not --data; put the records there with './regforms load'";
    if (this == POSTGRES && (store == null || !store.startsWith("jdbc:postgresql:"))) {
      return "--engine postgres needs --store jdbc:postgresql://host:port/db?user=...";
    }
    if (this == DUCKDB
        && store != null
        && store.startsWith("jdbc:")
        && !store.startsWith("jdbc:duckdb:")) {
      return "--engine duckdb needs --store <file.duckdb> or jdbc:duckdb:<file>";
    }
    return null;
  }

  IndicatorResults calculate(
      Registry registry, RunOptions options, Path data, String store, String layout, Path mapping)
      throws IOException, SQLException {
    if (this == JVM) {
      if (data.getFileName().toString().endsWith(".jsonl"))
        return IndicatorCalculator.of(registry).calculate(data, options);
      List<Issue> problems = new ArrayList<>();
      Iterator<RecordLine> lines =
          StoreOptions.source(registry, data, layout, mapping).records(problems::add);
      List<Record> records = new ArrayList<>();
      lines.forEachRemaining(
          line ->
              line.record()
                  .ifPresentOrElse(records::add, () -> line.problem().ifPresent(problems::add)));
      IndicatorResults results =
          IndicatorCalculator.of(registry).calculate(records.iterator(), options);
      problems.addAll(results.diagnostics().issues());
      return new IndicatorResults(
          results.years(), results.results(), no.regforms.diagnostic.Diagnostics.of(problems));
    }
    String url = StoreOptions.jdbcUrl(store == null ? StoreOptions.DEFAULT_STORE : store);
    if (SqlDialect.ofJdbcUrl(url) != (this == DUCKDB ? SqlDialect.DUCKDB : SqlDialect.POSTGRES)) {
      throw new IllegalArgumentException(
          "the store is not a " + name().toLowerCase(Locale.ROOT) + " database");
    }
    try (RecordStore recordStore = RecordStore.open(url)) {
      return SqlIndicatorEngine.of(registry, recordStore).calculate(options);
    }
  }
}
