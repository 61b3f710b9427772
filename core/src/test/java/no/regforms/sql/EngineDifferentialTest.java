package no.regforms.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.Issue;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResult;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordValues;
import no.regforms.synthetic.SyntheticDataGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every indicator of the three registries, on the same synthetic records (a few with planted
 * faults), gives identical results on the JVM, in DuckDB and in PostgreSQL: per indicator, year,
 * unit, HF, RHF and nation the same numerator, denominator, exclusions and left-out counts (and so
 * the same values, intervals, levels and suppression), and the same warnings.
 */
class EngineDifferentialTest {

  static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
  static final List<Integer> YEARS = List.of(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
  private static final Map<String, Registry> REGISTRIES = new ConcurrentHashMap<>();

  static Registry registry(String id) {
    return REGISTRIES.computeIfAbsent(
        id, key -> DefinitionLoader.create().load(folder(key)).registryOrThrow());
  }

  static Path folder(String id) {
    // The test registry hipfracture has date-times: hours, minutes, days elapsed and
    // date(datetime).
    if (id.equals("hipfracture")) return Path.of("src", "test", "resources", "registries", id);
    return Path.of("..", "forms-" + id, "src", "main", "resources", "registries", id);
  }

  /**
   * Synthetic records of registry {@code id}: its profile, a fixed seed, 3 % with a planted fault.
   */
  static List<Record> records(String id, int patients) throws Exception {
    Registry registry = registry(id);
    SyntheticProfile profile = registry.syntheticProfile().orElseThrow();
    List<Record> records = new ArrayList<>();
    SyntheticDataGenerator.of(registry, profile, TODAY)
        .generate(patients, 15, 0.03, generated -> records.add(generated.record()));
    List<Record> numbered = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Record r = records.get(i);
      numbered.add(
          new Record(
              r.registry(),
              r.form(),
              r.version(),
              r.id(),
              r.patient(),
              r.unit(),
              r.values(),
              i + 1));
    }
    numbered.addAll(notIncluded(id, records, numbered.size()));
    return numbered;
  }

  /**
   * Copies of a few records of registry {@code id} made to fail its inclusion criterion (ECT: a
   * course started at 14; the test registry hipfracture: an admission at 10), as new patients, so
   * both engines must count them under the criterion's id. The generator never makes such records.
   */
  static List<Record> notIncluded(String id, List<Record> records, int lines) {
    // The form, its start date and the young value of the age's source, per registry.
    String form;
    String start;
    java.util.function.Function<LocalDate, Map<String, Object>> young;
    switch (id) {
      case "ect" -> {
        form = "course";
        start = "course_start";
        young = date -> Map.of("birth_year", java.math.BigDecimal.valueOf(date.getYear() - 14));
      }
      case "hipfracture" -> {
        form = "admission";
        start = "admitted_at";
        young = date -> Map.of("birth_date", date.minusYears(10).toString());
      }
      default -> {
        return List.of();
      }
    }
    List<Record> planted = new ArrayList<>();
    for (Record r : records) {
      if (planted.size() == 12) break;
      if (!r.form().equals(form) || !(r.values().get(start) instanceof String date)) continue;
      Map<String, Object> values = new java.util.HashMap<>(r.values().asMap());
      values.putAll(young.apply(LocalDate.parse(date.substring(0, 10))));
      planted.add(
          new Record(
              r.registry(),
              r.form(),
              r.version(),
              "young-" + planted.size(),
              "p-young-" + planted.size(),
              r.unit(),
              RecordValues.of(values),
              lines + planted.size() + 1));
    }
    return planted;
  }

  static IndicatorResults inStore(
      Registry registry, List<Record> records, String url, RunOptions options) throws Exception {
    try (RecordStore store = RecordStore.open(url)) {
      store.delete(registry.id());
      List<Issue> problems = new ArrayList<>();
      store.load(
          registry,
          records.stream()
              .map(
                  r ->
                      new RecordLine(
                          r.line(), java.util.Optional.of(r), java.util.Optional.empty()))
              .iterator(),
          "synthetic.jsonl",
          problems::add,
          Clock.systemDefaultZone());
      assertThat(problems).isEmpty();
      return SqlIndicatorEngine.of(registry, store).calculate(options);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect", "kvarus", "hipfracture"})
  void everyIndicator_sameRecords_sameResultsOnJvmDuckDbAndPostgres(String id) throws Exception {
    Registry registry = registry(id);
    List<Record> records = records(id, id.equals("ms") ? 40 : 80);
    RunOptions options =
        new RunOptions(
            YEARS,
            java.util.Set.of(),
            no.regforms.indicator.ExpectedCounts.NONE,
            false,
            RunOptions.DEFAULT_MAX_RECORDS_IN_MEMORY,
            java.util.Optional.empty(),
            TODAY);
    IndicatorResults jvm = IndicatorCalculator.of(registry).calculate(records.iterator(), options);
    IndicatorResults duckdb = inStore(registry, records, "jdbc:duckdb:", options);
    IndicatorResults postgres =
        inStore(
            registry, records, PostgresServer.shared().newDatabase("differential_" + id), options);

    assertThat(jvm.results()).as("the data exercises every indicator").isNotEmpty();
    for (String indicator : registry.indicators().keySet()) {
      long cases =
          jvm.of(indicator).stream()
              .filter(r -> r.level() == GroupLevel.NATIONAL)
              .mapToLong(r -> r.denominator() + r.leftOutTotal())
              .sum();
      assertThat(cases).as("cases of %s", indicator).isPositive();
    }
    for (var criterion : registry.inclusion()) {
      assertThat(
              jvm.results().stream()
                  .filter(r -> r.level() == GroupLevel.NATIONAL)
                  .mapToLong(r -> r.excluded().getOrDefault(criterion.id(), 0L))
                  .sum())
          .as("cases failing inclusion criterion %s", criterion.id())
          .isPositive();
    }
    assertThat(duckdb.results()).isEqualTo(jvm.results());
    assertThat(postgres.results()).isEqualTo(jvm.results());
    assertThat(messages(duckdb)).isEqualTo(messages(jvm));
    assertThat(messages(postgres)).isEqualTo(messages(jvm));
    long excluded =
        jvm.results().stream()
            .mapToLong(r -> r.excluded().values().stream().mapToLong(Long::longValue).sum())
            .sum();
    System.out.printf(
        "differential %s: %d indicators, %d records, %d result rows compared (unit/HF/RHF/nation x %d years),"
            + " %d equal in DuckDB, %d equal in PostgreSQL; national denominators %d, exclusions %d%n",
        id,
        registry.indicators().size(),
        records.size(),
        jvm.results().size(),
        YEARS.size(),
        equal(jvm, duckdb),
        equal(jvm, postgres),
        jvm.results().stream()
            .filter(r -> r.level() == GroupLevel.NATIONAL)
            .mapToLong(IndicatorResult::denominator)
            .sum(),
        excluded);
  }

  private static long equal(IndicatorResults a, IndicatorResults b) {
    long same = 0;
    for (int i = 0; i < Math.min(a.results().size(), b.results().size()); i++) {
      if (a.results().get(i).equals(b.results().get(i))) same++;
    }
    return same;
  }

  private static List<String> messages(IndicatorResults results) {
    return results.diagnostics().issues().stream().map(i -> i.code() + " " + i.text("en")).toList();
  }
}
