package no.regforms.examples.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryTests;
import no.regforms.record.Record;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validation throughput against its baseline, reading the same JSON lines: {@link #parseOnly} is the
 * cost every consumer of a JSON Lines extract pays; {@link #parseAndValidate} adds the validator.
 * Their ratio (printed by {@link BenchmarkRunner}) is the number to watch, not the absolute times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

  /** Registry id (a definition module on the classpath). */
  @Param("ms")
  public String registry;

  /** A test file of that registry's own tests; its records are validated. */
  @Param("tests/valid.json")
  public String records;

  private List<String> lines;
  private RecordValidator validator;

  @Setup
  public void setUp() {
    Registry loaded = DefinitionLoader.create().loadModule(registry).registryOrThrow();
    validator = RecordValidator.of(loaded);
    lines = DefinitionLoader.create().loadModuleTests(registry).files().stream()
        .filter(file -> file.file().equals(records))
        .flatMap(file -> file.records().stream()).map(RegistryTests.RecordCase::record).toList();
    if (lines.isEmpty()) throw new IllegalStateException("registry '" + registry + "' has no records in " + records);
  }

  @Benchmark
  public void parseOnly(Blackhole sink) {
    for (String line : lines) {
      sink.consume(RecordParser.parse(line, 0));
    }
  }

  @Benchmark
  public void parseAndValidate(Blackhole sink) {
    for (String line : lines) {
      Record record = RecordParser.parse(line, 0).record().orElseThrow();
      sink.consume(validator.validate(record));
    }
  }
}
