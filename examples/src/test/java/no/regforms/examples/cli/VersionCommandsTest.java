package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of a registry's version history: check, validate --as-version, migrate, diff,
 * export/render --version.
 */
class VersionCommandsTest {

  private static final Path FIXTURE =
      Cli.ROOT.resolve("core/src/test/resources/registries/versioned");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORD_2020 =
      "{\"registry\": \"versioned\", \"form\": \"visit\", \"version\": \"2020.1\", "
          + "\"values\": {\"visit_date\": \"2020-05-01\", \"age\": 40, \"weight_lb\": 176.4, \"tobacco\": \"former\", "
          + "\"systolic\": 130, \"diastolic\": 85}}\n";

  @TempDir Path temp;

  private Path records() throws IOException {
    return Files.writeString(temp.resolve("old.jsonl"), RECORD_2020, StandardCharsets.UTF_8);
  }

  private Path copyOfFixture(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(FIXTURE.relativize(file).toString());
        if (Files.isDirectory(file)) Files.createDirectories(to);
        else Files.copy(file, to);
      }
    }
    return target;
  }

  /** Narrows the range of weight_kg in {@code folder}: a breaking change. */
  private static void narrowWeight(Path folder) throws IOException {
    Path form = folder.resolve("forms/visit.json");
    ObjectNode root = (ObjectNode) JSON.readTree(form.toFile());
    for (JsonNode item : root.get("items")) {
      if ("weight_kg".equals(item.path("variable").asText()))
        ((ArrayNode) item.get("range")).set(1, 300);
    }
    JSON.writeValue(form.toFile(), root);
  }

  @Test
  void check_registryWithHistory_namesEveryVersionChecked() {
    Cli.Run run = Cli.run("check", FIXTURE.toString());

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.out())
        .startsWith("versioned 2024.1: ok: ")
        .contains(", 3 versions checked (2020.1, 2022.1, 2024.1)");
  }

  @Test
  void validate_oldRecord_validByItsOwnVersion_invalidAsTheCurrentOne() throws IOException {
    Path file = records();

    Cli.Run own = Cli.run("validate", "--registry", FIXTURE.toString(), file.toString());
    Cli.Run current =
        Cli.run(
            "validate",
            "--registry",
            FIXTURE.toString(),
            "--as-version",
            "2024.1",
            file.toString());
    Cli.Run unknown =
        Cli.run(
            "validate",
            "--registry",
            FIXTURE.toString(),
            "--as-version",
            "2023.1",
            file.toString());

    assertThat(own.exit()).as(own.both()).isZero();
    assertThat(current.exit()).as(current.both()).isEqualTo(1);
    assertThat(current.jsonLines().get(0).get("issues").toString())
        .contains("weight_lb", "seen_on");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("never had version '2023.1'", "2020.1, 2022.1, 2024.1");
  }

  @Test
  void migrate_oldRecords_reportsEveryStepAndTheOutputValidatesUnderTheTarget() throws IOException {
    Path out = temp.resolve("migrated.jsonl");

    Cli.Run run =
        Cli.run(
            "migrate",
            "--registry",
            FIXTURE.toString(),
            "--to",
            "2024.1",
            records().toString(),
            "--out",
            out.toString(),
            "--lang",
            "en");

    assertThat(run.exit()).as(run.both()).isZero();
    JsonNode touched = run.jsonLines().get(0);
    assertThat(touched.get("line").asInt()).isEqualTo(1);
    assertThat(touched.get("changes"))
        .extracting(c -> c.get("step").asText())
        .containsExactly("convert", "rename", "split", "rename", "merge");
    assertThat(touched.get("changes").get(0).get("why").asText())
        .isEqualTo("Weight is recorded in kg.");
    assertThat(run.out()).doesNotContain("176.4").doesNotContain("2020-05-01");
    assertThat(run.summary().get("migrated").asInt()).isEqualTo(1);
    Cli.Run check =
        Cli.run(
            "validate", "--registry", FIXTURE.toString(), "--as-version", "2024.1", out.toString());
    assertThat(check.exit()).as(check.both()).isZero();
  }

  @Test
  void diff_twoFolders_breakingChangeGivesExit1WithBothLocations() throws IOException {
    Path edited = copyOfFixture(temp.resolve("edited"));
    narrowWeight(edited);

    Cli.Run text = Cli.run("diff", FIXTURE.toString(), edited.toString());
    Cli.Run json = Cli.run("diff", "--json", FIXTURE.toString(), edited.toString());
    Cli.Run same = Cli.run("diff", FIXTURE.toString(), FIXTURE.toString());

    assertThat(text.exit()).as(text.both()).isEqualTo(1);
    assertThat(text.out())
        .contains(
            "breaking: form visit, variable weight_kg: range narrowed from [1, 400] to [1, 300]",
            "    before: " + FIXTURE + "/forms/visit.json:",
            "    after:  " + edited + "/forms/visit.json:",
            "1 breaking, 0 compatible, 0 wording");
    JsonNode doc = JSON.readTree(json.out());
    assertThat(doc.get("summary").get("breaking").asInt()).isEqualTo(1);
    assertThat(doc.get("changes").get(0).get("after").get("pointer").asText())
        .isEqualTo("/items/4");
    assertThat(same.exit()).isZero();
    assertThat(same.out()).contains("0 breaking, 0 compatible, 0 wording");
  }

  @Test
  void diff_folderAgainstAGitRevisionOfIt_readsTheFolderAsCommitted() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Path folder = copyOfFixture(repo.resolve("registry"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-q",
        "-m",
        "release");
    narrowWeight(folder);

    Cli.Run bare = Cli.run("diff", "HEAD", folder.toString());
    Cli.Run spelled = Cli.run("diff", "HEAD:" + folder, folder.toString());
    Cli.Run missing = Cli.run("diff", "no-such-revision", folder.toString());

    assertThat(bare.exit()).as(bare.both()).isEqualTo(1);
    assertThat(bare.out())
        .contains("range narrowed", "    before: HEAD:" + folder + "/forms/visit.json:");
    assertThat(spelled.exit()).as(spelled.both()).isEqualTo(1);
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no-such-revision");
  }

  @Test
  void exportAndRender_version_writeThatVersionOrListTheKnownOnes() {
    Path codebook = temp.resolve("codebook");
    Cli.Run export =
        Cli.run(
            "export",
            "--registry",
            FIXTURE.toString(),
            "--format",
            "codebook",
            "--version",
            "2020.1",
            "--out",
            codebook.toString());
    Cli.Run render =
        Cli.run(
            "render",
            "--registry",
            FIXTURE.toString(),
            "--version",
            "1999.1",
            "--out",
            temp.resolve("html").toString());

    assertThat(export.exit()).as(export.both()).isZero();
    assertThat(render.exit()).isEqualTo(2);
    assertThat(render.err()).contains("2020.1, 2022.1, 2024.1");
  }

  private static void git(Path directory, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("git " + String.join(" ", args) + ": " + output).isZero();
  }
}
