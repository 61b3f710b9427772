package no.regforms.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import no.regforms.record.RecordLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSourceTest {

  @Test
  void jsonLines_readToTheEnd_closesTheFile(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("records.jsonl");
    Files.writeString(file, "{\"form\":\"visit\"}\nnot json\n{\"form\":\"visit\"}\n");
    RecordSource source = RecordSource.jsonLines(file);
    long before = openFiles();

    for (int run = 0; run < 100; run++) {
      Iterator<RecordLine> lines = source.records(problem -> {});
      int read = 0;
      while (lines.hasNext()) {
        lines.next();
        read++;
      }
      assertThat(read).isEqualTo(3);
      assertThat(lines.hasNext()).as("stays at its end").isFalse();
    }

    // 100 readers left open would hold 100 descriptors; a few may come and go in the JVM meanwhile.
    assertThat(openFiles() - before).isLessThan(20);
  }

  private static long openFiles() {
    return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getOpenFileDescriptorCount();
  }
}
