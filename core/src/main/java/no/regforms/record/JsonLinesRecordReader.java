package no.regforms.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams records from JSON Lines text, one record per line, without holding more than one line in
 * memory: a registry extract of millions of forms reads in constant memory.
 *
 * <p>A line that cannot be read becomes a {@link RecordLine} with a problem and its line number;
 * reading goes on. Blank lines are skipped. Not thread-safe; close it (or the reader) when done.
 *
 * <pre>{@code
 * try (var reader = new JsonLinesRecordReader(Files.newBufferedReader(path))) {
 *   reader.lines().forEach(line -> ...);
 * }
 * }</pre>
 */
public final class JsonLinesRecordReader implements AutoCloseable {

  private final BufferedReader in;

  /** A reader over {@code in}. */
  public JsonLinesRecordReader(Reader in) {
    Objects.requireNonNull(in, "in");
    this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
  }

  /**
   * The lines, read lazily.
   *
   * @throws UncheckedIOException from the stream's operations if the underlying reader fails
   */
  public Stream<RecordLine> lines() {
    Iterator<RecordLine> iterator = new Iterator<>() {
      private long number;
      private RecordLine next;

      @Override
      public boolean hasNext() {
        if (next != null) return true;
        try {
          String text;
          while ((text = in.readLine()) != null) {
            number++;
            if (!text.isBlank()) {
              next = RecordParser.parse(text, number);
              return true;
            }
          }
          return false;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public RecordLine next() {
        if (!hasNext()) throw new NoSuchElementException();
        RecordLine line = next;
        next = null;
        return line;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
