package no.regforms.export;

import java.util.List;
import no.regforms.definition.Registry;

final class HelsedataExport {
  private final Registry registry;

  HelsedataExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    return new ExportResult(ExportFormat.HELSEDATA, List.of(), List.of(registry.id()).isEmpty() ? List.of() : List.of());
  }
}
