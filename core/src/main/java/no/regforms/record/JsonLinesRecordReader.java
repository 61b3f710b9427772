package no.regforms.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import no.regforms.diagnostic.IssueCode;
import no.regforms.presentation.MessageCatalogue;

/**
 * Streams records from JSON Lines (UTF-8, one record per line), holding at most one line in memory:
 * a registry extract of millions of forms reads in constant memory, and no line, however long,
 * takes more than {@link RecordLimits#maxRecordBytes()}.
 *
 * <p>Each line is decoded on its own. A line that cannot be read becomes a {@link RecordLine} with
 * a problem and its line number, and reading goes on: bytes that are not UTF-8 ({@code
 * record_encoding}, with the byte column), a line beyond a limit ({@code record_limit}), text that
 * is not a record ({@code record_syntax}). A byte order mark at the start is skipped; blank lines
 * are skipped and counted. {@link #counts()} accounts for every line: lines read = records +
 * unreadable lines. Not thread-safe; close it when done.
 *
 * <pre>{@code
 * try (var reader = JsonLinesRecordReader.open(path, RecordLimits.DEFAULTS)) {
 *   reader.lines().forEach(line -> ...);
 * }
 * }</pre>
 */
public final class JsonLinesRecordReader implements AutoCloseable {

  private static final int CHUNK = 8192;
  // Bytes kept beyond the limit: a byte order mark (3) and a trailing \r (1) are not part of the
  // record.
  private static final int SLACK = 4;

  private final InputStream in;
  private final RecordParser parser;
  private final int maxBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[CHUNK];
  private int position;
  private int end;
  private byte[] line = new byte[1024];
  private int lineLength;
  private long lineBytes;
  private long number;
  private long records;
  private long unreadable;
  private long blank;
  private long bytesRead;

  /** A reader of the UTF-8 bytes of {@code in}, within {@code limits}. */
  public JsonLinesRecordReader(InputStream in, RecordLimits limits) {
    this.in = Objects.requireNonNull(in, "in");
    this.parser = RecordParser.of(limits);
    this.maxBytes = limits.maxRecordBytes();
  }

  /** A reader of the UTF-8 bytes of {@code in}, within the default limits. */
  public JsonLinesRecordReader(InputStream in) {
    this(in, RecordLimits.DEFAULTS);
  }

  /**
   * A reader of text that is already decoded, within the default limits. Prefer the byte
   * constructors: only they can report a line that is not UTF-8 by line and byte column.
   */
  public JsonLinesRecordReader(Reader in) {
    this(utf8(in), RecordLimits.DEFAULTS);
  }

  /**
   * A reader of the file {@code file}.
   *
   * @throws IOException if the file cannot be opened
   */
  public static JsonLinesRecordReader open(Path file, RecordLimits limits) throws IOException {
    return new JsonLinesRecordReader(Files.newInputStream(file), limits);
  }

