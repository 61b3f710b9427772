package no.regforms.sql;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import no.regforms.definition.Indicator;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.indicator.CaseCounts;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;

/**
 * Computes a registry's indicators in the database that holds its records: the cases are counted by
 * the SQL of {@link IndicatorSql}, and the counts go through the same grouping, intervals, levels
 * and suppression as the JVM engine's ({@link IndicatorCalculator#results}), so both give the same
 * results from the same records.
 *
 * <pre>{@code
 * try (RecordStore store = RecordStore.open("jdbc:duckdb:records.duckdb")) {
 *   IndicatorResults results = SqlIndicatorEngine.of(registry, store).calculate(RunOptions.years(2024));
 * }
 * }</pre>
 *
 * <p>Reads the store only; one run at a time per store.
 */
public final class SqlIndicatorEngine {

  private final Registry registry;
  private final RecordStore store;
  private final IndicatorSql sql;

  private SqlIndicatorEngine(Registry registry, RecordStore store) {
    this.registry = registry;
    this.store = store;
    this.sql = IndicatorSql.of(registry, store.dialect());
  }

  /** An engine over {@code store} for {@code registry}'s indicators. */
  public static SqlIndicatorEngine of(Registry registry, RecordStore store) {
    return new SqlIndicatorEngine(
        Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(store, "store"));
  }

  /**
   * Counts in the database and returns the results, with the run's issues (records with errors, of
   * other forms, units missing from the organisation table) as the JVM engine reports them.
   *
   * @throws SQLException when a query fails
   */
  public IndicatorResults calculate(RunOptions options) throws SQLException {
    Objects.requireNonNull(options, "options");
    List<CaseCounts> counts = new ArrayList<>();
    int indicators = 0;
    for (Indicator indicator : registry.indicators().values()) {
      if (!options.indicators().isEmpty() && !options.indicators().contains(indicator.id()))
        continue;
      counts.addAll(count(indicator, options));
      indicators++;
    }
    return IndicatorCalculator.of(registry)
        .results(
            counts,
            options,
            recordIssues(options, indicators > 0 && counts.stream().allMatch(c -> c.cases() == 0)));
  }

  /**
   * The counts of {@code indicator}, each year by the definition valid that year (its {@code
   * history}).
   */
  private List<CaseCounts> count(Indicator indicator, RunOptions options) throws SQLException {
    Map<Indicator, List<Integer>> yearsByDefinition = new LinkedHashMap<>();
    for (int year : options.years()) {
      registry
          .indicatorVersion(indicator.id(), year)
          .ifPresent(
              dated ->
                  yearsByDefinition
                      .computeIfAbsent(dated.indicator(), k -> new ArrayList<>())
                      .add(year));
    }
    List<CaseCounts> out = new ArrayList<>();
    for (Map.Entry<Indicator, List<Integer>> definition : yearsByDefinition.entrySet()) {
      out.addAll(count(indicator.id(), definition.getKey(), definition.getValue(), options));
    }
    return out;
  }

  private List<CaseCounts> count(
      String id, Indicator indicator, List<Integer> years, RunOptions options) throws SQLException {
    Map<String, Counts> byGroup = new TreeMap<>();
    try (Statement statement = store.connection().createStatement();
        ResultSet rows = statement.executeQuery(sql.query(indicator, years, options.today()))) {
      while (rows.next()) {
        int year = rows.getInt("report_year");
        String group = rows.getString("grp");
        String outcome = rows.getString("outcome");
        String detail = rows.getString("detail");
        long n = rows.getLong("n");
        Counts counts =
            byGroup.computeIfAbsent(year + "\u0000" + group, k -> new Counts(year, group));
        switch (outcome) {
          case "excluded":
            counts.excluded.merge(detail, n, Long::sum);
            break;
          case "left_out":
            counts.leftOut.merge(detail, n, Long::sum);
            break;
          default:
            counts.denominator += n;
            if (rows.getBoolean("hit")) counts.numerator += n;
            BigDecimal value = rows.getBigDecimal("val");
            if (value != null) {
              for (long i = 0; i < n; i++) counts.values.add(value.doubleValue());
            }
        }
      }
    }
    List<CaseCounts> out = new ArrayList<>();
    for (Counts c : byGroup.values()) {
      out.add(
          new CaseCounts(
              id, c.year, c.group, c.numerator, c.denominator, c.values, c.excluded, c.leftOut));
    }
    return out;
  }

  /**
   * The run's notes on the records themselves, counted in the store as the JVM engine counts them,
   * and the error of a run that found no case in its years (the store does not say where the data's
   * cases fall instead).
   */
  private List<Issue> recordIssues(RunOptions options, boolean noCases) throws SQLException {
    String query =
        "SELECT count(*), sum(CASE WHEN checked_json IS NULL THEN 1 ELSE 0 END), "
            + "sum(CASE WHEN checked_json IS NOT NULL AND errors > 0 THEN 1 ELSE 0 END) FROM "
            + IndicatorSql.TABLE
            + " WHERE registry = ?";
    try (PreparedStatement statement = store.connection().prepareStatement(query)) {
      statement.setString(1, registry.id());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long records = rows.getLong(1);
        long otherForm = rows.getLong(2);
        List<Issue> issues = new ArrayList<>();
        if (noCases && records > otherForm)
          issues.add(
              IndicatorCalculator.noCases(options.years(), Integer.MAX_VALUE, Integer.MIN_VALUE));
        issues.addAll(IndicatorCalculator.recordIssues(records, rows.getLong(3), otherForm));
        return issues;
      }
    }
  }

  /** Counts of one group while the rows come in. */
  private static final class Counts {
    final int year;
    final String group;
    long numerator;
    long denominator;
    final List<Double> values = new ArrayList<>();
    final Map<String, Long> excluded = new HashMap<>();
    final Map<String, Long> leftOut = new HashMap<>();

    Counts(int year, String group) {
      this.year = year;
      this.group = group;
    }
  }
}
