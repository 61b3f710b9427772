package no.regforms.examples.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way from a name in a request (or an issue) to a file: only a definition file ({@code
 * *.json}) inside the registry folder. Names that climb out ({@code ..}), absolute names,
 * backslashes, empty segments and symbolic links that lead out of the folder are refused.
 */
final class DefinitionFiles {

  /** The largest file the source view shows. */
  static final long MAX_SHOWN_BYTES = 4 << 20;

  private DefinitionFiles() {}

  /**
   * The definition file at {@code relative} (already percent-decoded, once) inside {@code folder}.
   *
   * @param folder the registry folder as a real path ({@link Path#toRealPath})
   * @return the file's real path, or empty when the name is refused or names no JSON file inside
   *     the folder
   */
  static Optional<Path> resolve(Path folder, String relative) {
    if (relative.isEmpty()
        || !relative.endsWith(".json")
        || relative.indexOf('\\') >= 0
        || relative.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
    }
    Path candidate = folder.resolve(relative).normalize();
    if (!candidate.startsWith(folder) || !Files.isRegularFile(candidate)) {
      return Optional.empty();
    }
    try {
      Path real = candidate.toRealPath();
      return real.startsWith(folder) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