  /**
   * The lines, read lazily.
   *
   * @throws UncheckedIOException from the stream's operations if the underlying input fails
   */
  public Stream<RecordLine> lines() {
    Iterator<RecordLine> iterator =
        new Iterator<>() {
          private RecordLine next;

          @Override
          public boolean hasNext() {
            if (next != null) return true;
            try {
              next = readNext();
              return next != null;
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
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * What has been read so far; after the whole input, every line is in exactly one count.
   *
   * @param records lines that held a record
   * @param unreadableLines lines that could not be read (not UTF-8, beyond a limit, not a record)
   * @param blankLines empty or whitespace-only lines, skipped
   * @param bytesRead bytes consumed from the input, for progress
   */
  public record Counts(long records, long unreadableLines, long blankLines, long bytesRead) {
    /** Lines read: records and unreadable lines (blank lines are skipped, not read). */
    public long linesRead() {
      return records + unreadableLines;
    }
  }

  /** The counts so far. */
  public Counts counts() {
    return new Counts(records, unreadable, blank, bytesRead);
  }

  private RecordLine readNext() throws IOException {
    while (nextLine()) {
      number++;
      RecordLine read = decodeAndParse();
      if (read == null) {
        blank++;
        continue;
      }
      if (read.record().isPresent()) records++;
      else unreadable++;
      return read;
    }
    return null;
  }

  /**
   * Reads the next line's bytes into {@code line}, keeping at most {@code maxBytes + 1}; false at
   * the end.
   */
  private boolean nextLine() throws IOException {
    lineLength = 0;
    lineBytes = 0;
    boolean any = false;
    while (true) {
      if (position == end) {
        int n = in.read(chunk);
        if (n < 0) return any;
        position = 0;
        end = n;
        bytesRead += n;
        continue;
      }
      any = true;
      int newline = position;
      while (newline < end && chunk[newline] != '\n') newline++;
      int count = newline - position;
      lineBytes += count;
      keep(position, count);
      position = newline < end ? newline + 1 : end;
      if (newline < end) return true;
    }
  }

  /**
   * Copies bytes into the line, but never more than the limit allows (the rest is counted, not
   * kept).
   */
  private void keep(int from, int count) {
    int room = maxBytes + SLACK + 1 - lineLength; // one byte beyond all slack proves the excess
    int copy = Math.min(count, Math.max(room, 0));
    if (copy == 0) return;
    if (lineLength + copy > line.length) {
      line =
          Arrays.copyOf(
              line, Math.min(Math.max(line.length * 2, lineLength + copy), maxBytes + SLACK + 1));
    }
    System.arraycopy(chunk, from, line, lineLength, copy);
    lineLength += copy;
  }

  /** The line as a record or a problem, or {@code null} for a blank line. */
  private RecordLine decodeAndParse() {
    long length = lineBytes;
    int kept = lineLength;
    int start =
        number == 1
                && kept >= 3
                && line[0] == (byte) 0xEF
                && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF
            ? 3
            : 0;
    boolean carriageReturn = kept > start && line[kept - 1] == '\r';
    if (length - start - (carriageReturn ? 1 : 0) > maxBytes)
      return RecordParser.tooLong(number, maxBytes, RecordParser.Subject.LINE);
    if (carriageReturn) kept--;
    if (isAscii(line, start, kept)) { // ASCII is UTF-8 as it stands: no decoding needed
      return isBlank(line, start, kept) ? null : parser.read(line, start, kept - start, number);
    }
    ByteBuffer bytes = ByteBuffer.wrap(line, start, kept - start);
    CharBuffer text = CharBuffer.allocate(kept - start);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, text, true);
    if (!result.isError()) result = decoder.flush(text);
    if (result.isError()) {
      int column = bytes.position() + 1;
      return RecordParser.problem(
          number,
          IssueCode.RECORD_ENCODING,
          MessageCatalogue.localized("record.syntax.notUtf8", String.valueOf(column)));
    }
    text.flip();
    String json = text.toString();
    if (json.isBlank()) return null;
    return parser.read(json, number);
  }

  private static boolean isAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) if (bytes[i] < 0) return false;
    return true;
  }

  /** Whether ASCII bytes are whitespace only, as {@link String#isBlank()} sees them. */
  private static boolean isBlank(byte[] ascii, int from, int to) {
    for (int i = from; i < to; i++) if (!Character.isWhitespace(ascii[i])) return false;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static InputStream utf8(Reader in) {
    return new Utf8Bytes(Objects.requireNonNull(in, "in"));
  }

  /**
   * The UTF-8 bytes of decoded text, encoded as they are read. The JDK has no such adapter, and a
   * host that only validates records should not need a library for it.
   */
  private static final class Utf8Bytes extends InputStream {
    private final Reader in;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK).flip();
    private final ByteBuffer bytes = ByteBuffer.allocate(4 * CHUNK).flip();
    private boolean end;

    Utf8Bytes(Reader in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      while (!bytes.hasRemaining()) {
        if (end && !chars.hasRemaining()) return -1;
        if (!end) {
          chars.compact();
          end = in.read(chars) < 0;
          chars.flip();
        }
        bytes.clear();
        encoder.encode(chars, bytes, end);
        if (end) encoder.flush(bytes);
        bytes.flip();
      }
      int n = Math.min(length, bytes.remaining());
      bytes.get(buffer, offset, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
