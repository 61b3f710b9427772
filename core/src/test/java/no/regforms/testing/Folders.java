package no.regforms.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.RegistryModule;

/** Copies of registry folders, for tests that change a file of a registry and load it. */
public final class Folders {

  private Folders() {}

  /**
   * Copies the tree {@code source} to {@code target} (which must not exist) and returns {@code
   * target}.
   */
  public static Path copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  /**
   * The registry folder of the definition module {@code id} on the classpath (a directory, or
   * inside a jar) copied to {@code target}.
   */
  public static Path copyOfModule(String id, Path target) throws IOException {
    RegistryModule module = DefinitionLoader.module(id).orElseThrow();
    URL url = module.classLoader().getResource(module.resourceRoot() + "/registry.json");
    URI uri = URI.create(url.toString());
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return copy(jar.getPath(module.resourceRoot()), target);
      }
    }
    return copy(Path.of(uri).getParent(), target);
  }
}
