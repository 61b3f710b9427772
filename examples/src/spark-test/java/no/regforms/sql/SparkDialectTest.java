package no.regforms.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Indicator;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.synthetic.SyntheticDataGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spark dialect's indicator queries, run by Spark SQL in local mode over the record store's
 * table, count exactly what the DuckDB dialect's queries count over the same table (and DuckDB
 * counts what the JVM engine does: EngineDifferentialTest in core).
 */
class SparkDialectTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
  private static final List<Integer> YEARS =
      List.of(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("regforms-sql")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.ansi.enabled", "false")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) spark.stop();
  }

  private static Path folder(String id) {
    // The core's test registry hipfracture has date-times: hours, minutes, days elapsed and
    // date(datetime).
    if (id.equals("hipfracture"))
      return Path.of("..", "core", "src", "test", "resources", "registries", id);
    return Path.of("..", "forms-" + id, "src", "main", "resources", "registries", id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hipfracture", "ms", "ect", "kvarus"})
  void everyIndicator_sameTable_sameCountsInSparkAsInDuckDb(String id) throws Exception {
    Registry registry = DefinitionLoader.create().load(folder(id)).registryOrThrow();
    List<Record> records = new ArrayList<>();
    SyntheticDataGenerator.of(registry, registry.syntheticProfile().orElseThrow(), TODAY)
        .generate(
            id.equals("ms") ? 40 : 80, 15, 0.03, generated -> records.add(generated.record()));
    int compared = 0;
    List<String> refused = new ArrayList<>();
    try (RecordStore store = RecordStore.open("jdbc:duckdb:")) {
      store.load(
          registry,
          records.stream()
              .map(r -> new RecordLine(r.line(), Optional.of(r), Optional.empty()))
              .iterator(),
          "synthetic.jsonl",
          issue -> {},
          Clock.systemDefaultZone());
      spark.createDataFrame(table(store), SCHEMA).createOrReplaceTempView(IndicatorSql.TABLE);
      IndicatorSql duckdb = IndicatorSql.of(registry, SqlDialect.DUCKDB);
      IndicatorSql sparkSql = IndicatorSql.of(registry, SqlDialect.SPARK);
      for (Indicator indicator : registry.indicators().values()) {
        String query;
        try {
          query = sparkSql.query(indicator, YEARS, TODAY);
        } catch (IllegalStateException e) {
          refused.add(indicator.id()); // matches(): Spark's regular expressions backtrack
          continue;
        }
        List<String> expected = duckDbRows(store, duckdb.query(indicator, YEARS, TODAY));
        List<String> actual = sparkRows(spark.sql(query));
        assertThat(expected).as("cases of %s", indicator.id()).isNotEmpty();
        assertThat(actual).as("%s in Spark", indicator.id()).isEqualTo(expected);
        compared++;
      }
    }
    System.out.printf(
        "spark %s: %d of %d indicators counted alike in Spark and DuckDB; refused: %s%n",
        id, compared, registry.indicators().size(), refused);
    assertThat(compared).isPositive();
  }

  private static final StructType SCHEMA =
      new StructType()
          .add("seq", DataTypes.LongType)
          .add("registry", DataTypes.StringType)
          .add("form", DataTypes.StringType)
          .add("record_id", DataTypes.StringType)
          .add("patient", DataTypes.StringType)
          .add("unit", DataTypes.StringType)
          .add("checked_json", DataTypes.StringType);

  /** The store's rows as Spark rows: JSON as text, as Spark reads it. */
  private static List<Row> table(RecordStore store) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = store.connection().createStatement();
        ResultSet r =
            statement.executeQuery(
                "SELECT seq, registry, form, record_id, patient, unit, CAST(checked_json AS VARCHAR) "
                    + "FROM "
                    + IndicatorSql.TABLE)) {
      while (r.next()) {
        rows.add(
            RowFactory.create(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7)));
      }
    }
    return rows;
  }

  private static List<String> duckDbRows(RecordStore store, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement statement = store.connection().createStatement();
        ResultSet r = statement.executeQuery(query)) {
      while (r.next()) {
        out.add(
            row(
                r.getInt(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                (Boolean) r.getObject(5),
                r.getBigDecimal(6),
                r.getLong(7)));
      }
    }
    return out.stream().sorted().toList();
  }

  private static List<String> sparkRows(Dataset<Row> result) {
    List<String> out = new ArrayList<>();
    for (Row r : result.collectAsList()) {
      out.add(
          row(
              r.getInt(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.isNullAt(4) ? null : r.getBoolean(4),
              r.isNullAt(5) ? null : r.getDecimal(5),
              r.getLong(6)));
    }
    return out.stream().sorted().toList();
  }

  private static String row(
      int year,
      String group,
      String outcome,
      String detail,
      Boolean hit,
      BigDecimal value,
      long n) {
    return year
        + "|"
        + group
        + "|"
        + outcome
        + "|"
        + detail
        + "|"
        + hit
        + "|"
        + (value == null ? null : value.stripTrailingZeros().toPlainString())
        + "|"
        + n;
  }
}
