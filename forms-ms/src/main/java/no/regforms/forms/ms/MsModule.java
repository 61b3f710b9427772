package no.regforms.forms.ms;

import no.regforms.definition.RegistryModule;

/** Announces the ms registry definition, held as JSON under {@code registries/ms}. */
public final class MsModule implements RegistryModule {

  @Override
  public String id() {
    return "ms";
  }

  @Override
  public String resourceRoot() {
    return "registries/ms";
  }
}
