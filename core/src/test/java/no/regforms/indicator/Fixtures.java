package no.regforms.indicator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;

/** Builds records for indicator tests and loads the real registries from their source folders. */
final class Fixtures {

  private static final Map<String, Registry> LOADED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Fixtures() {}

  /**
   * The registry {@code id} from its definition module's source folder, loaded once per test run.
   */
  static Registry registry(String id) {
    return LOADED.computeIfAbsent(
        id,
        key ->
            DefinitionLoader.create()
                .load(Path.of("..", "forms-" + key, "src", "main", "resources", "registries", key))
                .registryOrThrow());
  }

  /** A registry folder under {@code src/test/resources/indicator/}. */
  static Registry testRegistry(String folder) {
    return LOADED.computeIfAbsent(
        "test:" + folder,
        key ->
            DefinitionLoader.create()
                .load(Path.of("src", "test", "resources", "indicator", folder))
                .registryOrThrow());
  }

  /**
   * A record of {@code form} for {@code patient} at {@code unit}, with alternating keys and values.
   */
  static Record record(
      String registry,
      String form,
      String id,
      String patient,
      String unit,
      Object... keysAndValues) {
    return new Record(
        registry, form, "", id, patient, unit, RecordValues.of(map(keysAndValues)), 0);
  }

  /**
   * {@code count} MS inclusion records of patients diagnosed on {@code diagnosisDate} with home HF
   * {@code homeHf}.
   */
  static List<Record> msInclusions(int count, String homeHf, String diagnosisDate) {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          record(
              "ms",
              "inclusion",
              "i" + i,
              "p" + i,
              "",
              "home_hf",
              homeHf,
              "diagnosis_date",
              diagnosisDate));
    }
    return records;
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  static List<Object> rows(Object... rows) {
    return new ArrayList<>(List.of(rows));
  }
}
