package no.regforms.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One pass over the same JSON Lines bytes (generated MS records, every form) by regforms and by its
 * yardsticks: bare Jackson (streaming tokens, and a tree per record) and two JSON Schema validators
 * on the schemas regforms exports. Every variant starts from the file's bytes and ends with a
 * verdict (or a tree) per record, so each ratio prices the whole job.
 *
 * <p>Iteration counts, forks and the data come from {@link Bench}; run through it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseValidateBenchmark {

  /** A JSON Lines file of MS records. */
  @Param("")
  public String records;

  /** The folder {@code regforms export --format jsonschema} wrote. */
  @Param("")
  public String schemas;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final ObjectReader TREES = MAPPER.readerFor(JsonNode.class);

  private byte[] bytes;
  private RecordValidator validator;
  private final Map<String, Schema> everit = new HashMap<>();
  private final Map<String, com.networknt.schema.Schema> networknt = new HashMap<>();

  @Setup
  public void setUp() throws IOException {
    bytes = Files.readAllBytes(Path.of(records));
    Registry ms = DefinitionLoader.create().loadModule("ms").registryOrThrow();
    validator = RecordValidator.of(ms);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    for (String form : ms.forms().keySet()) {
      String schema = Files.readString(Path.of(schemas, "jsonschema", form + ".schema.json"));
      everit.put(form, SchemaLoader.load(new JSONObject(schema)));
      networknt.put(form, registry.getSchema(MAPPER.readTree(schema)));
    }
  }

  /** Bare Jackson, streaming: every token of every record, nothing built. */
  @Benchmark
  public void jacksonStreaming(Blackhole sink) throws IOException {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        sink.consume(token);
      }
    }
  }

  /** Bare Jackson, {@code readTree}: one tree per record. */
  @Benchmark
  public void jacksonTree(Blackhole sink) throws IOException {
    try (MappingIterator<JsonNode> trees = TREES.readValues(bytes)) {
      while (trees.hasNext()) sink.consume(trees.next());
    }
  }

  /** regforms reading the records only (its reader's share of {@link #regformsValidate}). */
  @Benchmark
  public void regformsParse(Blackhole sink) {
    try (Stream<RecordLine> lines = reader().lines()) {
      lines.forEach(sink::consume);
    }
  }

  /**
   * regforms: read and validate every record (skip logic, ranges, codes, rules, computed values).
   */
  @Benchmark
  public void regformsValidate(Blackhole sink) {
    try (Stream<RecordLine> lines = reader().lines()) {
      lines.forEach(line -> sink.consume(validator.validate(line.record().orElseThrow())));
    }
  }

  /** Everit 1.14 on the exported JSON Schema of each record's form (org.json parse included). */
  @Benchmark
  public void everit(Blackhole sink) throws IOException {
    try (BufferedReader in = lines()) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JSONObject json = new JSONObject(line);
        try {
          everit.get(json.getString("form")).validate(json);
          sink.consume(true);
        } catch (ValidationException e) {
          sink.consume(e);
        }
      }
    }
  }

  /**
   * networknt json-schema-validator on the exported JSON Schema of each record's form (Jackson tree
   * included).
   */
  @Benchmark
  public void networknt(Blackhole sink) throws IOException {
    try (MappingIterator<JsonNode> trees = TREES.readValues(bytes)) {
      while (trees.hasNext()) {
        JsonNode record = trees.next();
        sink.consume(networknt.get(record.get("form").asText()).validate(record));
      }
    }
  }

  private JsonLinesRecordReader reader() {
    // The bytes, as Jackson's variants get them (the reader's text constructor encodes text back
    // to bytes).
    return new JsonLinesRecordReader(new ByteArrayInputStream(bytes));
  }

  private BufferedReader lines() {
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
  }

  /**
   * Before anything is timed ({@link EngineSection} runs this once), the variants must agree that
   * the data is what the benchmark claims: every record read, every record valid for regforms and
   * for both schema validators. A validator that rejected (or skipped) records would be doing other
   * work than the rest.
   */
  static final class Verdicts {
    private Verdicts() {}

    static void check(String records, String schemas) throws IOException {
      ParseValidateBenchmark b = new ParseValidateBenchmark();
      b.records = records;
      b.schemas = schemas;
      b.setUp();
      long count = 0;
      try (BufferedReader in = b.lines()) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          count++;
          JSONObject json = new JSONObject(line);
          try {
            b.everit.get(json.getString("form")).validate(json);
          } catch (ValidationException e) {
            // Everit's message may quote the value: say only where.
            throw new IllegalStateException(
                "Everit rejects line " + count + " at " + e.getPointerToViolation());
          }
          JsonNode tree = MAPPER.readTree(line);
          var errors = b.networknt.get(tree.get("form").asText()).validate(tree);
          if (!errors.isEmpty()) {
            throw new IllegalStateException(
                "networknt rejects line " + count + " at " + errors.get(0).getInstanceLocation());
          }
        }
      }
      long[] valid = {0};
      try (Stream<RecordLine> lines = b.reader().lines()) {
        lines.forEach(
            line -> {
              ValidationResult result = b.validator.validate(line.record().orElseThrow());
              if (result.isValid()) valid[0]++;
            });
      }
      if (valid[0] != count)
        throw new IllegalStateException(
            "regforms finds " + (count - valid[0]) + " of " + count + " records invalid");
      // And all three see a broken record: an unknown code (an enum in the schemas).
      String broken =
          "{\"registry\":\"ms\",\"form\":\"inclusion\",\"values\":{\"sex\":\"not-a-code\"}}";
      boolean everitRejects = false;
      try {
        b.everit.get("inclusion").validate(new JSONObject(broken));
      } catch (ValidationException e) {
        everitRejects = true;
      }
      boolean networkntRejects =
          !b.networknt.get("inclusion").validate(MAPPER.readTree(broken)).isEmpty();
      boolean regformsRejects =
          !b.validator.validate(RecordParser.parse(broken, 1).record().orElseThrow()).isValid();
      if (!everitRejects || !networkntRejects || !regformsRejects) {
        throw new IllegalStateException(
            "a record with an unknown code passes: Everit "
                + !everitRejects
                + ", networknt "
                + !networkntRejects
                + ", regforms "
                + !regformsRejects);
      }
    }
  }
}
