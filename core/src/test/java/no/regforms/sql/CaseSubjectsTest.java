package no.regforms.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.indicator.ExpectedCounts;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResult;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The subjects {@code pathway} (a course with the follow-ups that link to it) and {@code episode}
 * (a patient's records sharing {@code episode_id}) on hand-made records of the test registry
 * pathways: the JVM engine's figures, and the same results in DuckDB and in PostgreSQL.
 *
 * <p>Patient p1 has two courses in 2024, c1 (follow-ups f1, f2 link to it, no relapse) and c2 (f3,
 * no relapse), and a follow-up f8 in c1's episode with a relapse that links to nothing; p2's course
 * has 2 sessions (excluded); p3 was 12 at the start (the registry's inclusion criterion); p4's
 * course of 2023 has one follow-up with and one without a relapse (the 2023 definition asks for
 * all); p5's course has no follow-up; p6 has only a follow-up naming p1's course.
 */
class CaseSubjectsTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
  private static Registry registry;
  private static IndicatorResults jvm;
  private static IndicatorResults duckdb;
  private static IndicatorResults postgres;

  @BeforeAll
  static void run() throws Exception {
    registry =
        DefinitionLoader.create()
            .load(Path.of("src/test/resources/registries/pathways"))
            .registryOrThrow();
    List<Record> records = records();
    RunOptions options =
        new RunOptions(
            List.of(2023, 2024),
            Set.of(),
            ExpectedCounts.NONE,
            false,
            RunOptions.DEFAULT_MAX_RECORDS_IN_MEMORY,
            Optional.empty(),
            TODAY);
    jvm = IndicatorCalculator.of(registry).calculate(records.iterator(), options);
    duckdb = EngineDifferentialTest.inStore(registry, records, "jdbc:duckdb:", options);
    postgres =
        EngineDifferentialTest.inStore(
            registry, records, PostgresServer.shared().newDatabase("subjects"), options);
  }

  private static List<Record> records() {
    List<Record> records = new ArrayList<>();
    course(records, "p1", "c1", "2024-02-01", "E1", 1970, 10, "100");
    followup(records, "p1", "f1", "E1", false, "c1");
    followup(records, "p1", "f2", "E1", false, "c1");
    followup(records, "p1", "f8", "E1", true, null);
    course(records, "p1", "c2", "2024-09-01", "E2", 1970, 8, "100");
    followup(records, "p1", "f3", "E2", false, "c2");
    course(records, "p2", "c3", "2024-03-01", "E3", 1980, 2, "200");
    followup(records, "p2", "f4", "E3", true, "c3");
    course(records, "p3", "c4", "2024-04-01", "E4", 2012, 6, "200");
    followup(records, "p3", "f5", "E4", true, "c4");
    course(records, "p4", "c5", "2023-05-01", "E5", 1960, 6, "200");
    followup(records, "p4", "f6", "E5", true, "c5");
    followup(records, "p4", "f7", "E5", false, "c5");
    course(records, "p5", "c6", "2024-06-01", "E6", 1990, 6, "200");
    followup(records, "p6", "f9", "E1", true, "c1");
    return records;
  }

  private static void course(
      List<Record> records,
      String patient,
      String id,
      String start,
      String episode,
      int born,
      int sessions,
      String unit) {
    records.add(
        new Record(
            "pathways",
            "course",
            "1",
            id,
            patient,
            unit,
            RecordValues.of(
                Map.of(
                    "course_start",
                    start,
                    "episode_id",
                    episode,
                    "birth_year",
                    BigDecimal.valueOf(born),
                    "sessions",
                    BigDecimal.valueOf(sessions))),
            records.size() + 1));
  }

  private static void followup(
      List<Record> records,
      String patient,
      String id,
      String episode,
      boolean relapse,
      String course) {
    records.add(
        new Record(
            "pathways",
            "followup",
            "1",
            id,
            patient,
            "300",
            course == null ? Map.of() : Map.of("course", course),
            RecordValues.of(
                Map.of("followup_date", "2024-05-01", "episode_id", episode, "relapse", relapse)),
            records.size() + 1));
  }

  private static IndicatorResult national(String indicator, int year) {
    return jvm.of(indicator, year, GroupLevel.NATIONAL).get(0);
  }

  @Test
  void pathway_courseWithItsLinkedFollowups_oneCasePerCourse() {
    IndicatorResult relapse = national("pathway_relapse", 2024);
    // c1 and c2 are counted, neither with a relapse among its own follow-ups (f8 and p6's f9 are
    // not c1's); c3 excluded by the indicator, c4 by the registry's criterion; c6 has none.
    assertThat(relapse.denominator()).isEqualTo(2);
    assertThat(relapse.numerator()).isZero();
    assertThat(relapse.excluded()).isEqualTo(Map.of("short_course", 1L, "under_16", 1L));
    // Attributed to the course's unit, not the follow-ups'.
    assertThat(jvm.of("pathway_relapse", 2024, GroupLevel.UNIT))
        .extracting(IndicatorResult::group)
        .containsExactlyInAnyOrder("100", "200");
  }

  @Test
  void episode_recordsSharingTheKey_oneCasePerEpisode() {
    IndicatorResult relapse = national("episode_relapse", 2024);
    // E1 reads f1, f2 and f8 (a relapse); E2 reads f3.
    assertThat(relapse.denominator()).isEqualTo(2);
    assertThat(relapse.numerator()).isEqualTo(1);
    assertThat(relapse.excluded()).isEqualTo(Map.of("short_course", 1L, "under_16", 1L));
  }

  @Test
  void bothSubjects_2023_countedByTheDefinitionOfThatYear() {
    // Version 1 asks for a relapse at every follow-up: c5 has one without.
    for (String id : List.of("pathway_relapse", "episode_relapse")) {
      IndicatorResult relapse = national(id, 2023);
      assertThat(relapse.denominator()).as(id).isEqualTo(1);
      assertThat(relapse.numerator()).as(id).isZero();
      assertThat(relapse.version()).as(id).isEqualTo("1");
    }
  }

  @Test
  void valueTypes_followupsPerCase_givePathwayAndEpisodeFigures() {
    // Pathways c1, c2, c6 have 2, 1 and 0 follow-ups; episodes E1, E2, E6 have 3, 1 and 0.
    Map<String, Double> pathway =
        Map.of("count", 3.0, "sum", 3.0, "min", 0.0, "max", 2.0, "mean", 1.0, "median", 1.0);
    Map<String, Double> episode =
        Map.of("count", 3.0, "sum", 4.0, "min", 0.0, "max", 3.0, "mean", 4.0 / 3, "median", 1.0);
    pathway.forEach(
        (type, value) ->
            assertThat(national("pathway_followups_" + type, 2024).value())
                .as("pathway %s", type)
                .hasValue(value));
    episode.forEach(
        (type, value) ->
            assertThat(national("episode_followups_" + type, 2024).value())
                .as("episode %s", type)
                .hasValue(value));
    assertThat(national("episode_followups_sum", 2024).excluded())
        .isEqualTo(Map.of("short_course", 1L, "under_16", 1L));
  }

  @Test
  void report_countIndicator_valueIsAWholeNumber() {
    String page =
        no.regforms.indicator.IndicatorReport.of(registry, "nb")
            .render(jvm, 2024, GroupLevel.NATIONAL);

    String section = page.substring(page.indexOf("<h2", page.indexOf("pathway_followups_count")));
    section = section.substring(0, section.indexOf("<h2", 1));
    assertThat(section).contains(">3</text>").doesNotContain(">3,0</text>");
  }

  @Test
  void sqlEngines_sameRecords_sameResultsAsTheJvm() {
    assertThat(jvm.results()).isNotEmpty();
    assertThat(duckdb.results()).isEqualTo(jvm.results());
    assertThat(postgres.results()).isEqualTo(jvm.results());
  }
}
