package no.regforms.sql;

import java.util.Locale;

/**
 * The SQL dialects indicator definitions compile to. Each has its own function table ({@link
 * SqlFunctions}) and its own spelling of JSON reads, row lists and calendar arithmetic; the
 * semantics are the expression language's in all of them (docs/sql.md lists where SQL differs and
 * how the compiler bridges it).
 */
public enum SqlDialect {
  /** DuckDB: the embedded record store. */
  DUCKDB(new Syntax.DuckDb()),
  /** PostgreSQL 12 or later. */
  POSTGRES(new Syntax.Postgres()),
  /** Spark SQL 3.5: row lists as arrays of JSON texts, read with higher-order functions. */
  SPARK(new Syntax.Spark());

  private final Syntax syntax;

  SqlDialect(Syntax syntax) {
    this.syntax = syntax;
  }

  Syntax syntax() {
    return syntax;
  }

  /** The dialect's name on the command line: {@code duckdb}, {@code postgres}, {@code spark}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The dialect named {@code key} ({@code duckdb}, {@code postgres} or {@code postgresql}, {@code
   * spark}).
   *
   * @throws IllegalArgumentException naming the dialects for any other key
   */
  public static SqlDialect fromKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals("postgresql")) return POSTGRES;
    for (SqlDialect dialect : values()) {
      if (dialect.key().equals(k)) return dialect;
    }
    throw new IllegalArgumentException(
        "unknown SQL dialect '" + key + "'; use duckdb, postgres or spark");
  }

  /**
   * The dialect of a JDBC URL: {@code jdbc:duckdb:...} or {@code jdbc:postgresql:...}.
   *
   * @throws IllegalArgumentException for a URL of another database
   */
  public static SqlDialect ofJdbcUrl(String url) {
    if (url.startsWith("jdbc:duckdb:")) return DUCKDB;
    if (url.startsWith("jdbc:postgresql:")) return POSTGRES;
    throw new IllegalArgumentException(
        "not a DuckDB or PostgreSQL JDBC URL (jdbc:duckdb:<file> or jdbc:postgresql://host/db)");
  }
}
