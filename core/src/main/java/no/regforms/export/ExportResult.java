package no.regforms.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;

/**
 * The outcome of one export: the files, and notes on what the format could not carry; or, when the
 * definition lacks a fact the receiving system requires, no files and the errors that say which.
 *
 * <p>Immutable. Nothing in it comes from records: exports hold definitions only.
 *
 * @param format the format exported to
 * @param files the files, in a stable order
 * @param notes what was left out or approximated, in definition order
 * @param errors why the export was refused, located in the definition (empty when it was not)
 */
public record ExportResult(
    ExportFormat format, List<ExportFile> files, List<ExportNote> notes, List<Issue> errors) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ExportResult {
    Objects.requireNonNull(format, "format");
    files = List.copyOf(files);
    notes = List.copyOf(notes);
    errors = List.copyOf(errors);
  }

  /** A result with files and notes and no errors. */
  public ExportResult(ExportFormat format, List<ExportFile> files, List<ExportNote> notes) {
    this(format, files, notes, List.of());
  }

  /** A refused export: no files, and the errors that say what the definition must give first. */
  static ExportResult refused(ExportFormat format, List<Issue> errors) {
    return new ExportResult(format, List.of(), List.of(), errors);
  }

  /** Whether the export was refused; {@link #errors()} then says why, and there are no files. */
  public boolean isRefused() {
    return !errors.isEmpty();
  }

  /** The file named {@code name}, if the export made one. */
  public Optional<ExportFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The file named {@code name}.
   *
   * @throws IllegalArgumentException naming the files there are, if there is no such file
   */
  public ExportFile fileOrThrow(String name) {
    return file(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no export file '"
                        + name
                        + "'; files: "
                        + String.join(", ", files.stream().map(ExportFile::name).toList())));
  }

  /**
   * Writes every file under {@code folder} (created if needed), as UTF-8, replacing files of the
   * same name.
   *
   * @return the paths written, in file order
   * @throws IOException if a file cannot be written
   */
  public List<Path> writeTo(Path folder) throws IOException {
    Objects.requireNonNull(folder, "folder");
    List<Path> written = new ArrayList<>();
    for (ExportFile file : files) {
      Path target = folder.resolve(file.name()).normalize();
      if (!target.startsWith(folder.normalize())) {
        throw new IllegalArgumentException("export file outside the output folder: " + file.name());
      }
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.content(), StandardCharsets.UTF_8);
      written.add(target);
    }
    return List.copyOf(written);
  }
}
