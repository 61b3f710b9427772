package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Severity;

/**
 * Imports a codebook from the test resources into a folder and loads it the way {@code check} does.
 */
final class ImportFixtures {

  private ImportFixtures() {}

  /**
   * The result of one import.
   *
   * @param result what the importer returned
   * @param folder where it was written
   * @param load the loader's verdict on that folder
   */
  record Imported(ImportResult result, Path folder, LoadResult load) {
    Registry registry() {
      return load.registryOrThrow();
    }

    List<ImportNote> notesFor(String variable) {
      return result.notes().stream().filter(n -> n.variable().equals(variable)).toList();
    }

    List<ImportNote> warnings() {
      return result.notes().stream().filter(n -> n.severity() == Severity.WARNING).toList();
    }
  }

  static Path resource(String path) {
    try {
      return Path.of(ImportFixtures.class.getResource("/importer/" + path).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Imported importInto(Path folder, CodebookFormat format, String path) throws IOException {
    ImportResult result =
        CodebookImporter.create().read(format, resource(path), ImportOptions.defaults());
    assertThat(result.hasErrors()).as("import errors: %s", result.notes()).isFalse();
    result.writeTo(folder, false);
    return new Imported(result, folder, DefinitionLoader.create().load(folder));
  }
}
