package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code regforms indicators} on each registry's sample records: table, SKDE files and report. */
class IndicatorsCommandTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void indicators_sampleRecords_writeTableSkdeFilesAndReport(String id) throws Exception {
    Path data = Cli.samples(id);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "indicators",
            "--registry",
            id,
            "--data",
            data.toString(),
            "--year",
            "2024",
            "--out",
            temp.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith(id + ": ").contains("report.html");
    assertThat(temp.resolve("results.csv"))
        .content(StandardCharsets.UTF_8)
        .startsWith("indicator,year,level,group,");
    assertThat(temp.resolve("skde-ind.csv"))
        .content(StandardCharsets.UTF_8)
        .startsWith("id;dg_id;include;title;");
    assertThat(Files.readString(temp.resolve("report.html"), StandardCharsets.UTF_8))
        .contains("<svg")
        .contains("</html>");
    assertThat(err.toString()).doesNotContain("not in the organisation table");
    if (Files.exists(temp.resolve("skde-upload-andel.csv"))) {
      assertThat(temp.resolve("skde-upload-andel.csv"))
          .content(StandardCharsets.UTF_8)
          .startsWith("context;year;orgnr;ind_id;var;denominator\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void indicators_syntheticData_everyUnitKnownAndSkdeFileWritten(String id) throws Exception {
    Path data = temp.resolve(id + ".jsonl");
    Path out = temp.resolve("out");
    StringWriter log = new StringWriter();
    assertThat(
            Main.run(
                new PrintWriter(log, true),
                new PrintWriter(log, true),
                "generate",
                "--registry",
                id,
                "--patients",
                "300",
                "--seed",
                "3",
                "--out",
                data.toString()))
        .as(log.toString())
        .isZero();
    StringWriter err = new StringWriter();

    int exit =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "indicators",
            "--registry",
            id,
            "--data",
            data.toString(),
            "--year",
            "2024",
            "--out",
            out.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString())
        .doesNotContain("not in the organisation table")
        .doesNotContain("Exception");
    assertThat(out.resolve("skde-upload-andel.csv"))
        .content(StandardCharsets.UTF_8)
        .startsWith("context;year;orgnr;ind_id;var;denominator\n")
        .doesNotContain(";444444444;")
        .doesNotContain(";333333333;");
    assertThat(Files.readString(out.resolve("results.csv"), StandardCharsets.UTF_8))
        .contains(",2024,national,national,Norge,1,");
  }

  /**
   * Standard input that fails the test if read: the options must be refused before any record is.
   */
  private static final InputStream UNREAD =
      new InputStream() {
        @Override
        public int read() {
          throw new AssertionError("records were read before the options were checked");
        }
      };

