/**
 * The KVARUS registry as a definition module: its definition is JSON under {@code
 * registries/kvarus}, announced to the core's loader as a {@link
 * no.regforms.definition.RegistryModule} service.
 *
 * <p>Nothing is exported; the module is open so the loader finds the definition files as resources.
 */
open module no.regforms.forms.kvarus {
  requires no.regforms.core;

  provides no.regforms.definition.RegistryModule with
      no.regforms.forms.kvarus.KvarusModule;
}
