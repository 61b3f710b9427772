package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.regforms.expression.EvaluationContext;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the promise that a loaded {@link Registry} is immutable and thread-safe: one
 * instance, used from several threads at once, gives every thread the answers a single thread gets.
 */
class SharedRegistryTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 60;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);

  /** What one thread observes of the shared registry in one round. */
  private record Observation(
      List<String> order,
      List<String> affected,
      List<String> rowOrder,
      Object severe,
      Object visible,
      String diagnostics,
      Map<String, Object> computed) {}

  private static Record record(int round) {
    return Record.of(
        "repeats",
        "ect",
        RecordValues.of(
            Map.of(
                "start_date",
                "2024-03-01",
                "max_charge",
                500,
                "sessions",
                List.of(
                    Map.of("session_date", "2024-03-04", "charge", 100 + round % 7),
                    Map.of("session_date", "2024-04-20", "charge", 900)))));
  }

  private static Observation observe(
      Registry nested, Registry repeats, RecordValidator validator, int round) {
    Form course = nested.forms().get("course");
    Form ect = repeats.forms().get("ect");
    Object severe =
        course
            .variable("severe")
            .orElseThrow()
            .compute()
            .orElseThrow()
            .compiled()
            .evaluate(EvaluationContext.of(Map.of("score_total", round % 20)));
    Object visible =
        ((Section) course.items().get(1))
            .visibleIf()
            .orElseThrow()
            .compiled()
            .evaluate(EvaluationContext.of(Map.of("admitted", round % 2 == 0)));
    ValidationResult result = validator.validate(record(round));
    return new Observation(
        course.graph().order(),
        course.graph().affectedBy("admitted"),
        ect.graph().rowGraph("sessions").orElseThrow().order(),
        severe,
        visible,
        result.diagnostics().toDisplayString(),
        result.computed());
  }

  @Test
  void registry_usedFromManyThreadsAtOnce_givesEveryThreadTheSingleThreadedAnswers()
      throws Exception {
    Registry nested = ValidDefinitionCorpusTest.load("nested_sections_with_visibility");
    Registry repeats = ValidDefinitionCorpusTest.load("repeat_groups");
    RecordValidator validator = RecordValidator.of(repeats, CLOCK);
    List<Observation> expected = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      expected.add(observe(nested, repeats, validator, round));
    }
    assertThat(expected.get(0).computed())
        .as("the record exercises computed values in rows and form")
        .containsKeys("session_count", "highest_charge", "sessions[2].days_from_start")
        .containsEntry("any_late", true);
    assertThat(expected.get(0).diagnostics()).as("and a rule").contains("charge_within_max");

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<Observation>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Callable<List<Observation>> work =
            () -> {
              start.await();
              List<Observation> seen = new ArrayList<>();
              for (int round = 0; round < ROUNDS; round++) {
                seen.add(observe(nested, repeats, validator, round));
              }
              return seen;
            };
        futures.add(pool.submit(work));
      }
      start.countDown();
      for (Future<List<Observation>> future : futures) {
        assertThat(future.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
