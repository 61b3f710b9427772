package no.regforms.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
}
