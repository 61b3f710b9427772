package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryTests;

/**
 * The three real registries (read from their definition modules' folders) and the test fixture,
 * loaded once.
 */
final class Registries {

  /** The real registries every export is tested on. */
  static final List<String> REAL = List.of("ms", "kvarus", "ect");

  /** The ids of the real registries whose definitions are present, for {@code @MethodSource}. */
  static List<String> real() {
    return REAL.stream().filter(id -> Files.isDirectory(folder(id))).toList();
  }

  private static final Map<String, Registry> LOADED = new ConcurrentHashMap<>();

  private Registries() {}

  /**
   * The definition folder of registry {@code id}: a real one under {@code forms-<id>}, else a test
   * fixture.
   */
  static Path folder(String id) {
    Path real = Path.of("..", "forms-" + id, "src", "main", "resources", "registries", id);
    return Files.isDirectory(real) ? real : Path.of("src", "test", "resources", "export", id);
  }

  /**
   * The records of registry {@code id}'s own tests {@code tests/<name>.json} ({@code valid}, {@code
   * invalid}), one JSON text each.
   */
  static List<String> samples(String id, String name) {
    return DefinitionLoader.create().loadTests(folder(id)).files().stream()
        .filter(file -> file.file().equals("tests/" + name + ".json"))
        .flatMap(file -> file.records().stream())
        .map(RegistryTests.RecordCase::record)
        .toList();
  }

  static Registry load(String id) {
    return LOADED.computeIfAbsent(
        id,
        key -> {
          Path folder = folder(key);
          assertThat(folder).as("definition folder of " + key).isDirectory();
          return DefinitionLoader.create().load(folder).registryOrThrow();
        });
  }
}
