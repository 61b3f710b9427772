package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * One compiled registry, one validator and one calculator shared by 16 threads, each validating
 * every record and computing every indicator (spilling to disk), give byte for byte what one thread
 * gives alone.
 */
class ConcurrentRunsTest {

  private static final int THREADS = 16;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void validateAndCalculate_sixteenThreadsSharingOneRegistry_giveTheSequentialBytes()
      throws Exception {
    Registry ms = Fixtures.registry("ms");
    List<Record> records = new ArrayList<>();
    SyntheticDataGenerator.of(ms, ms.syntheticProfile().orElseThrow(), TODAY)
        .generate(60, 7, 0.3, generated -> records.add(generated.record()));
    RecordValidator validator = RecordValidator.of(ms, CLOCK);
    IndicatorCalculator calculator = IndicatorCalculator.of(ms);
    RunOptions options =
        RunOptions.years(2020, 2021, 2022, 2023, 2024)
            .withToday(TODAY)
            .withSpill(300, Optional.empty());

    byte[] sequential = run(records, validator, calculator, options);
    assertThat(new String(sequential, StandardCharsets.UTF_8))
        .as("the run exercises errors, computed values and results")
        .contains("\"severity\":\"error\"")
        .containsPattern("\"computed\":\"\\{[a-z]")
        .contains(",2024,national,national,");

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return run(records, validator, calculator, options);
                }));
      }
      start.countDown();
      for (Future<byte[]> future : futures) {
        assertThat(future.get(5, TimeUnit.MINUTES)).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Every record's issues and derived values, then the indicator table and its diagnostics, as
   * bytes.
   */
  private static byte[] run(
      List<Record> records,
      RecordValidator validator,
      IndicatorCalculator calculator,
      RunOptions options) {
    StringWriter out = new StringWriter();
    for (Record record : records) {
      ValidationResult result = validator.validate(record);
      ObjectNode line = JSON.createObjectNode();
      ArrayNode issues = line.putArray("issues");
      for (Issue issue : result.diagnostics().issues()) {
        issues
            .addObject()
            .put(
                "path",
                issue.location() instanceof RecordPath path
                    ? path.path()
                    : issue.location().display())
            .put("code", issue.code().code())
            .put("severity", issue.severity().label())
            .put("nb", issue.text("nb"))
            .put("en", issue.text("en"));
      }
      // Typed values (dates, decimals) in a fixed order, as their own text.
      line.put("computed", new TreeMap<>(result.computed()).toString());
      line.put("values", new TreeMap<>(result.values()).toString());
      out.write(line + "\n");
    }
    IndicatorResults results = calculator.calculate(records.iterator(), options);
    try {
      ResultTableWriter.writeCsv(results, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write(results.diagnostics().toDisplayString());
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
