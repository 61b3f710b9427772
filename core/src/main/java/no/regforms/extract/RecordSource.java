package no.regforms.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.RecordLimits;
import no.regforms.record.RecordLine;

/**
 * Where records come from: a JSON Lines file, or a CSV extract (a folder or files, one per form).
 * Each record comes with its line (JSON Lines) or row (CSV) number; a line that holds no record
 * comes with its problem instead, and reading goes on.
 */
public interface RecordSource {

  /** The file or folder read, for messages and the store's {@code source} column. */
  String name();

  /**
   * Reads the records lazily; closes what it opened when the iteration ends or fails.
   *
   * @param problems receives every problem met that does not stop a record (a cell that could not
   *     be converted, a column that maps to no variable), located by file, row and column
   * @throws UncheckedIOException from the iterator when a file cannot be read
   */
  Iterator<RecordLine> records(Consumer<Issue> problems);

  /**
   * The file the record the iterator returned last was read from, as problems name it: for a CSV
   * extract its form's file (a record's number is its row there), else {@link #name()}.
   */
  default String currentFile() {
    return name();
  }

  /**
   * The source at {@code path}: a {@code .jsonl} (or {@code .json}) file is JSON Lines; a {@code
   * .csv} file or a folder of them is a CSV extract in {@code layout}, read with {@code mapping}.
   *
   * @throws IllegalArgumentException when the path is neither
   */
  static RecordSource open(
      Registry registry, Path path, ExtractLayout layout, Optional<ExtractMapping> mapping) {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (Files.isDirectory(path) || file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      return new CsvExtract(registry, path, layout, mapping.orElse(ExtractMapping.NONE));
    }
    if (file.endsWith(".jsonl") || file.endsWith(".json") || file.endsWith(".ndjson")) {
      return jsonLines(path);
    }
    throw new IllegalArgumentException(
        path
            + " is neither a JSON Lines file (.jsonl) nor a CSV extract (.csv, or a folder of them)");
  }

  /** A JSON Lines file. */
  static RecordSource jsonLines(Path file) {
    return new RecordSource() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public Iterator<RecordLine> records(Consumer<Issue> problems) {
        try {
          return new ClosingLines(JsonLinesRecordReader.open(file, RecordLimits.DEFAULTS));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    };
  }
}
