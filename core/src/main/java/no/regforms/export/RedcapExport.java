package no.regforms.export;

import java.util.List;
import no.regforms.definition.Registry;

final class RedcapExport {
  private final Registry registry;

  RedcapExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    return new ExportResult(ExportFormat.REDCAP, List.of(), List.of(registry.id()).isEmpty() ? List.of() : List.of());
  }
}
