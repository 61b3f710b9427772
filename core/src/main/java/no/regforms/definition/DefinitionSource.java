package no.regforms.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one registry folder, on disk or inside a jar (through a zip file system); both are
 * read the same way, so a definition module and a developer's working copy load identically.
 */
final class DefinitionSource {

  static final String REGISTRY_FILE = "registry.json";
  static final String ORGANISATIONS_FILE = "organisations.json";
  static final List<String> FOLDERS = List.of("codelists", "library", "forms", "indicators");

  private final Path root;

  DefinitionSource(Path root) {
    this.root = root;
  }

  boolean isFolder() {
    return Files.isDirectory(root);
  }

  /** The folder's name, for messages. */
  String name() {
    Path name = root.getFileName();
    return name == null ? root.toString() : name.toString();
  }

  boolean hasRegistryFile() {
    return Files.isRegularFile(root.resolve(REGISTRY_FILE));
  }

  /** The JSON files of {@code folder}, relative to the root and sorted by name. */
  List<String> files(String folder) throws IOException {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) return List.of();
    List<String> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .map(p -> folder + "/" + p.getFileName().toString())
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  boolean has(String file) {
    return Files.isRegularFile(root.resolve(file));
  }

  String read(String file) throws IOException {
    return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
  }
}
