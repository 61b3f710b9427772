package no.regforms.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import org.junit.jupiter.api.Test;

class JsonLinesRecordReaderTest {

  private static final String GOOD =
      "{\"registry\":\"test\",\"form\":\"visit\",\"values\":{\"age\":45}}";

  private static List<RecordLine> readBytes(byte[] bytes, RecordLimits limits) {
    try (JsonLinesRecordReader reader =
        new JsonLinesRecordReader(new ByteArrayInputStream(bytes), limits)) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String english(RecordLine line) {
    return line.problem().orElseThrow().text("en");
  }

  private static List<RecordLine> read(String text) {
    try (JsonLinesRecordReader reader = new JsonLinesRecordReader(new StringReader(text))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void lines_goodLines_giveRecordsWithLineNumbers() {
    List<RecordLine> lines = read(GOOD + "\n" + GOOD.replace("45", "46") + "\n");

    assertThat(lines).extracting(RecordLine::number).containsExactly(1L, 2L);
    assertThat(lines).allSatisfy(line -> assertThat(line.problem()).isEmpty());
    assertThat(lines.get(1).record().orElseThrow().values().get("age"))
        .isEqualTo(new java.math.BigDecimal(46));
    assertThat(lines.get(1).record().orElseThrow().line()).isEqualTo(2L);
  }

  @Test
  void lines_badLine_reportsRecordSyntaxWithNumberAndGoesOn() {
    List<RecordLine> lines = read(GOOD + "\n{\"form\": \"visit\", \n" + GOOD + "\n");

    assertThat(lines).extracting(RecordLine::number).containsExactly(1L, 2L, 3L);
    assertThat(lines.get(0).record()).isPresent();
    assertThat(lines.get(1).record()).isEmpty();
    assertThat(lines.get(1).problem().orElseThrow().code()).isEqualTo(IssueCode.RECORD_SYNTAX);
    assertThat(((RecordPath) lines.get(1).problem().orElseThrow().location()).line()).isEqualTo(2L);
    assertThat(lines.get(2).record()).isPresent();
  }

  @Test
  void lines_blankLines_areSkippedButCounted() {
    List<RecordLine> lines = read("\n   \n" + GOOD + "\r\n\t\n" + GOOD);

    assertThat(lines).extracting(RecordLine::number).containsExactly(3L, 5L);
    assertThat(lines).allSatisfy(line -> assertThat(line.record()).isPresent());
  }

  @Test
  void lines_emptyInput_givesNoLines() {
    assertThat(read("")).isEmpty();
  }

  @Test
  void lines_lastLineWithoutNewline_isRead() {
    assertThat(read(GOOD)).hasSize(1);
  }

  @Test
  void lines_streamLazily_readingOnlyWhatIsConsumed() throws IOException {
    AtomicInteger served = new AtomicInteger();
    Iterator<String> endless =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public String next() {
            served.incrementAndGet();
            return GOOD + "\n";
          }
        };
    InputStream stream =
        new InputStream() {
          private byte[] current = new byte[0];
          private int position;

          @Override
          public int read() {
            if (position == current.length) {
              current = endless.next().getBytes(StandardCharsets.UTF_8);
              position = 0;
            }
            return current[position++];
          }
        };

    try (JsonLinesRecordReader reader =
        new JsonLinesRecordReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      List<RecordLine> first = reader.lines().limit(3).toList();

      assertThat(first).hasSize(3);
      assertThat(served.get()).isLessThan(1000);
    }
  }

  @Test
  void lines_failingReader_throwsUncheckedIoException() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public void close() {}
        };

    JsonLinesRecordReader reader = new JsonLinesRecordReader(failing);

    assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> reader.lines().toList());
  }

  @Test
  void lines_badLineWithValue_doesNotEchoTheValue() {
    List<RecordLine> lines =
        read(
            "{\"form\":\"visit\",\"values\":{\"comment\": ZZ_SECRET_93}}\n"
                + "{\"form\":\"visit\",\"values\":{\"comment\": \"ZZ_SECRET_93\", \"comment\": 1}}\n"
                + "{\"form\":\"visit\",\"values\":{\"comment\": \"ZZ_SECRET_93\n"
                + "ZZ_SECRET_93\n");

    assertThat(lines)
        .hasSize(4)
        .allSatisfy(
            line -> {
              assertThat(line.problem()).isPresent();
              assertThat(line.problem().orElseThrow().text("nb")).doesNotContain("ZZ_SECRET_93");
              assertThat(line.problem().orElseThrow().text("en")).doesNotContain("ZZ_SECRET_93");
            });
  }

  @Test
  void lines_invalidUtf8Byte_reportsLineAndByteColumnAndGoesOn() throws IOException {
    // "Bjørn" saved as Latin-1: the ø is the single byte 0xF8, which is not UTF-8.
    byte[] latin1 =
        "{\"form\":\"visit\",\"values\":{\"comment\":\"Bj\u00f8rn\"}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(utf8(GOOD + "\n"));
    file.write(latin1);
    file.write(utf8("\n" + GOOD + "\n"));

    List<RecordLine> lines = readBytes(file.toByteArray(), RecordLimits.DEFAULTS);

    assertThat(lines).extracting(RecordLine::number).containsExactly(1L, 2L, 3L);
    assertThat(lines.get(1).problem().orElseThrow().code()).isEqualTo(IssueCode.RECORD_ENCODING);
    int column = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('\u00f8') + 1;
    assertThat(english(lines.get(1))).contains("byte column " + column).doesNotContain("Bj");
    assertThat(lines.get(2).record()).isPresent();
  }

  @Test
  void lines_textReader_keepsCharactersThatStraddleItsChunks() {
    // A surrogate pair (the emoji) split at the text reader's 8192-character chunk, then ø and
    // more.
    for (int prefix = 8150; prefix < 8200; prefix++) {
      String text = "a".repeat(prefix) + "\uD83D\uDE00\u00f8" + "b".repeat(prefix);
      String json = "{\"form\":\"visit\",\"values\":{\"note\":\"" + text + "\"}}";

      List<RecordLine> lines = read(json + "\n" + json + "\n");

      assertThat(lines)
          .hasSize(2)
          .allSatisfy(
              line -> assertThat(line.record().orElseThrow().values().get("note")).isEqualTo(text));
    }
  }

  @Test
  void lines_byteOrderMark_isSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = utf8(GOOD + "\n" + GOOD + "\n");
    byte[] file = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(text, 0, file, bom.length, text.length);

    List<RecordLine> lines = readBytes(file, RecordLimits.DEFAULTS);

    assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line.record()).isPresent());
  }

  @Test
  void lines_lineLongerThanLimit_isRefusedNamingTheLimitWithoutBufferingIt() {
    RecordLimits limits = RecordLimits.DEFAULTS.withMaxRecordBytes(1_000);
    String longLine =
        "{\"form\":\"visit\",\"values\":{\"codes\":[" + "\"motor\",".repeat(10_000) + "\"x\"]}}";

    List<RecordLine> lines = readBytes(utf8(longLine + "\n" + GOOD + "\n"), limits);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).problem().orElseThrow().code()).isEqualTo(IssueCode.RECORD_LIMIT);
    assertThat(english(lines.get(0)))
        .contains("1000 bytes")
        .contains("--max-record-bytes")
        .doesNotContain("motor");
    assertThat(lines.get(1).record()).isPresent();
  }

  @Test
  void counts_everyLineIsARecordOrUnreadableOrBlank() throws IOException {
    byte[] file = utf8(GOOD + "\n\nnot json\n" + GOOD + "\n   \n");
    try (JsonLinesRecordReader reader =
        new JsonLinesRecordReader(new ByteArrayInputStream(file), RecordLimits.DEFAULTS)) {
      reader.lines().forEach(line -> {});

      JsonLinesRecordReader.Counts counts = reader.counts();
      assertThat(counts.records()).isEqualTo(2);
      assertThat(counts.unreadableLines()).isEqualTo(1);
      assertThat(counts.blankLines()).isEqualTo(2);
      assertThat(counts.linesRead())
          .isEqualTo(counts.records() + counts.unreadableLines())
          .isEqualTo(3);
      assertThat(counts.bytesRead()).isEqualTo(file.length);
    }
  }

  @Test
  void lines_fiftyMegabyteLine_isRefusedWithoutHoldingItInMemory() throws IOException {
    // One 50 MB line: a record whose "codes" array has 6.5 million elements, then a good line.
    byte[] head = utf8("{\"form\":\"visit\",\"values\":{\"codes\":[");
    byte[] element = utf8("\"motor\",");
    long elements = 6_500_000;
    byte[] tail = utf8("\"x\"]}}\n" + GOOD + "\n");
    long size = head.length + elements * element.length + tail.length;
    InputStream fiftyMegabytes =
        new InputStream() {
          private long position;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            if (position >= size) return -1;
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++, position++) {
              long inElements = position - head.length;
              buffer[offset + i] =
                  position < head.length
                      ? head[(int) position]
                      : inElements < elements * element.length
                          ? element[(int) (inElements % element.length)]
                          : tail[(int) (inElements - elements * element.length)];
            }
            return n;
          }
        };
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

    List<RecordLine> lines;
    try (JsonLinesRecordReader reader =
        new JsonLinesRecordReader(fiftyMegabytes, RecordLimits.DEFAULTS)) {
      lines = reader.lines().toList();
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

    assertThat(size).isGreaterThan(50_000_000L);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).problem().orElseThrow().code()).isEqualTo(IssueCode.RECORD_LIMIT);
    assertThat(lines.get(1).record()).isPresent();
    assertThat(allocated).as("bytes allocated while reading a 50 MB line").isLessThan(8L << 20);
  }
}
