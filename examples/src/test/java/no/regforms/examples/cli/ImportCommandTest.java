package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  private static final Path FIXTURES =
      Path.of("..").toAbsolutePath().normalize().resolve("core/src/test/resources/importer");

  @TempDir Path temp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void import_redcapDictionary_writesAFolderThatChecksClean() throws IOException {
    Path out = temp.resolve("longitudinal");

    Run run =
        run(
            "import",
            "--from",
            "redcap",
            FIXTURES.resolve("redcap/longitudinal.csv").toString(),
            "--out",
            out.toString(),
            "--id",
            "longitudinal");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("9 forms, 94 variables, 15 code lists", "check: ok");
    assertThat(out.resolve("forms/demographics.json")).exists();
    assertThat(Files.readString(out.resolve("import-report.md"))).contains("patient_document");
    assertThat(run("check", out.toString()).out())
        .startsWith("longitudinal 1: ok: 9 forms, 94 variables");
  }

  @Test
  void import_intoNonEmptyFolder_refusesWithoutForce() throws IOException {
    Path out = temp.resolve("trial");
    String csv = FIXTURES.resolve("redcap/clinical-trial-1.csv").toString();
    assertThat(run("import", "--from", "redcap", csv, "--out", out.toString()).exit()).isZero();

    Run again = run("import", "--from", "redcap", csv, "--out", out.toString());
    Run forced = run("import", "--from", "redcap", csv, "--out", out.toString(), "--force");

    assertThat(again.exit()).isEqualTo(Main.USAGE);
    assertThat(again.err()).contains("--force");
    assertThat(forced.exit()).isZero();
  }

  @Test
  void import_wrongFormat_printsTheReasonAndExitsOne() {
    Run run =
        run(
            "import",
            "--from",
            "oqr",
            FIXTURES.resolve("redcap/longitudinal.csv").toString(),
            "--out",
            temp.resolve("x").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("error: not in the OpenQReg Klokeboken format", "skjemanavn");
    assertThat(temp.resolve("x")).doesNotExist();
  }

  @Test
  void import_unknownFormat_isAUsageError() {
    Run run =
        run(
            "import",
            "--from",
            "odk",
            FIXTURES.resolve("redcap/longitudinal.csv").toString(),
            "--out",
            temp.resolve("x").toString());

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("use oqr, mrs or redcap");
  }

  @Test
  void import_invalidRegistryId_isAUsageError() {
    Run run =
        run(
            "import",
            "--from",
            "redcap",
            FIXTURES.resolve("redcap/longitudinal.csv").toString(),
            "--out",
            temp.resolve("x").toString(),
            "--id",
            "Bad Id");

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("must be snake_case");
  }
}
