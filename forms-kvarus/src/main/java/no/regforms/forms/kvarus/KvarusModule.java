package no.regforms.forms.kvarus;

import no.regforms.definition.RegistryModule;

/** Announces the kvarus registry definition, held as JSON under {@code registries/kvarus}. */
public final class KvarusModule implements RegistryModule {

  @Override
  public String id() {
    return "kvarus";
  }

  @Override
  public String resourceRoot() {
    return "registries/kvarus";
  }
}
