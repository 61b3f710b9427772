package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.util.Optional;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;

/** Loads the registry a command names, printing every definition problem when it does not load. */
final class RegistryOptions {

  private RegistryOptions() {}

  /** The registry {@code folderOrId}, or empty after printing why it did not load. */
  static Optional<Registry> load(String folderOrId, PrintWriter err) {
    LoadResult result = DefinitionLoader.create().load(folderOrId);
    if (result.hasErrors()) {
      err.println(result.diagnostics().toDisplayString());
      err.printf("registry '%s' has %s%n", folderOrId, Plural.of(result.diagnostics().errors().size(), "error"));
      err.flush();
      return Optional.empty();
    }
    return result.registry();
  }

  /** The form {@code formId} of {@code registry}, or empty after printing which forms it has. */
  static Optional<Form> form(Registry registry, String formId, PrintWriter err) {
    Optional<Form> form = registry.form(formId);
    if (form.isEmpty()) {
      err.printf("registry '%s' has no form '%s'; its forms are %s%n", registry.id(), formId,
          String.join(", ", registry.forms().keySet()));
      err.flush();
    }
    return form;
  }
}
