package no.regforms.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;

/**
 * Records in a database: DuckDB (embedded, a single file, the default) or PostgreSQL, in the table
 * layout of docs/sql.md. {@link #load} validates each record against its registry as it goes in,
 * and stores the record as given beside its checked values, the values the indicator SQL reads.
 *
 * <pre>{@code
 * try (RecordStore store = RecordStore.open("jdbc:duckdb:target/records.duckdb")) {
 *   RecordStore.Loaded loaded = store.load(registry, lines, "ms.jsonl", issue -> ...);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one connection. No record value or patient key is logged.
 */
public final class RecordStore implements AutoCloseable {

  static final int BATCH = 1000;

  private final Connection connection;
  private final SqlDialect dialect;

  private RecordStore(Connection connection, SqlDialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /**
   * Opens the store at {@code url} ({@code jdbc:duckdb:<file>} or {@code
   * jdbc:postgresql://host:port/db?user=..}), creating its table when it has none.
   *
   * @throws SQLException when the database cannot be reached
   * @throws IllegalArgumentException for a URL of another database
   */
  public static RecordStore open(String url) throws SQLException {
    SqlDialect dialect = SqlDialect.ofJdbcUrl(Objects.requireNonNull(url, "url"));
    Connection connection = DriverManager.getConnection(url);
    RecordStore store = new RecordStore(connection, dialect);
    try (Statement statement = connection.createStatement()) {
      statement.execute(StoreSchema.createTable(dialect));
      if (dialect == SqlDialect.POSTGRES) statement.execute(StoreSchema.createIndex());
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return store;
  }

  /** The store's dialect. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** The open connection, for queries of one's own (the store keeps owning it). */
  public Connection connection() {
    return connection;
  }

  /**
   * What one load did.
   *
   * @param records records stored
   * @param withErrors of those, records with validation errors (their invalid values are left out
   *     of the checked values)
   * @param otherForm of those, records of another registry or of no form of this one (stored
   *     without checked values)
   * @param unreadable lines or rows that held no record, each reported to the load's issue consumer
   */
  public record Loaded(long records, long withErrors, long otherForm, long unreadable) {}

  /**
   * Validates and stores the records of {@code lines}, all in one transaction: a load that fails
   * leaves the store as it was. Lines that hold no record are passed to {@code problems} and the
   * load goes on.
   *
   * @param registry the registry the records belong to
   * @param lines the records as read, in order
   * @param source the file name recorded with each row
   * @param problems receives each unreadable line's issue
   * @param clock the clock validation reads "today" from (date ranges up to today)
   * @throws SQLException when the database refuses the rows; nothing of this load is kept
   */
  public Loaded load(
      Registry registry,
      Iterator<RecordLine> lines,
      String source,
      Consumer<Issue> problems,
      Clock clock)
      throws SQLException {
    RecordValidator validator = RecordValidator.of(registry, clock);
    long seq = nextSeq();
    long records = 0;
    long withErrors = 0;
    long otherForm = 0;
    long unreadable = 0;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Rows rows =
        dialect == SqlDialect.DUCKDB
            ? new DuckDbRows(connection)
            : new BatchRows(connection, dialect)) {
      while (lines.hasNext()) {
        RecordLine line = lines.next();
        if (line.record().isEmpty()) {
          unreadable++;
          line.problem().ifPresent(problems);
          continue;
        }
        Record record = line.record().get();
        ValidationResult result = validator.validate(record);
        boolean wrongForm =
            result.diagnostics().issues().stream().anyMatch(i -> i.code() == IssueCode.WRONG_FORM);
        records++;
        if (wrongForm) otherForm++;
        else if (result.hasErrors()) withErrors++;
        Map<String, Object> checked = wrongForm ? null : result.values();
        rows.add(
            new Object[] {
              seq++,
              registry.id(),
              record.form(),
              record.version(),
              record.id(),
              record.patient(),
              record.unit(),
              checked == null ? null : recordDate(registry, record.form(), checked),
              JsonLinesRecordWriter.toJson(record, Map.of()).toString(),
              checked == null ? null : CheckedJson.write(checked),
              result.diagnostics().errors().size(),
              source,
              line.number()
            });
      }
      rows.finish();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return new Loaded(records, withErrors, otherForm, unreadable);
  }

  private static LocalDate recordDate(
      Registry registry, String formId, Map<String, Object> checked) {
    Form form = registry.forms().get(formId);
    if (form == null || form.dateVariable().isEmpty()) return null;
    return checked.get(form.dateVariable().get()) instanceof LocalDate date ? date : null;
  }

  /** Writes rows of the table's columns, in {@link StoreSchema#COLUMNS} order. */
  interface Rows extends AutoCloseable {
    void add(Object[] row) throws SQLException;

    void finish() throws SQLException;

    @Override
    void close() throws SQLException;
  }

  /** Batched inserts, for PostgreSQL. */
  private static final class BatchRows implements Rows {
    private final PreparedStatement insert;
    private int pending;

    BatchRows(Connection connection, SqlDialect dialect) throws SQLException {
      this.insert = connection.prepareStatement(StoreSchema.insert(dialect));
    }

    @Override
    public void add(Object[] row) throws SQLException {
      for (int i = 0; i < row.length; i++) insert.setObject(i + 1, row[i]);
      insert.addBatch();
      if (++pending == BATCH) finish();
    }

    @Override
    public void finish() throws SQLException {
      if (pending > 0) insert.executeBatch();
      pending = 0;
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }

  private long nextSeq() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT coalesce(max(seq), 0) FROM " + IndicatorSql.TABLE)) {
      rows.next();
      return rows.getLong(1) + 1;
    }
  }

  /** Deletes every record loaded for registry {@code registryId}; returns how many. */
  public long delete(String registryId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + IndicatorSql.TABLE + " WHERE registry = ?")) {
      delete.setString(1, registryId);
      return delete.executeUpdate();
    }
  }

  /** Closes the connection. */
  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
