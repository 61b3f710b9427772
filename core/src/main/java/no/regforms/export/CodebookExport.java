package no.regforms.export;

import java.util.List;
import no.regforms.definition.Registry;

final class CodebookExport {
  private final Registry registry;

  CodebookExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    return new ExportResult(ExportFormat.CODEBOOK, List.of(), List.of(registry.id()).isEmpty() ? List.of() : List.of());
  }
}
