package no.regforms.forms.ect;

import no.regforms.definition.RegistryModule;

/** Announces the ect registry definition, held as JSON under {@code registries/ect}. */
public final class EctModule implements RegistryModule {

  @Override
  public String id() {
    return "ect";
  }

  @Override
  public String resourceRoot() {
    return "registries/ect";
  }
}
