package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryTests;
import no.regforms.registrytest.RegistryTestReport;
import no.regforms.registrytest.RegistryTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms test <folder or id>}: runs the tests the registry carries in {@code tests/*.json}
 * and prints each failure located in its test file; exit 1 when a test fails, 2 when the registry
 * or a test file does not load.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Run the registry's own tests (tests/*.json); print each failure as file:line:column.")
final class TestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<folder or registry id>",
      description =
          "The id of a definition module, or a registry folder (a path with a separator, or a name that is no module id).")
  String registry;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    RegistryTests tests = RegistryOptions.tests(registry);
    if (tests.diagnostics().hasErrors()) {
      err.println(tests.diagnostics().toDisplayString());
      err.printf(
          "the tests of '%s' have %s%n",
          registry, Plural.of(tests.diagnostics().errors().size(), "error"));
      err.flush();
      return Main.USAGE;
    }
    RegistryTestReport report = RegistryTestRunner.run(loaded.get(), tests);
    out.print(report.toDisplayString());
    out.printf(
        "%s: %s in %s, %s%n",
        loaded.get().id(),
        Plural.of(report.cases(), "case"),
        Plural.of(tests.files().size(), "test file"),
        report.passed()
            ? "all passed"
            : report.failedCases()
                + " failed ("
                + Plural.of(report.failures().size(), "failure")
                + ")");
    out.flush();
    return report.passed() ? Main.OK : Main.DATA_ERRORS;
  }
}
