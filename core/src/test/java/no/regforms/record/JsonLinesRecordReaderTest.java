package no.regforms.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

  private static final String GOOD = "{\"registry\":\"test\",\"form\":\"visit\",\"values\":{\"age\":45}}";

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
    assertThat(lines.get(1).record().orElseThrow().values().get("age")).isEqualTo(new java.math.BigDecimal(46));
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
    Iterator<String> endless = new Iterator<>() {
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
    InputStream stream = new InputStream() {
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

    try (JsonLinesRecordReader reader = new JsonLinesRecordReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      List<RecordLine> first = reader.lines().limit(3).toList();

      assertThat(first).hasSize(3);
      assertThat(served.get()).isLessThan(1000);
    }
  }

  @Test
  void lines_failingReader_throwsUncheckedIoException() {
    Reader failing = new Reader() {
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
    List<RecordLine> lines = read("{\"form\":\"visit\",\"values\":{\"comment\": ZZ_SECRET_93}}\n"
        + "{\"form\":\"visit\",\"values\":{\"comment\": \"ZZ_SECRET_93\", \"comment\": 1}}\n"
        + "{\"form\":\"visit\",\"values\":{\"comment\": \"ZZ_SECRET_93\n"
        + "ZZ_SECRET_93\n");

    assertThat(lines).hasSize(4).allSatisfy(line -> {
      assertThat(line.problem()).isPresent();
      assertThat(line.problem().orElseThrow().text("nb")).doesNotContain("ZZ_SECRET_93");
      assertThat(line.problem().orElseThrow().text("en")).doesNotContain("ZZ_SECRET_93");
    });
  }
}
