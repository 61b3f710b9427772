package no.regforms.sql;

/**
 * The record store's table, the layout the indicator SQL reads (docs/sql.md): one row per record,
 * its envelope in columns, the record as given and its checked values as JSON.
 */
final class StoreSchema {

  private StoreSchema() {}

  /** The columns, in insert order. */
  static final String COLUMNS =
      "seq, registry, form, version, record_id, patient, unit, record_date, record_json, "
          + "checked_json, errors, source, line";

  static String createTable(SqlDialect dialect) {
    Syntax s = dialect.syntax();
    String text = s.textType();
    return "CREATE TABLE IF NOT EXISTS "
        + IndicatorSql.TABLE
        + " (\n"
        + "  seq BIGINT NOT NULL PRIMARY KEY,  -- load order, unique in the store\n"
        + "  registry "
        + text
        + " NOT NULL,     -- the registry the record was loaded and checked against\n"
        + "  form "
        + text
        + " NOT NULL,\n"
        + "  version "
        + text
        + " NOT NULL,\n"
        + "  record_id "
        + text
        + " NOT NULL,\n"
        + "  patient "
        + text
        + " NOT NULL,      -- pseudonymous patient key ('' when none)\n"
        + "  unit "
        + text
        + " NOT NULL,         -- RESH id of the reporting unit ('' when none)\n"
        + "  record_date DATE,               -- the form's date variable, when it holds a valid date\n"
        + "  record_json "
        + s.jsonType()
        + " NOT NULL,  -- the record as given: envelope and values\n"
        + "  checked_json "
        + s.jsonType()
        + ",          -- checked values: typed, hidden and invalid ones left out, computed ones added,\n"
        + "                                  -- NULL for a record of another registry or of no form of this one\n"
        + "  errors INTEGER NOT NULL,        -- validation errors of the record\n"
        + "  source "
        + text
        + " NOT NULL,       -- the file it was loaded from\n"
        + "  line BIGINT NOT NULL            -- its line (JSON Lines) or row (CSV) there\n"
        + ")";
  }

  static String createIndex() {
    return "CREATE INDEX IF NOT EXISTS "
        + IndicatorSql.TABLE
        + "_by_patient ON "
        + IndicatorSql.TABLE
        + " (registry, patient)";
  }

  static String insert(SqlDialect dialect) {
    String json = dialect.syntax().jsonParameter();
    return "INSERT INTO "
        + IndicatorSql.TABLE
        + " ("
        + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        + json
        + ", "
        + json
        + ", ?, ?, ?)";
  }
}
