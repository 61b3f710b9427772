package no.regforms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryTests;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.record.Record;
import no.regforms.registrytest.RegistryTestReport;
import no.regforms.registrytest.RegistryTestRunner;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.synthetic.SyntheticRecord;
import no.regforms.validation.RecordValidator;

/**
 * The checks every definition module runs on itself: it loads clean from the classpath and from its
 * folder, its own tests ({@code tests/*.json}) pass, and its synthetic data is valid except where a
 * fault was planted. Shared through the core test-jar so the modules test alike.
 */
public final class RegistryModuleChecks {

  private RegistryModuleChecks() {}

  /**
   * Loads module {@code id} and its {@code folder}; both must be free of issues and hold the same
   * forms. The only warnings allowed are the registry's {@link Registry#publicationGaps()}: facts
   * the sources do not give, which the module's own test names.
   */
  public static Registry assertLoadsCleanByIdAndFromFolder(String id, Path folder) {
    LoadResult byId = DefinitionLoader.create().loadModule(id);
    LoadResult fromFolder = DefinitionLoader.create().load(folder);

    Registry registry = byId.registryOrThrow();
    assertThat(byId.diagnostics().issues())
        .as("%s by id", id)
        .containsExactlyInAnyOrderElementsOf(registry.publicationGaps());
    assertThat(fromFolder.diagnostics().issues())
        .as("%s from %s", id, folder)
        .containsExactlyInAnyOrderElementsOf(fromFolder.registryOrThrow().publicationGaps());
    assertThat(registry.id()).isEqualTo(id);
    assertThat(fromFolder.registryOrThrow().forms().keySet()).isEqualTo(registry.forms().keySet());
    return registry;
  }

  /**
   * Runs the tests the module carries in its folder ({@code tests/*.json}), as {@code ./regforms
   * test} does: read from the classpath and from {@code folder} they must be the same and free of
   * problems, and every case must hold.
   */
  public static RegistryTestReport assertOwnTestsPass(Registry registry, Path folder) {
    RegistryTests byId = DefinitionLoader.create().loadModuleTests(registry.id());
    RegistryTests fromFolder = DefinitionLoader.create().loadTests(folder);
    assertThat(byId.diagnostics().issues()).as(byId.diagnostics().toDisplayString()).isEmpty();
    assertThat(fromFolder.caseCount()).isEqualTo(byId.caseCount());
    RegistryTestReport report = RegistryTestRunner.run(registry, byId);
    assertThat(report.failures()).as(report.toDisplayString()).isEmpty();
    assertThat(report.cases()).isEqualTo(byId.caseCount());
    return report;
  }

  /** Synthetic records of {@code registry}'s own profile. */
  public static List<SyntheticRecord> generate(
      Registry registry, int patients, long seed, double invalid) {
    SyntheticProfile profile = registry.syntheticProfile().orElseThrow();
    List<SyntheticRecord> out = new ArrayList<>();
    SyntheticDataGenerator.of(registry, profile).generate(patients, seed, invalid, out::add);
    return out;
  }

  /**
   * The SHA-256 (hex) of the file {@code ./regforms generate} writes for {@code registry} with
   * these arguments. A module pins it, so that a change which alters what a seed generates shows;
   * pin the new hash only when the change to the records is meant.
   */
  public static String generatedFileHash(
      Registry registry, int patients, long seed, double invalid) {
    StringWriter text = new StringWriter();
    try (JsonLinesRecordWriter writer = new JsonLinesRecordWriter(text)) {
      for (SyntheticRecord generated : generate(registry, patients, seed, invalid)) {
        writer.write(
            generated.record(),
            generated.plantedFault().map(f -> Map.of("planted", f.code())).orElse(Map.of()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Every record without a planted fault validates without errors; on failure, the first few paths
   * are shown.
   */
  public static void assertUnplantedRecordsValid(
      RecordValidator validator, List<SyntheticRecord> records) {
    Map<String, List<String>> failing = new LinkedHashMap<>();
    for (SyntheticRecord generated : records) {
      if (generated.plantedFault().isPresent()) continue;
      List<Issue> errors = validator.validate(generated.record()).diagnostics().errors();
      if (!errors.isEmpty()) {
        failing.put(
            generated.record().id(), errors.stream().map(RegistryModuleChecks::describe).toList());
      }
    }
    assertThat(failing)
        .as("records with errors (first few): %s", failing.entrySet().stream().limit(5).toList())
        .isEmpty();
  }

  /**
   * Every planted fault is reported with exactly its code among the record's errors; at least
   * {@code kinds} kinds are planted.
   */
  public static void assertPlantedFaultsCaught(
      RecordValidator validator, List<SyntheticRecord> records, int kinds) {
    List<SyntheticRecord> planted =
        records.stream().filter(r -> r.plantedFault().isPresent()).toList();
    assertThat(planted).as("records with a planted fault").isNotEmpty();
    assertThat(planted.stream().map(r -> r.plantedFault().get()).distinct().count())
        .isGreaterThanOrEqualTo(kinds);
    for (SyntheticRecord generated : planted) {
      List<String> codes =
          validator.validate(generated.record()).diagnostics().errors().stream()
              .map(issue -> issue.code().code())
              .distinct()
              .toList();
      assertThat(codes)
          .as(generated.record().id())
          .containsExactly(generated.plantedFault().get().code());
    }
  }

  /** The records as the JSON lines {@code generate} would write, for comparing runs. */
  public static List<String> lines(List<SyntheticRecord> records) {
    return records.stream()
        .map(
            r ->
                JsonLinesRecordWriter.toJson(
                        r.record(),
                        r.plantedFault()
                            .map(code -> Map.of("planted", code.code()))
                            .orElse(Map.of()))
                    .toString())
        .toList();
  }

  /** The valid records of {@code form}, for distribution checks. */
  public static List<Record> valid(List<SyntheticRecord> records, String form) {
    return records.stream()
        .filter(r -> r.plantedFault().isEmpty() && r.record().form().equals(form))
        .map(SyntheticRecord::record)
        .toList();
  }

  private static String describe(Issue issue) {
    String path = issue.location() instanceof RecordPath p ? p.path() : issue.location().display();
    return issue.code().code() + " at " + path;
  }
}
