package no.regforms.export;

import java.util.Objects;

/**
 * One file an export produces.
 *
 * @param name the file name, relative to the output folder (may contain {@code /})
 * @param mediaType its media type, such as {@code text/csv}
 * @param content its text, UTF-8 when written
 */
public record ExportFile(String name, String mediaType, String content) {
  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ExportFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    if (name.isBlank() || name.startsWith("/") || name.contains("..")) {
      throw new IllegalArgumentException(
          "an export file name must be a relative path without '..': " + name);
    }
  }

  @Override
  public String toString() {
    return "ExportFile[" + name + ", " + content.length() + " chars]";
  }
}
