package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regforms load}, {@code indicators --engine duckdb} and {@code sql} on a real DuckDB file:
 * the README's main job run from the embedded database gives the JVM engine's files.
 */
class StoreCommandsTest {

  @TempDir static Path temp;

  private static Path records;

  /** The records loaded once, read by the tests that only query the store. */
  private static Path loaded;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void generate() {
    records = temp.resolve("ms.jsonl");
    Run generated =
        run(
            "generate",
            "--registry",
            "ms",
            "--patients",
            "50",
            "--seed",
            "1",
            "--invalid",
            "0.02",
            "--out",
            records.toString());
    assertThat(generated.exit()).as(generated.err()).isZero();
    loaded = temp.resolve("main-job.duckdb");
    Run load = run("load", "--registry", "ms", "--store", loaded.toString(), records.toString());
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.out())
        .matches(
            "(?s)ms: \\d+ records loaded into .*main-job.duckdb \\(\\d+ with validation errors.*");
  }

  @Test
  void indicators_loadedIntoDuckDb_sameFilesAsFromJsonLines() throws Exception {
    Path store = loaded;
    Run jvm =
        run(
            "indicators",
            "--registry",
            "ms",
            "--data",
            records.toString(),
            "--year",
            "2024",
            "--out",
            temp.resolve("jvm").toString());
    Run duckdb =
        run(
            "indicators",
            "--registry",
            "ms",
            "--engine",
            "duckdb",
            "--store",
            store.toString(),
            "--year",
            "2024",
            "--out",
            temp.resolve("duckdb").toString());

    assertThat(jvm.exit()).as(jvm.err()).isEqualTo(duckdb.exit());
    for (String file : List.of("results.csv", "results.json", "skde-ind.csv")) {
      assertThat(temp.resolve("duckdb").resolve(file))
          .as(file)
          .hasSameTextualContentAs(temp.resolve("jvm").resolve(file));
    }
    assertThat(Files.readString(temp.resolve("duckdb/results.csv")))
        .contains("ms_coverage,2024,rhf,");
    assertThat(duckdb.err()).isEqualTo(jvm.err());
  }

  @Test
  void load_again_addsTheRecordsOnce_replaceStartsOver() throws Exception {
    Path store = temp.resolve("twice.duckdb");
    run("load", "--registry", "ms", "--store", store.toString(), records.toString());
    long once = count(store);
    run("load", "--registry", "ms", "--store", store.toString(), records.toString());
    assertThat(count(store)).isEqualTo(2 * once);

    Run replaced =
        run(
            "load",
            "--registry",
            "ms",
            "--replace",
            "--store",
            store.toString(),
            records.toString());

    assertThat(replaced.exit()).isZero();
    assertThat(count(store))
        .isEqualTo(once)
        .isEqualTo(Files.readAllLines(records).stream().filter(l -> !l.isBlank()).count());
  }

  @Test
  void sql_duckdbScript_runsOnTheLoadedStoreAndCountsEveryIndicator() throws Exception {
    Path store = loaded;

    Run sql = run("sql", "--registry", "ms", "--dialect", "duckdb", "--year", "2024");

    assertThat(sql.exit()).as(sql.err()).isZero();
    List<String> statements = List.of(sql.out().split(";\n"));
    assertThat(statements.get(0)).contains("CREATE TABLE IF NOT EXISTS regforms_record");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + store);
        Statement statement = db.createStatement()) {
      long counted = 0;
      for (String query : statements.subList(1, statements.size())) {
        if (query.isBlank()) continue;
        try (ResultSet rows = statement.executeQuery(query)) {
          while (rows.next()) counted += rows.getLong("n");
        }
      }
      assertThat(counted).isPositive();
    }
    assertThat(statements.stream().filter(s -> s.contains("WITH years(report_year)")).count())
        .isEqualTo(14);
    assertThat(run("sql", "--registry", "ms", "--dialect", "postgres").out())
        .contains("JSONB", "COLLATE \"C\"");
  }

  @Test
  void load_mrsExtractWithBadCell_reportsFileRowColumnAndLoadsTheRest() throws Exception {
    Path extract = Files.createDirectories(temp.resolve("extract"));
    Files.copy(
        Path.of(
            "../core/src/test/resources/extract/DataDump_Prod_measurement_clinician_2024-10-28_1403.csv"),
        extract.resolve("DataDump_Prod_measurement_clinician_2024-10-28_1403.csv"));
    Path store = temp.resolve("extract.duckdb");

    Run load = run("load", "--registry", "kvarus", "--store", store.toString(), extract.toString());

    assertThat(load.exit()).isEqualTo(1);
    assertThat(load.err())
        .contains("DataDump_Prod_measurement_clinician_2024-10-28_1403.csv:4:4")
        .doesNotContain("31.02");
    assertThat(load.out()).startsWith("kvarus: 3 records loaded");
    assertThat(count(store)).isEqualTo(3);
  }

  @Test
  void indicators_engineWithoutItsStore_isAUsageError() {
    Run postgres =
        run(
            "indicators",
            "--registry",
            "ms",
            "--engine",
            "postgres",
            "--year",
            "2024",
            "--out",
            temp.resolve("none").toString());
    Run both =
        run(
            "indicators",
            "--registry",
            "ms",
            "--engine",
            "duckdb",
            "--data",
            records.toString(),
            "--year",
            "2024",
            "--out",
            temp.resolve("none").toString());
    Run unknown =
        run(
            "indicators",
            "--registry",
            "ms",
            "--engine",
            "oracle",
            "--year",
            "2024",
            "--out",
            temp.resolve("none").toString());

    assertThat(postgres.exit()).isEqualTo(2);
    assertThat(postgres.err()).contains("--store jdbc:postgresql://");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("./regforms load");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("jvm, duckdb or postgres");
    assertThat(temp.resolve("none")).doesNotExist();
  }

  private static long count(Path store) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + store);
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM regforms_record")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