  private static Cli.Run indicators(String... more) {
    List<String> args = new ArrayList<>(List.of("indicators", "--registry", "ms", "--data", "-"));
    args.addAll(List.of(more));
    return Cli.run(UNREAD, args.toArray(String[]::new));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--year 1800                              | --year must be between 1900 and",
        "--year -5                                | --year must be between 1900 and",
        "--year 2147483647                        | --year must be between 1900 and",
        "--year 2024 --from-year 0                | --from-year must be between 1900 and 2024",
        "--year 2024 --from-year 2025             | --from-year must be between 1900 and 2024",
        "--year 2024 --max-in-memory 0            | --max-in-memory must be between 1 and",
        "--year 2024 --indicator nope             | has no indicator nope; its indicators: ms_coverage",
        "--year 2024 --level nation               | --level must be unit, hf or rhf",
        "--year 2024 --lang de                    | --lang must be nb or en",
        "--year 2024 --max-record-bytes 0         | --max-record-bytes must be between 1 and"
      })
  void badOption_isAUsageErrorBeforeAnyRecordIsRead(String options, String message) {
    List<String> args = new ArrayList<>(List.of(options.trim().split(" +")));
    args.addAll(List.of("--out", temp.resolve("out").toString()));

    Cli.Run run = indicators(args.toArray(String[]::new));

    assertThat(run.exit()).as(run.both()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains(message).doesNotContain("Exception");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ms_coverage,2024,national,3000000000",
        "ms_coverage,2024,national,1e400",
        "ms_coverage,20x4,nowhere,abc",
        "nope,2024,national,10"
      })
  void badExpectedCounts_areAUsageErrorBeforeAnyRecordIsRead(String row) throws Exception {
    Path expected =
        Files.writeString(
            temp.resolve("expected.csv"), "indicator,year,hf,expected\n" + row + "\n");

    Cli.Run run =
        indicators(
            "--year",
            "2024",
            "--expected",
            expected.toString(),
            "--out",
            temp.resolve("out").toString());

    assertThat(run.exit()).as(run.both()).isEqualTo(Main.USAGE);
    assertThat(run.err())
        .contains("--expected has 1 error")
        .contains("expected.csv:")
        .doesNotContain("Exception");
  }

  @Test
  void sortedDeclaredButNot_stopsAtTheLineAndWritesNothing() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Cli.samples("ms")));
    java.util.Collections.reverse(lines);
    Path data = Files.write(temp.resolve("reversed.jsonl"), lines);
    Path out = temp.resolve("out");

    Cli.Run run =
        Cli.run(
            "indicators",
            "--registry",
            "ms",
            "--data",
            data.toString(),
            "--sorted",
            "--year",
            "2024",
            "--out",
            out.toString());

    assertThat(run.exit()).isEqualTo(Main.DATA_ERRORS);
    assertThat(run.err())
        .containsPattern("reversed.jsonl:\\d+: error: the input was declared sorted by patient")
        .contains("nothing written");
    assertThat(out).doesNotExist();
  }

  @Test
  void fileWithoutSorted_readOnceWhenSortedAgainWhenNot_sameResultsAndEachBadLineShownOnce()
      throws Exception {
    Pattern patient = Pattern.compile("\"patient\"\\s*:\\s*\"([^\"]*)\"");
    List<String> lines = new ArrayList<>(Files.readAllLines(Cli.samples("ms")));
    lines.sort(
        Comparator.comparing(
            line -> {
              Matcher m = patient.matcher(line);
              return m.find() ? m.group(1) : "";
            }));
    Path sorted = Files.write(temp.resolve("sorted.jsonl"), lines);
    java.util.Collections.reverse(lines);
    lines.add(0, "{not json");
    Path reversed = Files.write(temp.resolve("reversed.jsonl"), lines);
    Main.Invocation everyLine =
        new Main.Invocation(InputStream.nullInputStream(), false, Duration.ZERO, Duration.ZERO);

    Cli.Run once = indicators(everyLine, sorted, temp.resolve("sorted-out"));
    Cli.Run twice = indicators(everyLine, reversed, temp.resolve("reversed-out"));

    assertThat(once.exit()).as(once.both()).isZero();
    assertThat(passes(once.err())).as("a sorted file is read once").isEqualTo(1);
    assertThat(twice.exit()).as("the unreadable line").isEqualTo(Main.DATA_ERRORS);
    assertThat(passes(twice.err())).as("read as sorted, then again sorted on disk").isEqualTo(2);
    assertThat(twice.err()).containsOnlyOnce("reversed.jsonl:1:");
    assertThat(temp.resolve("reversed-out/results.csv"))
        .hasSameTextualContentAs(temp.resolve("sorted-out/results.csv"));
  }

  private static Cli.Run indicators(Main.Invocation invocation, Path data, Path out) {
    return Cli.run(
        invocation,
        "indicators",
        "--registry",
        "ms",
        "--data",
        data.toString(),
        "--year",
        "2024",
        "--out",
        out.toString());
  }

  /** Passes over the input: the progress shown at its first line, once per pass. */
  private static long passes(String err) {
    return err.lines().filter(line -> line.matches("indicators: \\d+ % \\(1 lines, .*")).count();
  }

  @Test
  void noCaseInTheYears_isAnErrorWithoutSkdeFiles() {
    Path out = temp.resolve("out");

    Cli.Run run =
        Cli.run(
            "indicators",
            "--registry",
            "ms",
            "--data",
            Cli.samples("ms").toString(),
            "--year",
            "1960",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.both()).isEqualTo(Main.DATA_ERRORS);
    assertThat(run.err())
        .contains("no case of any indicator falls in 1956–1960; the cases in the data fall in");
    assertThat(out.resolve("skde-upload-andel.csv")).doesNotExist();
    assertThat(out.resolve("skde-ind.csv")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void longRun_showsProgressOnStandardError(boolean terminal) throws Exception {
    Main.Invocation everyRecord =
        new Main.Invocation(InputStream.nullInputStream(), terminal, Duration.ZERO, Duration.ZERO);

    Cli.Run run =
        Cli.run(
            everyRecord,
            "indicators",
            "--registry",
            "ms",
            "--data",
            Cli.samples("ms").toString(),
            "--year",
            "2024",
            "--out",
            temp.resolve("out").toString());

    assertThat(run.exit()).as(run.both()).isZero();
    if (terminal) {
      assertThat(run.err()).contains("\rindicators [").contains("] 100 % (");
    } else {
      assertThat(run.err()).containsPattern("(?m)^indicators: \\d+ % \\(\\d+ lines, \\d+ s\\)$");
    }
    assertThat(run.out()).doesNotContain("lines, ");
  }

  @Test
  void generate_longRun_showsProgressOnStandardError() {
    Main.Invocation everyPatient =
        new Main.Invocation(InputStream.nullInputStream(), false, Duration.ZERO, Duration.ZERO);

    Cli.Run run =
        Cli.run(
            everyPatient,
            "generate",
            "--registry",
            "ms",
            "--patients",
            "20",
            "--out",
            temp.resolve("ms.jsonl").toString());

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.err()).contains("generate: 100 % (20 patients, ");
  }
}
