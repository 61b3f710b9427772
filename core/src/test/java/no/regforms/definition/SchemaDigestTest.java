package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged module whose files the build checked against the schemas ({@link ModuleBuildCheck})
 * loads without that check, and only then: a changed, added or removed file, or another checker,
 * brings back the full check with the same located issues as a folder on disk.
 */
class SchemaDigestTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();
  private static final Path VALID = ValidDefinitionCorpusTest.CORPUS.resolve("patient_indicators");
  private static final String ID = "patients";
  private static final String FORM = "forms/followup.json";

  /** A key the schema forbids and the readers ignore: only the schema check reports it. */
  private static final String UNKNOWN_KEY = "{\n  \"colour\": \"red\",";

  @TempDir Path temp;

  @Test
  void buildCheck_cleanRegistry_recordsEveryFileTheLoaderReads() throws IOException {
    Path folder = copy(VALID);

    assertThat(ModuleBuildCheck.record(folder)).isEmpty();

    List<String> lines = Files.readAllLines(folder.resolve(SchemaDigest.FILE));
    assertThat(lines.get(0)).isEqualTo("regforms schema digest 1");
    assertThat(lines.get(1)).matches("checker [0-9a-f]{64}");
    assertThat(lines.subList(2, lines.size()))
        .extracting(line -> line.substring(65))
        .containsExactly(
            "codelists/course_type.json",
            "forms/followup.json",
            "forms/inclusion.json",
            "indicators/edss_in_year.json",
            "indicators/mean_edss.json",
            "indicators/onset_to_diagnosis.json",
            "registry.json");
    assertThat(loadPackaged(folder).diagnostics().issues()).isEmpty();
  }

  @Test
  void buildCheck_brokenRegistry_failsWithTheIssuesAndLeavesNoDigest() throws IOException {
    Path folder = copy(VALID);
    ModuleBuildCheck.record(folder);
    withUnknownKey(folder);

    String problems = ModuleBuildCheck.record(folder);

    assertThat(problems).contains(FORM, "unknown key 'colour'");
    assertThat(folder.resolve(SchemaDigest.FILE)).doesNotExist();
  }

  @Test
  void loadModule_filesAsRecorded_skipsTheSchemaCheck() throws IOException {
    // A digest recorded over a file the schema rejects, which the build step never writes: that
    // the packaged load does not report the key shows the check was skipped.
    Path folder = copy(VALID);
    withUnknownKey(folder);
    PackagedModules.writeDigestUnchecked(folder);

    assertThat(LOADER.load(folder).diagnostics().toDisplayString())
        .contains("unknown key 'colour'");
    assertThat(loadPackaged(folder).diagnostics().issues()).isEmpty();
  }

  @Test
  void loadModule_fileChangedAfterTheBuild_reportsWhatTheFolderOnDiskReports() throws IOException {
    Path folder = copy(VALID);
    assertThat(ModuleBuildCheck.record(folder)).isEmpty();
    withUnknownKey(folder);

    assertFullCheck(folder);
  }

  @Test
  void loadModule_fileAddedAfterTheBuild_reportsWhatTheFolderOnDiskReports() throws IOException {
    Path folder = copy(VALID);
    PackagedModules.writeDigestUnchecked(folder);
    Files.writeString(
        folder.resolve("codelists/extra.json"),
        "{\"id\": \"extra\", \"colour\": \"red\", \"codes\": []}");

    assertFullCheck(folder);
  }

  @Test
  void loadModule_digestOfAnotherChecker_reportsWhatTheFolderOnDiskReports() throws IOException {
    Path folder = copy(VALID);
    withUnknownKey(folder);
    PackagedModules.writeDigestUnchecked(folder);
    Path digest = folder.resolve(SchemaDigest.FILE);
    Files.writeString(
        digest,
        Files.readString(digest).replaceFirst("checker [0-9a-f]{64}", "checker " + "0".repeat(64)));

    assertFullCheck(folder);
  }

  @Test
  void loadModule_unreadableDigest_reportsWhatTheFolderOnDiskReports() throws IOException {
    Path folder = copy(VALID);
    withUnknownKey(folder);
    Files.writeString(folder.resolve(SchemaDigest.FILE), "not a digest\n");

    assertFullCheck(folder);
  }

  private void assertFullCheck(Path folder) throws IOException {
    String onDisk = LOADER.load(folder).diagnostics().toDisplayString();
    assertThat(onDisk).contains("unknown key 'colour'");
    assertThat(loadPackaged(folder).diagnostics().toDisplayString()).isEqualTo(onDisk);
  }

  private static void withUnknownKey(Path folder) throws IOException {
    Path form = folder.resolve(FORM);
    Files.writeString(form, Files.readString(form).replaceFirst("\\{", UNKNOWN_KEY));
  }

  private Path copy(Path from) throws IOException {
    Path to = Files.createTempDirectory(temp, "registry");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return to;
  }

  private LoadResult loadPackaged(Path folder) throws IOException {
    return PackagedModules.load(LOADER, folder, ID, temp);
  }
}
