package no.regforms.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.RecordLine;

/**
 * A reader's lines that close the reader as soon as they run out or fail: a stream's iterator never
 * runs the stream's close handlers, and callers of {@link RecordSource#records} have nothing to
 * close.
 */
final class ClosingLines implements Iterator<RecordLine> {
  private final JsonLinesRecordReader reader;
  private final Iterator<RecordLine> lines;
  private boolean open = true;

  ClosingLines(JsonLinesRecordReader reader) {
    this.reader = reader;
    this.lines = reader.lines().iterator();
  }

  @Override
  public boolean hasNext() {
    if (!open) return false;
    boolean more;
    try {
      more = lines.hasNext();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (!more) close();
    return more;
  }

  @Override
  public RecordLine next() {
    if (!hasNext()) throw new NoSuchElementException();
    return lines.next();
  }

  private void close() {
    open = false;
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
