package no.regforms.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.record.Record;
import no.regforms.record.RecordParser;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.synthetic.SyntheticRecord;

/**
 * Records made by the engine's synthetic data generator, as JSON text for checkers outside the
 * engine.
 */
final class GeneratedRecords {

  /** The generator's "today"; validators in these tests use the same day. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

  static final Clock CLOCK =
      Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeneratedRecords() {}

  /**
   * Records of {@code patients} synthetic patients, form by form, about {@code invalidFraction} of
   * them with a planted fault. Forms the generator cannot fill without a registry profile (its own
   * {@code synthetic.json}) are left out.
   */
  static List<SyntheticRecord> generate(Registry registry, int patients, double invalidFraction) {
    List<SyntheticRecord> out = new ArrayList<>();
    for (String form : registry.forms().keySet()) {
      SyntheticProfile profile = SyntheticProfile.uniform(List.of(form));
      try {
        SyntheticDataGenerator.of(registry, profile, TODAY)
            .generate(patients, 20_251_123L, invalidFraction, out::add);
      } catch (IllegalStateException rulesTooStrictForUniformProfile) {
        continue;
      }
    }
    return out;
  }

  /**
   * The valid records of the registry's own tests ({@code tests/valid.json}) under {@code
   * forms-<id>}.
   */
  static List<Record> samples(String registry) {
    return Registries.samples(registry, "valid").stream().map(GeneratedRecords::parse).toList();
  }

  /** The record as one JSON line in the record format. */
  static String json(Record record) {
    return json(record, record.values().asMap());
  }

  /** The record's envelope with {@code values} instead of its own. */
  static String json(Record record, Map<String, Object> values) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("registry", record.registry());
    line.put("form", record.form());
    line.put("version", record.version());
    line.put("id", record.id());
    line.put("patient", record.patient());
    line.put("unit", record.unit());
    line.put("values", values);
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record in {@code json}, read as the engine reads record files. */
  static Record parse(String json) {
    return RecordParser.parse(json, 1).record().orElseThrow();
  }
}
