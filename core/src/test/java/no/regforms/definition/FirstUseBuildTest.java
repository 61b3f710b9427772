package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.RegformsException;
import no.regforms.migration.MigrationResult;
import no.regforms.migration.RecordMigrator;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged module whose build checked its files builds its current version at load, and each
 * earlier version and each version's migration steps when first asked for, to the same result as a
 * folder load that builds them all at once; one that cannot build fails loudly, naming registry and
 * version. On the test registry with three versions and migrations between them.
 */
class FirstUseBuildTest {

  private static final Path VERSIONED =
      Path.of("src", "test", "resources", "registries", "versioned");
  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  @TempDir Path temp;

  @Test
  void trustedLoad_versionedRegistry_buildsTheCurrentVersionAlone() throws IOException {
    Registry trusted = trusted(Folders.copy(VERSIONED, temp.resolve("versioned")));

    assertThat(trusted.builtVersions()).containsExactly("2024.1");
    assertThat(LOADER.load(VERSIONED).registryOrThrow().builtVersions())
        .containsExactly("2024.1", "2020.1", "2022.1");
  }

  @Test
  void trustedLoad_migrateFromTheFirstVersion_sameAsAFolderLoad() throws IOException {
    Registry trusted = trusted(Folders.copy(VERSIONED, temp.resolve("versioned")));
    Registry folder = LOADER.load(VERSIONED).registryOrThrow();

    for (String tobacco : List.of("never", "former", "daily", "occasional")) {
      MigrationResult lazily = RecordMigrator.of(trusted).migrate(of2020(tobacco), "2024.1");
      MigrationResult eagerly = RecordMigrator.of(folder).migrate(of2020(tobacco), "2024.1");

      assertThat(lazily.problem()).as(tobacco).isEqualTo(eagerly.problem()).isEmpty();
      assertThat(lazily.record()).as(tobacco).isEqualTo(eagerly.record());
      assertThat(lazily.changes()).as(tobacco).isEqualTo(eagerly.changes()).isNotEmpty();
    }
    assertThat(trusted.builtVersions()).containsExactlyInAnyOrder("2024.1", "2020.1", "2022.1");
    assertThat(steps(trusted)).isEqualTo(steps(folder));
  }

  @Test
  void trustedLoad_earlierVersionThatDoesNotBuild_throwsNamingRegistryAndVersion()
      throws IOException {
    // A rule of 2020.1 and 2022.1 reading a variable 2020.1 lacks, and a digest written without
    // the build check that would have refused it: the current version loads, 2020.1 cannot.
    Path folder = Folders.copy(VERSIONED, temp.resolve("versioned"));
    Path form = folder.resolve("forms/visit.json");
    Files.writeString(
        form,
        Files.readString(form).replace("\"diastolic < systolic\"", "\"diastolic < weight_kg\""));
    assertThat(LOADER.load(folder).diagnostics().toDisplayString())
        .contains("in version 2020.1: unknown variable 'weight_kg'");
    PackagedModules.writeDigestUnchecked(folder);

    LoadResult loaded = PackagedModules.load(LOADER, folder, "versioned", temp);
    Registry trusted = loaded.registryOrThrow();

    assertThat(loaded.diagnostics().issues()).isEmpty();
    assertThatThrownBy(() -> trusted.atVersion("2020.1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("registry 'versioned': version 2020.1 does not build")
        .hasMessageContaining("forms/visit.json")
        .hasMessageContaining("unknown variable 'weight_kg'")
        .hasCauseInstanceOf(RegformsException.class);
    // Asked again, it fails again: nothing half-built is kept.
    assertThatThrownBy(() -> trusted.atVersion("2020.1"))
        .hasMessageStartingWith("registry 'versioned': version 2020.1 does not build");
    assertThat(trusted.atVersion("2022.1")).isPresent();
    // The migration steps of 2022.1 are checked against 2020.1.
    assertThatThrownBy(() -> trusted.history().versions())
        .hasMessageStartingWith("registry 'versioned': version 2020.1 does not build");
    assertThat(trusted.builtVersions()).containsExactly("2024.1", "2022.1");
  }

  /** {@code folder} as a packaged module, after the build step checked it and wrote its digest. */
  private Registry trusted(Path folder) throws IOException {
    assertThat(ModuleBuildCheck.record(folder)).isEmpty();
    LoadResult loaded = PackagedModules.load(LOADER, folder, "versioned", temp);
    assertThat(loaded.diagnostics().issues()).isEmpty();
    return loaded.registryOrThrow();
  }

  private static Record of2020(String tobacco) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("visit_date", "2020-05-01");
    values.put("age", 40);
    values.put("weight_lb", 176.4);
    values.put("systolic", 130);
    values.put("diastolic", 85);
    values.put("tobacco", tobacco);
    return new Record("versioned", "visit", "2020.1", "", "", "", RecordValues.of(values), 3);
  }

  /** Every migration step, as text (a compiled expression is compared by its source). */
  private static List<String> steps(Registry registry) {
    return registry.history().versions().stream()
        .flatMap(version -> version.migrate().stream())
        .map(
            step ->
                String.join(
                    " | ",
                    step.kind().toString(),
                    step.form(),
                    step.variables().toString(),
                    step.to().toString(),
                    step.map().toString(),
                    step.factor().toString(),
                    step.offset().toString(),
                    step.into().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().text())
                        .toList()
                        .toString(),
                    step.location().toString()))
        .toList();
  }
}
