package no.regforms.examples.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryTests;
import no.regforms.diagnostic.Diagnostics;

/**
 * Loads the registry a command names, printing every definition problem when it does not load.
 *
 * <p>A command's {@code <id or folder>} is read by one rule (README, "Command line"): an argument
 * with a path separator, or {@code .} or {@code ..}, is a folder; a bare name is the definition
 * module of that id when one is on the classpath, and otherwise a folder of that name in the
 * working directory. A folder never shadows a module silently: when a bare name is both, the module
 * is loaded and a note says how to name the folder ({@code ./ms}).
 */
final class RegistryOptions {

  private RegistryOptions() {}

  /** The registry {@code folderOrId}, or empty after printing why it did not load. */
  static Optional<Registry> load(String folderOrId, PrintWriter err) {
    LoadResult result = loadResult(folderOrId, err);
    if (result.hasErrors()) {
      err.println(result.diagnostics().toDisplayString());
      err.printf(
          "registry '%s' has %s%n",
          folderOrId, Plural.of(result.diagnostics().errors().size(), "error"));
      err.flush();
      return Optional.empty();
    }
    return result.registry();
  }

  /** Loads {@code folderOrId} by the rule above; a shadowed folder is noted on {@code err}. */
  static LoadResult loadResult(String folderOrId, PrintWriter err) {
    Optional<Path> folder = folder(folderOrId);
    if (folder.isPresent()) {
      return DefinitionLoader.create().load(folder.get());
    }
    if (Files.isDirectory(Path.of(folderOrId))) {
      err.printf(
          "note: '%s' is the registry module %s; to load the folder of that name, write ./%s%n",
          folderOrId, folderOrId, folderOrId);
      err.flush();
    }
    return DefinitionLoader.create().loadModule(folderOrId);
  }

  /** The tests ({@code tests/*.json}) of {@code folderOrId}, read by the same rule. */
  static RegistryTests tests(String folderOrId) {
    Optional<Path> folder = folder(folderOrId);
    return folder.isPresent()
        ? DefinitionLoader.create().loadTests(folder.get())
        : DefinitionLoader.create().loadModuleTests(folderOrId);
  }

  /**
   * Every text of {@code folderOrId} that lacks one of {@code languages}, read by the same rule.
   */
  static Diagnostics missingTranslations(String folderOrId, List<String> languages) {
    Optional<Path> folder = folder(folderOrId);
    return folder.isPresent()
        ? DefinitionLoader.create().missingTranslations(folder.get(), languages)
        : DefinitionLoader.create().moduleMissingTranslations(folderOrId, languages);
  }

  /** The folder {@code argument} names, or empty when it names a module (the rule above). */
  private static Optional<Path> folder(String argument) {
    boolean pathLike =
        argument.contains("/")
            || argument.contains(File.separator)
            || argument.equals(".")
            || argument.equals("..");
    if (pathLike) {
      return Optional.of(Path.of(argument));
    }
    if (DefinitionLoader.module(argument).isPresent() || !Files.isDirectory(Path.of(argument))) {
      return Optional.empty();
    }
    return Optional.of(Path.of(argument));
  }

  /** The form {@code formId} of {@code registry}, or empty after printing which forms it has. */
  static Optional<Form> form(Registry registry, String formId, PrintWriter err) {
    Optional<Form> form = registry.form(formId);
    if (form.isEmpty()) {
      err.printf(
          "registry '%s' has no form '%s'; its forms are %s%n",
          registry.id(), formId, String.join(", ", registry.forms().keySet()));
      err.flush();
    }
    return form;
  }

  /**
   * {@code registry} as its version {@code version} defined it (the registry itself when {@code
   * version} is null), or empty after printing the versions it had.
   */
  static Optional<Registry> atVersion(Registry registry, String version, PrintWriter err) {
    if (version == null) return Optional.of(registry);
    Optional<Registry> at = registry.atVersion(version);
    if (at.isEmpty()) {
      err.printf(
          "registry '%s' never had version '%s'; its versions are %s%n",
          registry.id(), version, String.join(", ", registry.history().names()));
      err.flush();
    }
    return at;
  }
}
