package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regforms render}: pages and index on disk, usage errors as exit code 2. */
class RenderCommandTest {

  @TempDir Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
  }

  @Test
  void render_oneForm_writesOnePageWithoutIndex() throws IOException {
    int exit =
        run(
            "render",
            "--registry",
            "ect",
            "--form",
            "course",
            "--lang",
            "nb",
            "--out",
            out.toString());
    assertThat(exit).isZero();
    assertThat(Files.readString(out.resolve("course.nb.html")))
        .startsWith("<!DOCTYPE html>")
        .contains("ECT-behandlingsforløp")
        .contains("RegformsForm.boot(");
    assertThat(out.resolve("index.nb.html")).doesNotExist();
  }

  @Test
  void render_noForm_writesEveryFormAndAnIndex() throws IOException {
    int exit = run("render", "--registry", "ms", "--lang", "en", "--out", out.toString());
    assertThat(exit).isZero();
    assertThat(out.resolve("followup.en.html")).exists();
    assertThat(out.resolve("inclusion.en.html")).exists();
    assertThat(Files.readString(out.resolve("index.en.html")))
        .contains("href=\"followup.en.html\"");
  }

  @Test
  void render_unknownForm_namesTheFormsAndExitsTwo() {
    int exit = run("render", "--registry", "ect", "--form", "nope", "--out", out.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(stderr.toString()).contains("has no form 'nope'").contains("course");
  }
}
