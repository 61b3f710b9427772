package no.regforms.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The build step of a definition module: loads each registry folder of the module's build output
 * with every check, fails on any error, and records which files passed the definition schemas
 * ({@code schema-digest.txt} beside {@code registry.json}). {@link DefinitionLoader#loadModule}
 * then skips the schema check of the files that are unchanged, a quarter to a third of a cold load
 * (docs/performance.md).
 *
 * <p>Run by the {@code forms-*} modules' builds after their resources are copied ({@code mvn
 * prepare-package}, after its tests); a module built without it simply has every file checked at
 * each load.
 */
public final class ModuleBuildCheck {

  private ModuleBuildCheck() {}

  /**
   * Checks and records every registry folder (a folder holding {@code registry.json}) directly
   * under each folder of {@code args}.
   *
   * @throws IllegalStateException naming every problem when a registry does not load clean
   */
  public static void main(String[] args) throws IOException {
    List<String> failures = new ArrayList<>();
    for (String arg : args) {
      for (Path folder : registryFolders(Path.of(arg))) {
        String problems = record(folder);
        if (!problems.isEmpty()) failures.add(folder + ":\n" + problems);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          "registry definitions with errors:\n" + String.join("\n", failures));
    }
  }

  /**
   * Loads {@code folder} with every check and, when it has no errors, writes its schema digest.
   *
   * @return the display of its issues when it has errors, else empty
   */
  static String record(Path folder) throws IOException {
    Objects.requireNonNull(folder, "folder");
    LoadResult result = DefinitionLoader.create().load(folder);
    Path digest = folder.resolve(SchemaDigest.FILE);
    if (result.hasErrors()) {
      Files.deleteIfExists(digest);
      return result.diagnostics().toDisplayString();
    }
    Files.writeString(
        digest, SchemaDigest.of(new DefinitionSource(folder)).text(), StandardCharsets.UTF_8);
    return "";
  }

  private static List<Path> registryFolders(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) return List.of();
    try (Stream<Path> children = Files.list(parent)) {
      return children
          .filter(child -> Files.isRegularFile(child.resolve(DefinitionSource.REGISTRY_FILE)))
          .sorted()
          .toList();
    }
  }
}
