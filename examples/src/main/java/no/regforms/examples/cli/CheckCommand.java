package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms check <folder or id>}: loads a registry and reports every problem; exit 2 when it
 * has errors.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Load and check a registry; print each problem as file:line:column.")
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<folder or registry id>",
      description =
          "The id of a definition module, or a registry folder (a path with a separator, or a name that is no module id).")
  String registry;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "<lang>",
      description =
          "Also list every text that lacks one of these languages (nb, nn, en, se), such as --languages nb,nn,en.")
  List<String> languages = List.of();

  /** The languages a definition text may be given in. */
  private static final List<String> TEXT_LANGUAGES = List.of("nb", "nn", "en", "se");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String language : languages) {
      if (!TEXT_LANGUAGES.contains(language)) {
        throw OptionChecks.usage(
            spec,
            "--languages takes " + String.join(", ", TEXT_LANGUAGES) + ", not '" + language + "'");
      }
    }
    LoadResult result = RegistryOptions.loadResult(registry, spec.commandLine().getErr());
    // The test files are part of the definition: their shape is checked here, their cases run by
    // 'test'.
    Diagnostics all = result.diagnostics().plus(RegistryOptions.tests(registry).diagnostics());
    if (!languages.isEmpty())
      all = all.plus(RegistryOptions.missingTranslations(registry, languages));
    for (Issue issue : all.issues()) {
      out.println(issue.toDisplayString());
    }
    if (all.hasErrors()) {
      out.printf(
          "%s: %s, %s%n",
          registry,
          Plural.of(all.errors().size(), "error"),
          Plural.of(all.warnings().size(), "warning"));
      out.flush();
      return Main.USAGE;
    }
    Registry loaded = result.registryOrThrow();
    // A packaged module whose build checked it builds its earlier versions on first use: build
    // them now, so that every version the summary names was built and checked.
    loaded.history().versions().forEach(version -> loaded.atVersion(version.version()));
    // With a history, every released version was built and checked; the summary names them.
    String versions =
        loaded.history().names().size() < 2
            ? ""
            : ", "
                + Plural.of(loaded.history().names().size(), "version")
                + " checked ("
                + String.join(", ", loaded.history().names())
                + ")";
    out.printf(
        "%s %s: ok: %s, %s, %s, %s%s%s%n",
        loaded.id(),
        loaded.version(),
        Plural.of(loaded.forms().size(), "form"),
        Plural.of(loaded.variableCount(), "variable"),
        Plural.of(loaded.codeLists().size(), "code list"),
        Plural.of(loaded.indicators().size(), "indicator"),
        versions,
        all.warnings().isEmpty() ? "" : ", " + Plural.of(all.warnings().size(), "warning"));
    out.flush();
    return 0;
  }
}
