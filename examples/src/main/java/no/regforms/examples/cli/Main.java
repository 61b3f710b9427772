package no.regforms.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code regforms} command line: check registries, validate records, evaluate expressions. Run
 * it through the {@code ./regforms} script at the repository root.
 *
 * <p>Every command exits with the same codes: {@link #OK}, {@link #DATA_ERRORS}, {@link #USAGE},
 * {@link #INTERNAL}.
 */
@Command(
    name = "regforms",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Medical quality registries defined as data.",
    subcommands = {
      CheckCommand.class,
      ValidateCommand.class,
      EvalCommand.class,
      GenerateCommand.class,
      ImportCommand.class,
      RenderCommand.class,
      ExportCommand.class,
      IndicatorsCommand.class,
      PreviewCommand.class,
      NewCommand.class,
      LoadCommand.class,
      SqlCommand.class,
      TestCommand.class,
      DiffCommand.class,
      MigrateCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes (the same for every command):%n",
    exitCodeList = {
      "0:clean (warnings allowed)",
      "1:the data has errors (records, the codebook of an import)",
      "2:usage or definition errors: an option, an input that cannot be read, a registry that does not load",
      "3:internal failure (one line; --debug prints the trace)"
    })
public final class Main implements Runnable {

  /** Exit code: clean (warnings allowed). */
  static final int OK = 0;

  /** Exit code: the data (records, a codebook) has errors. */
  static final int DATA_ERRORS = 1;

  /** Exit code for a usage error or a definition that does not load. */
  static final int USAGE = 2;

  /** Exit code: the tool failed inside; a bug or a broken environment. */
  static final int INTERNAL = 3;

  // An unmatched argument is shown only when it looks like a mistyped option: any other argument
  // may
  // be a record pasted in the wrong place, which is health data.
  private static final Pattern OPTION_LIKE = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,40}(=.*)?");

  @CommandLine.Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description =
          "On an internal failure, print the Java stack trace (it may include file contents).")
  boolean debug;

  private final Invocation invocation;

  private Main(Invocation invocation) {
    this.invocation = invocation;
  }

  /** How this run was started: standard input, whether stderr is a terminal, progress pacing. */
  Invocation invocation() {
    return invocation;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code, without exiting. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to {@code out} and {@code err}, and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Invocation.system(), out, err, args);
  }

  /** Runs the command line as started by {@code invocation}; for tests that feed standard input. */
  static int run(Invocation invocation, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine(invocation, out, err);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Errors pass through picocli; the stack has unwound, so one line can still be printed.
      return internalFailure(e, commandLine, java.util.Arrays.asList(args).contains("--debug"));
    }
  }

  /** The command line with its error handling, ready to execute. */
  static CommandLine commandLine(Invocation invocation, PrintWriter out, PrintWriter err) {
    return new CommandLine(new Main(invocation))
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(
            (e, command, parsed) -> internalFailure(e, command, debug(parsed)));
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException unmatched) {
      message =
          "unexpected argument"
              + (unmatched.getUnmatched().size() == 1 ? " " : "s ")
              + String.join(
                  ", ",
                  unmatched.getUnmatched().stream()
                      .map(
                          arg ->
                              OPTION_LIKE.matcher(arg).matches()
                                  ? "'" + arg.replaceFirst("=.*", "=…") + "'"
                                  : "(not shown)")
                      .toList());
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println(command.getCommandName() + ": " + message);
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return USAGE;
  }

  private static boolean debug(ParseResult parsed) {
    for (ParseResult each = parsed; each != null; each = each.subcommand()) {
      if (each.hasMatchedOption("--debug")) return true;
    }
    return false;
  }

  /**
   * One line naming the failure (never its message, which may quote a record), or the trace when
   * asked for with {@code --debug}.
   */
  private static int internalFailure(Throwable e, CommandLine command, boolean debug) {
    PrintWriter err = command.getErr();
    if (debug) {
      e.printStackTrace(err);
    }
    Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
    String io = cause instanceof java.io.IOException ? " (" + cause.getMessage() + ")" : "";
    err.println(
        command.getCommandSpec().qualifiedName()
            + ": internal failure: "
            + cause.getClass().getName()
            + io
            + "; outputs were left as they were"
            + (debug ? "" : "; run again with --debug for the details"));
    err.flush();
    return INTERNAL;
  }

  @Override
  public void run() {
    // No command given: show what there is.
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new ParameterException(spec.commandLine(), "name a command");
  }

  /**
   * How a run was started.
   *
   * @param stdin standard input, read by {@code -} in place of a records file
   * @param terminal whether standard error is a terminal (a progress bar) or not (periodic lines)
   * @param progressDelay how long a task runs before progress is first shown
   * @param progressInterval how often progress is shown after that (lines; a bar is redrawn more
   *     often)
   */
  record Invocation(
      InputStream stdin,
      boolean terminal,
      java.time.Duration progressDelay,
      java.time.Duration progressInterval) {

    static Invocation system() {
      return new Invocation(
          System.in,
          System.console() != null,
          java.time.Duration.ofSeconds(2),
          java.time.Duration.ofSeconds(10));
    }
  }

  /** {@code --version}: the version in the jar's manifest, written there by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "regforms " + (version == null ? "(not run from a built jar: no version)" : version)
      };
    }
  }
}
