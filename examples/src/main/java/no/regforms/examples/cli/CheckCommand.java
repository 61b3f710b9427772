package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code regforms check <folder or id>}: loads a registry and reports every problem. */
@Command(name = "check", description = "Load and check a registry; print each problem as file:line:column.")
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "<folder or registry id>", description = "The id of a definition module, or a registry folder (a path with a separator, or a name that is no module id).")
  String registry;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LoadResult result = RegistryOptions.loadResult(registry, spec.commandLine().getErr());
    for (Issue issue : result.diagnostics().issues()) {
      out.println(issue.toDisplayString());
    }
    if (result.hasErrors()) {
      out.printf("%s: %d errors, %d warnings%n", registry, result.diagnostics().errors().size(),
          result.diagnostics().warnings().size());
      out.flush();
      return 1;
    }
    Registry loaded = result.registryOrThrow();
    out.printf("%s %s: ok: %d forms, %d variables, %d code lists, %d indicators%s%n",
        loaded.id(), loaded.version(), loaded.forms().size(), loaded.variableCount(), loaded.codeLists().size(),
        loaded.indicators().size(),
        result.diagnostics().warnings().isEmpty() ? "" : ", " + result.diagnostics().warnings().size() + " warnings");
    out.flush();
    return 0;
  }
}
