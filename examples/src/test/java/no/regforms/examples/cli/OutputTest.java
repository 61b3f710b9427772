package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import no.regforms.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs are whole or absent: written beside the target, moved into place, replaced only with
 * --force.
 */
class OutputTest {

  @TempDir Path temp;

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Run generate(Path out, int seed, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "generate",
                "--registry",
                "ms",
                "--patients",
                "40",
                "--seed",
                String.valueOf(seed),
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Runs both at the same moment and returns their results. */
  private static List<Run> together(
      java.util.function.Supplier<Run> first, java.util.function.Supplier<Run> second) {
    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<Run> a =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return first.get();
            });
    CompletableFuture<Run> b =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return second.get();
            });
    return List.of(a.join(), b.join());
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void generate_existingFile_isRefusedWithoutForceAndKept() throws IOException {
    Path out = temp.resolve("ms.jsonl");
    assertThat(generate(out, 1).exit()).isZero();
    byte[] first = Files.readAllBytes(out);

    Run again = generate(out, 2);

    assertThat(again.exit()).isEqualTo(Main.USAGE);
    assertThat(again.err()).contains("exists; add --force");
    assertThat(Files.readAllBytes(out)).isEqualTo(first);
    assertThat(generate(out, 2, "--force").exit()).isZero();
    assertThat(Files.readAllBytes(out)).isNotEqualTo(first);
  }

  @Test
  void generate_twoRunsAtOnceWithForce_leaveOneRunsCompleteFile() throws IOException {
    Path one = temp.resolve("one.jsonl");
    Path two = temp.resolve("two.jsonl");
    assertThat(generate(one, 1).exit()).isZero();
    assertThat(generate(two, 2).exit()).isZero();
    Path shared = temp.resolve("shared/ms.jsonl");

    List<Run> runs =
        together(() -> generate(shared, 1, "--force"), () -> generate(shared, 2, "--force"));

    assertThat(runs).allSatisfy(run -> assertThat(run.exit()).as(run.both()).isZero());
    String content = Files.readString(shared, StandardCharsets.UTF_8);
    assertThat(content)
        .isIn(
            Files.readString(one, StandardCharsets.UTF_8),
            Files.readString(two, StandardCharsets.UTF_8));
    assertThat(names(shared.getParent())).containsExactly("ms.jsonl");
  }

  @Test
  void generate_twoRunsAtOnceWithoutForce_oneWinsTheOtherIsRefused() throws IOException {
    Path shared = temp.resolve("ms.jsonl");
    Path expected = temp.resolve("expected/ms.jsonl");
    assertThat(generate(expected, 1).exit()).isZero();

    List<Run> runs = together(() -> generate(shared, 1), () -> generate(shared, 1));

    assertThat(runs).extracting(Run::exit).containsExactlyInAnyOrder(Main.OK, Main.USAGE);
    assertThat(Files.readString(shared)).isEqualTo(Files.readString(expected));
    assertThat(names(temp)).containsExactly("expected", "ms.jsonl");
  }

  @Test
  void render_twoRunsAtOnceIntoOneFolder_leaveOneRunsFilesOnly() throws IOException {
    Path out = temp.resolve("pages");

    List<Run> runs =
        together(
            () ->
                Cli.run(
                    "render",
                    "--registry",
                    "ms",
                    "--lang",
                    "nb",
                    "--out",
                    out.toString(),
                    "--force"),
            () ->
                Cli.run(
                    "render",
                    "--registry",
                    "ms",
                    "--lang",
                    "en",
                    "--out",
                    out.toString(),
                    "--force"));

    assertThat(runs).allSatisfy(run -> assertThat(run.exit()).as(run.both()).isZero());
    List<String> languages =
        names(out).stream()
            .map(name -> name.replaceAll(".*\\.(nb|en)\\.html$", "$1"))
            .distinct()
            .toList();
    assertThat(languages)
        .as("one run's pages, all in one language")
        .hasSize(1)
        .containsAnyOf("nb", "en");
    assertThat(out.resolve("index." + languages.get(0) + ".html")).exists();
    assertThat(names(temp)).containsExactly("pages");
  }

  @Test
  void render_nonEmptyFolder_isRefusedWithoutForce_andReplacedWholeWithIt() throws IOException {
    Path out = Files.createDirectories(temp.resolve("pages"));
    Files.writeString(out.resolve("stale.html"), "from an earlier run");

    Run refused = Cli.run("render", "--registry", "ms", "--out", out.toString());
    Run forced = Cli.run("render", "--registry", "ms", "--out", out.toString(), "--force");

    assertThat(refused.exit()).isEqualTo(Main.USAGE);
    assertThat(refused.err()).contains("is not empty").contains("--force");
    assertThat(forced.exit()).as(forced.both()).isZero();
    assertThat(names(out)).contains("index.nb.html").doesNotContain("stale.html");
  }

  @Test
  void indicators_rerunWithErrors_leavesNoStaleSkdeFile() throws IOException {
    Path out = temp.resolve("indicators");
    Run clean =
        Cli.run(
            "indicators",
            "--registry",
            "ms",
            "--data",
            Cli.samples("ms").toString(),
            "--year",
            "2024",
            "--out",
            out.toString());
    assertThat(clean.exit()).as(clean.both()).isZero();
    assertThat(out.resolve("skde-upload-andel.csv")).exists();
    Path broken =
        Files.writeString(
            temp.resolve("broken.jsonl"), Files.readString(Cli.samples("ms")) + "not json\n");

    Run rerun =
        Cli.run(
            "indicators",
            "--registry",
            "ms",
            "--data",
            broken.toString(),
            "--year",
            "2024",
            "--out",
            out.toString(),
            "--force");

    assertThat(rerun.exit()).isEqualTo(Main.DATA_ERRORS);
    assertThat(names(out)).containsExactlyInAnyOrder("results.csv", "results.json", "report.html");
  }

  @Test
  void out_fileWhereAFolderBelongs_andTheOtherWayRound_areUsageErrors() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "");

    Run render = Cli.run("render", "--registry", "ms", "--out", file.toString());
    Run indicators =
        Cli.run(
            "indicators",
            "--registry",
            "ms",
            "--data",
            Cli.samples("ms").toString(),
            "--year",
            "2024",
            "--out",
            file.toString());
    Run export =
        Cli.run("export", "--registry", "ms", "--format", "codebook", "--out", file.toString());
    Run generate = generate(temp, 1);

    assertThat(List.of(render, indicators, export))
        .allSatisfy(
            run -> {
              assertThat(run.exit()).isEqualTo(Main.USAGE);
              assertThat(run.err())
                  .contains("is a file; name a folder")
                  .doesNotContain("Exception");
            });
    assertThat(generate.exit()).isEqualTo(Main.USAGE);
    assertThat(generate.err()).contains("is a folder; name the file");
  }
}
