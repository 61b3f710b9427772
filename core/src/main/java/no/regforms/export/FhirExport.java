package no.regforms.export;

import java.util.List;
import no.regforms.definition.Registry;

final class FhirExport {
  private final Registry registry;

  FhirExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    return new ExportResult(ExportFormat.FHIR, List.of(), List.of(registry.id()).isEmpty() ? List.of() : List.of());
  }
}
