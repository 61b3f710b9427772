package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.regforms.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What every command shares: help, exit codes, the meaning of options, failure reporting. */
class CommandLineContractTest {

  @TempDir Path temp;

  private static CommandSpec root() {
    return Main.commandLine(
            Main.Invocation.system(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()))
        .getCommandSpec();
  }

  static Stream<String> commands() {
    return root().subcommands().keySet().stream().filter(name -> !name.equals("help"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void help_everyCommand_printsItsUsageAndExitsZero(String command) {
    Run run = Cli.run(command, "--help");

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.out()).startsWith("Usage: regforms " + command).contains("--help");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpCommand_everyCommand_printsTheSameUsageAndRunsNothing(String command) {
    Run run = Cli.run("help", command);

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.out()).isEqualTo(Cli.run(command, "--help").out());
  }

  @Test
  void help_topLevel_listsEveryCommandAndTheExitCodes() {
    Run run = Cli.run("--help");

    assertThat(run.exit()).isZero();
    commands().forEach(command -> assertThat(run.out()).contains("  " + command));
    assertThat(run.out())
        .contains("Exit codes")
        .contains("0   clean")
        .contains("3   internal failure");
  }

  @Test
  void noCommand_isAUsageError() {
    Run run = Cli.run();

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("Usage: regforms").contains("name a command");
  }

  @Test
  void lang_everyCommandWithIt_defaultsToNorwegian() {
    List<OptionSpec> langs =
        root().subcommands().values().stream()
            .map(sub -> sub.getCommandSpec().findOption("--lang"))
            .filter(o -> o != null)
            .toList();

    assertThat(langs)
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(lang -> assertThat(lang.defaultValue()).isEqualTo("nb"));
  }

  @Test
  void out_everyCommandWritingOutput_takesForce() {
    root().subcommands().values().stream()
        .map(CommandLine::getCommandSpec)
        .filter(spec -> spec.findOption("--out") != null)
        .forEach(spec -> assertThat(spec.findOption("--force")).as(spec.name()).isNotNull());
  }

  @Test
  void records_givenTheSameWayToValidateAndIndicators() {
    CommandSpec validate = root().subcommands().get("validate").getCommandSpec();
    CommandSpec indicators = root().subcommands().get("indicators").getCommandSpec();

    for (String option :
        List.of(
            "--data",
            "--max-record-bytes",
            "--max-depth",
            "--max-string-length",
            "--max-number-length")) {
      assertThat(validate.findOption(option).description())
          .as(option)
          .isEqualTo(indicators.findOption(option).description());
    }
    assertThat(validate.positionalParameters()).hasSize(1);
    assertThat(indicators.positionalParameters()).hasSize(1);
  }

  @Test
  void plurals_oneErrorIsSingular() throws IOException {
    Files.writeString(
        temp.resolve("registry.json"), "{\"id\": \"demo\", \"title\": {\"nb\": \"Demo\"}}");

    Run run = Cli.run("check", temp.toString());

    assertThat(run.out()).contains(": 1 error, 0 warnings").doesNotContain("1 errors");
  }

  @Test
  void unmatchedArgument_thatMayBeARecord_isNotEchoed() throws IOException {
    Path records = Files.writeString(temp.resolve("r.jsonl"), "");

    Run run =
        Cli.run(
            "validate",
            "--registry",
            "ms",
            records.toString(),
            "{\"name\": \"ZZ_SENTINEL_17\"}",
            "--fomr");

    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err())
        .doesNotContain("ZZ_SENTINEL_17")
        .contains("(not shown)")
        .contains("'--fomr'");
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("a message that quotes ZZ_SENTINEL_17 from a record");
    }
  }

  private static Run runBoom(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.Invocation invocation =
        new Main.Invocation(
            new ByteArrayInputStream(new byte[0]), false, Duration.ZERO, Duration.ZERO);
    CommandLine commandLine =
        Main.commandLine(invocation, new PrintWriter(out, true), new PrintWriter(err, true));
    commandLine.addSubcommand("boom", new Boom());
    commandLine
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)); // reaches the new subcommand too
    return new Run(commandLine.execute(args), out.toString(), err.toString());
  }

  @Test
  void internalFailure_isOneLineWithoutItsMessageAndExitThree() {
    Run run = runBoom("boom");

    assertThat(run.exit()).isEqualTo(Main.INTERNAL);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .contains("internal failure: java.lang.IllegalStateException")
        .contains("--debug")
        .doesNotContain("ZZ_SENTINEL_17")
        .doesNotContain("\tat ");
  }

  @Test
  void internalFailure_withDebug_printsTheTrace() {
    Run run = runBoom("boom", "--debug");

    assertThat(run.exit()).isEqualTo(Main.INTERNAL);
    assertThat(run.err())
        .contains("\tat no.regforms.examples.cli.CommandLineContractTest$Boom.call");
  }

  @Test
  void readFailure_midway_isOneLineAndExitThree() {
    // Reading a process's own memory from offset 0 fails with an I/O error: a disk failing mid-run.
    Run run = Cli.run("validate", "--registry", "ms", "/proc/self/mem");

    assertThat(run.exit()).as(run.both()).isEqualTo(Main.INTERNAL);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("reading /proc/self/mem failed").doesNotContain("\tat ");
  }
}
