package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.synthetic.SyntheticRecord;
import no.regforms.testing.Folders;
import no.regforms.testing.RegistryModuleChecks;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real registries as a host loads them, a packaged module whose build checked it: the load
 * builds the current version alone; a record of an earlier version, met later, validates exactly as
 * after a folder load that built every version at once; threads meeting an earlier version together
 * build it once.
 */
class TrustedModuleVersionsTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  @TempDir Path temp;

  @Test
  void trustedLoad_ms_buildsOnlyTheCurrentVersion() throws IOException {
    Path folder = checkedCopy("ms");

    LoadResult trusted = PackagedModules.load(LOADER, folder, "ms", temp);
    LoadResult fromFolder = LOADER.load(folder);

    assertThat(trusted.registryOrThrow().builtVersions()).containsExactly("2025.1");
    assertThat(fromFolder.registryOrThrow().builtVersions())
        .containsExactly("2025.1", "2014.1", "2019.1", "2022.1");
    assertThat(trusted.diagnostics().toDisplayString())
        .isEqualTo(fromFolder.diagnostics().toDisplayString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect"})
  void earlierVersionRecords_trustedModule_validateAsAfterAFolderLoad(String id)
      throws IOException {
    Path folder = checkedCopy(id);
    Registry trusted = PackagedModules.load(LOADER, folder, id, temp).registryOrThrow();
    Registry eager = LOADER.load(folder).registryOrThrow();
    RecordValidator lazily = RecordValidator.of(trusted);
    RecordValidator eagerly = RecordValidator.of(eager);
    List<String> earlier = earlierVersions(trusted);
    assertThat(earlier).isNotEmpty();

    // The synthetic profile describes the current version, so the records are generated for it
    // and then declared as each earlier version: what that version lacks or adds shows as issues,
    // which must come out the same.
    List<SyntheticRecord> generated = RegistryModuleChecks.generate(eager, 12, 14L, 0.1);
    int issues = 0;
    for (String version : earlier) {
      for (SyntheticRecord synthetic : generated) {
        Record record = as(synthetic.record(), version);
        ValidationResult expected = eagerly.validate(record);
        assertThat(outcome(lazily.validate(record)))
            .as("%s %s %s", id, version, record.form())
            .isEqualTo(outcome(expected));
        issues += expected.diagnostics().issues().size();
      }
    }
    assertThat(issues).as("the comparison saw issues").isPositive();
    assertThat(trusted.builtVersions())
        .containsExactlyInAnyOrderElementsOf(eager.history().names());
  }

  @Test
  void concurrentFirstUse_ms_buildsEachEarlierVersionOnce() throws Exception {
    Registry trusted =
        PackagedModules.load(LOADER, checkedCopy("ms"), "ms", temp).registryOrThrow();
    RecordValidator validator = RecordValidator.of(trusted);
    List<String> earlier = earlierVersions(trusted);
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Callable<List<Seen>>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      tasks.add(
          () -> {
            start.await();
            List<Seen> seen = new ArrayList<>();
            for (int i = 0; i < earlier.size(); i++) {
              // each thread meets the versions in another order, all threads at once
              String version = earlier.get((i + offset) % earlier.size());
              Registry view = trusted.atVersion(version).orElseThrow();
              String outcome = outcome(validator.validate(emptyInclusion(version)));
              seen.add(new Seen(version, view, outcome));
            }
            return seen;
          });
    }
    Map<String, Set<Registry>> registries = new TreeMap<>(); // Registry: equal when the same
    Map<String, Set<String>> outcomes = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Future<List<Seen>> result : pool.invokeAll(tasks)) {
        for (Seen seen : result.get()) {
          registries.computeIfAbsent(seen.version(), v -> new HashSet<>()).add(seen.registry());
          outcomes.computeIfAbsent(seen.version(), v -> new HashSet<>()).add(seen.outcome());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(trusted.builtVersions())
        .containsExactlyInAnyOrderElementsOf(trusted.history().names());
    // One registry and one outcome per version, whichever thread asked first.
    assertThat(registries.keySet()).containsExactlyInAnyOrderElementsOf(earlier);
    assertThat(registries).allSatisfy((v, same) -> assertThat(same).hasSize(1));
    assertThat(outcomes).allSatisfy((v, same) -> assertThat(same).hasSize(1));
  }

  private record Seen(String version, Registry registry, String outcome) {}

  /** Module {@code id}'s folder, copied from the classpath and checked by the build step. */
  private Path checkedCopy(String id) throws IOException {
    Path folder = Folders.copyOfModule(id, Files.createTempDirectory(temp, id).resolve(id));
    assertThat(ModuleBuildCheck.record(folder)).isEmpty();
    return folder;
  }

  private static List<String> earlierVersions(Registry registry) {
    return registry.history().names().stream()
        .filter(name -> !name.equals(registry.version()))
        .toList();
  }

  private static Record as(Record record, String version) {
    return new Record(
        record.registry(),
        record.form(),
        version,
        record.id(),
        record.patient(),
        record.unit(),
        record.values(),
        record.line());
  }

  private static Record emptyInclusion(String version) {
    return new Record("ms", "inclusion", version, "", "", "", RecordValues.of(Map.of()), 1);
  }

  /** What a host sees of a validation: every issue as displayed, the computed values. */
  private static String outcome(ValidationResult result) {
    return result.diagnostics().toDisplayString() + "\n" + result.computed();
  }
}
