package no.regforms.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code regforms} command line: check registries, validate records, evaluate expressions.
 * Run it through the {@code ./regforms} script at the repository root.
 */
@Command(
    name = "regforms",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Medical quality registries defined as data.",
    subcommands = {CheckCommand.class, ValidateCommand.class, EvalCommand.class, GenerateCommand.class,
        ImportCommand.class, RenderCommand.class, ExportCommand.class, IndicatorsCommand.class, PreviewCommand.class})
public final class Main implements Runnable {

  /** Exit code for a usage error or a definition that does not load. */
  static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code, without exiting. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to {@code out} and {@code err}, and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setExitCodeExceptionMapper(e -> USAGE)
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code --version}: the version in the jar's manifest, written there by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"regforms " + (version == null ? "(not run from a built jar: no version)" : version)};
    }
  }
}
