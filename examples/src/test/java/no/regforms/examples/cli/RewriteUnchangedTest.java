package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three registries were rewritten with library entries, defaults and named sub-expressions
 * (issue 16). {@code src/test/resources/before-reuse/<id>} keeps each definition as it was before
 * (without its tests); every output the command line makes from it — each export format with the
 * codebook, every rendered page in both languages, the synthetic file of a fixed seed, its
 * validation and its indicator results — must be byte for byte what the rewritten definition makes.
 * {@code regforms diff} finds no change between the two either. Only the places of the notes the
 * commands print may move (a note on a library entry now names {@code library/...}), so standard
 * output is compared without them.
 *
 * <p>A deliberate change to a registry's meaning changes both trees the same way.
 */
class RewriteUnchangedTest {

  /** Where a note was written: {@code forms/course.json:107:9: }. */
  private static final Pattern PLACE = Pattern.compile("[\\w./-]+\\.json:\\d+:\\d+: ");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void everyOutput_definitionBeforeAndAfterTheRewrite_byteIdentical(String id) throws IOException {
    Path before = Path.of("src", "test", "resources", "before-reuse", id).toAbsolutePath();
    Path after =
        Cli.ROOT.resolve(Path.of("forms-" + id, "src", "main", "resources", "registries", id));

    TreeMap<String, String> old = outputs(before, temp.resolve("before"));
    TreeMap<String, String> rewritten = outputs(after, temp.resolve("after"));

    assertThat(old.keySet())
        .hasSizeGreaterThan(20)
        .anyMatch(f -> f.startsWith("render-nb/"))
        .anyMatch(f -> f.startsWith("indicators/"))
        .anyMatch(f -> f.startsWith("export/codebook/"));
    assertThat(rewritten.keySet()).containsExactlyElementsOf(old.keySet());
    old.forEach((file, content) -> assertThat(rewritten.get(file)).as(file).isEqualTo(content));
    Cli.Run diff = Cli.run("diff", before.toString(), after.toString());
    assertThat(diff.out()).as(diff.both()).endsWith("0 breaking, 0 compatible, 0 wording\n");
  }

  /**
   * Every output of {@code registry} under {@code out}, each file's text by its path; standard
   * output too.
   */
  private static TreeMap<String, String> outputs(Path registry, Path out) throws IOException {
    String folder = registry.toString();
    List<String> stdout = new ArrayList<>();
    run(
        stdout,
        1,
        "export",
        "--registry",
        folder,
        "--format",
        "all",
        "--out",
        out.resolve("export").toString());
    for (String lang : List.of("nb", "en")) {
      run(
          stdout,
          0,
          "render",
          "--registry",
          folder,
          "--lang",
          lang,
          "--out",
          out.resolve("render-" + lang).toString());
    }
    Path data = out.resolve("synthetic.jsonl");
    run(
        stdout,
        0,
        "generate",
        "--registry",
        folder,
        "--patients",
        "80",
        "--seed",
        "16",
        "--invalid",
        "0.1",
        "--out",
        data.toString());
    run(stdout, 1, "validate", "--registry", folder, data.toString());
    Path valid = out.resolve("valid.jsonl");
    run(
        stdout,
        0,
        "generate",
        "--registry",
        folder,
        "--patients",
        "80",
        "--seed",
        "16",
        "--out",
        valid.toString());
    run(
        stdout,
        0,
        "indicators",
        "--registry",
        folder,
        "--data",
        valid.toString(),
        "--from-year",
        "2020",
        "--year",
        "2025",
        "--out",
        out.resolve("indicators").toString());
    Files.writeString(
        out.resolve("stdout.txt"),
        PLACE.matcher(String.join("\n", stdout).replace(out.toString(), "<out>")).replaceAll(""));
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  /**
   * Runs one command; {@code mayFail} is the highest exit it may give (1: data or export errors it
   * reports).
   */
  private static void run(List<String> stdout, int mayFail, String... args) {
    Cli.Run run = Cli.run(args);
    assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.both()).isBetween(0, mayFail);
    stdout.add(args[0] + " -> " + run.exit() + "\n" + run.out());
  }
}
