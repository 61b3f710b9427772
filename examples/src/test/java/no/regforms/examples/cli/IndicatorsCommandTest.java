package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code regforms indicators} on each registry's sample records: table, SKDE files and report. */
class IndicatorsCommandTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void indicators_sampleRecords_writeTableSkdeFilesAndReport(String id) throws Exception {
    Path data = ROOT.resolve("forms-" + id + "/src/test/resources/samples/valid.jsonl");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "indicators", "--registry", id, "--data",
        data.toString(), "--year", "2024", "--out", temp.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith(id + ": ").contains("report.html");
    assertThat(temp.resolve("results.csv")).content(StandardCharsets.UTF_8).startsWith("indicator,year,level,group,");
    assertThat(temp.resolve("skde-ind.csv")).content(StandardCharsets.UTF_8).startsWith("id;dg_id;include;title;");
    assertThat(Files.readString(temp.resolve("report.html"), StandardCharsets.UTF_8)).contains("<svg").contains("</html>");
    assertThat(err.toString()).doesNotContain("not in the organisation table");
    if (Files.exists(temp.resolve("skde-upload-andel.csv"))) {
      assertThat(temp.resolve("skde-upload-andel.csv")).content(StandardCharsets.UTF_8)
          .startsWith("context;year;orgnr;ind_id;var;denominator\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void indicators_syntheticData_everyUnitKnownAndSkdeFileWritten(String id) throws Exception {
    Path data = temp.resolve(id + ".jsonl");
    Path out = temp.resolve("out");
    StringWriter log = new StringWriter();
    assertThat(Main.run(new PrintWriter(log, true), new PrintWriter(log, true), "generate", "--registry", id, "--patients",
        "300", "--seed", "3", "--out", data.toString())).as(log.toString()).isZero();
    StringWriter err = new StringWriter();

    int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "indicators", "--registry", id,
        "--data", data.toString(), "--year", "2024", "--out", out.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).doesNotContain("not in the organisation table").doesNotContain("Exception");
    assertThat(out.resolve("skde-upload-andel.csv")).content(StandardCharsets.UTF_8)
        .startsWith("context;year;orgnr;ind_id;var;denominator\n").doesNotContain(";444444444;").doesNotContain(";333333333;");
    assertThat(Files.readString(out.resolve("results.csv"), StandardCharsets.UTF_8)).contains(",2024,national,national,Norge,1,");
  }
}
