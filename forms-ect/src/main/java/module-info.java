/**
 * The ECT registry as a definition module: its definition is JSON under {@code registries/ect},
 * announced to the core's loader as a {@link no.regforms.definition.RegistryModule} service.
 *
 * <p>Nothing is exported; the module is open so the loader finds the definition files as resources.
 */
open module no.regforms.forms.ect {
  requires no.regforms.core;

  provides no.regforms.definition.RegistryModule with
      no.regforms.forms.ect.EctModule;
}
