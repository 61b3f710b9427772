package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

  @TempDir Path temp;

  @Test
  void new_emptyFolder_writesAStarterThatPassesCheckAndGenerates() throws Exception {
    Path folder = temp.resolve("Hip Fracture");

    Cli.Run made = Cli.run("new", folder.toString());

    assertThat(made.exit()).as(made.both()).isZero();
    assertThat(made.err()).isEmpty();
    assertThat(Files.readString(folder.resolve("registry.json")))
        .contains("\"id\": \"hip_fracture\"")
        .contains("\"nb\": \"Hip Fracture\"");
    Cli.Run check = Cli.run("check", folder.toString());
    assertThat(check.exit()).as(check.both()).isZero();
    assertThat(check.both()).contains(": ok: 1 form").doesNotContain("warning");
    Path records = temp.resolve("records.jsonl");
    Cli.Run generated =
        Cli.run(
            "generate",
            "--registry",
            folder.toString(),
            "--patients",
            "20",
            "--seed",
            "1",
            "--out",
            records.toString());
    assertThat(generated.exit()).as(generated.both()).isZero();
    assertThat(Cli.run("validate", "--registry", folder.toString(), records.toString()).exit())
        .isZero();
  }

  @Test
  void new_folderWithFiles_isRefusedWithoutForce() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(folder.resolve("notes.txt"), "keep me");

    Cli.Run refused = Cli.run("new", folder.toString());

    assertThat(refused.exit()).isEqualTo(Main.USAGE);
    assertThat(folder.resolve("notes.txt")).hasContent("keep me");
    assertThat(Cli.run("new", "--force", folder.toString()).exit()).isZero();
    assertThat(folder.resolve("forms/visit.json")).exists();
  }

  @Test
  void new_folderNameThatIsNoId_asksForId() {
    Cli.Run refused = Cli.run("new", temp.resolve("2024").toString());

    assertThat(refused.exit()).isEqualTo(Main.USAGE);
    assertThat(refused.err()).contains("--id");
    assertThat(Cli.run("new", "--id", "registry_2024", temp.resolve("2024").toString()).exit())
        .isZero();
  }
}
