package no.regforms.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows into DuckDB through its appender: DuckDB's JDBC batches insert one row at a time, about a
 * hundred times slower. In a class of its own, so DuckDB's classes load only when DuckDB is used.
 */
final class DuckDbRows implements RecordStore.Rows {

  private final DuckDBAppender appender;

  DuckDbRows(Connection connection) throws SQLException {
    this.appender =
        connection
            .unwrap(DuckDBConnection.class)
            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, IndicatorSql.TABLE);
  }

  @Override
  public void add(Object[] row) throws SQLException {
    appender.beginRow();
    for (Object value : row) {
      if (value == null) appender.appendNull();
      else if (value instanceof Long n) appender.append(n.longValue());
      else if (value instanceof Integer n) appender.append(n.intValue());
      else if (value instanceof LocalDate date) appender.append(date);
      else appender.append((String) value);
    }
    appender.endRow();
  }

  @Override
  public void finish() throws SQLException {
    appender.flush();
  }

  @Override
  public void close() throws SQLException {
    appender.close();
  }
}
