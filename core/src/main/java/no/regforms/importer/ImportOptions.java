package no.regforms.importer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Choices for one import that the codebook itself does not make.
 *
 * @param registryId the id of the new registry; when empty, derived from the file name
 * @param title the registry's title (Norwegian Bokmål); when empty, derived from the file name
 * @param version the definition version written to {@code registry.json}
 */
public record ImportOptions(Optional<String> registryId, Optional<String> title, String version) {

  /** The version given to an imported registry unless another is chosen. */
  public static final String DEFAULT_VERSION = "1";

  /** The shape of a registry id. */
  public static final String ID_PATTERN = "[a-z][a-z0-9_]{0,63}";

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException if {@code registryId} is not snake_case
   */
  public ImportOptions {
    Objects.requireNonNull(registryId, "registryId");
    registryId.ifPresent(
        id -> {
          if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(
                "registry id '" + id + "' must be snake_case: " + ID_PATTERN);
          }
        });
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(version, "version");
  }

  /** No choices: id and title come from the file name, version {@value #DEFAULT_VERSION}. */
  public static ImportOptions defaults() {
    return new ImportOptions(Optional.empty(), Optional.empty(), DEFAULT_VERSION);
  }

  /** These options with registry id {@code id}. */
  public ImportOptions withRegistryId(String id) {
    return new ImportOptions(Optional.of(id), title, version);
  }

  /** These options with title {@code text}. */
  public ImportOptions withTitle(String text) {
    return new ImportOptions(registryId, Optional.of(text), version);
  }

  /** The registry id to use for {@code file}: the chosen one, else the file name in snake_case. */
  String registryIdFor(Path file) {
    return registryId.orElseGet(
        () -> {
          String id = no.regforms.definition.Ids.snakeCase(baseName(file), false);
          return id.isEmpty() ? "imported" : id;
        });
  }

  /** The title to use for {@code file}: the chosen one, else the file name without extension. */
  String titleFor(Path file) {
    return title.orElseGet(() -> baseName(file));
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
