package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress: nothing for a short task, then a bar on a terminal or a line now and then. */
class ProgressTest {

  private final StringWriter err = new StringWriter();
  private final AtomicLong now = new AtomicLong();

  private Progress progress(boolean terminal) {
    Main.Invocation invocation =
        new Main.Invocation(
            InputStream.nullInputStream(), terminal, Duration.ofSeconds(2), Duration.ofSeconds(10));
    return new Progress(
        new PrintWriter(err, true), "validate", "lines", 1000, invocation, now::get);
  }

  private void at(long seconds) {
    now.set(Duration.ofSeconds(seconds).toNanos());
  }

  @Test
  void update_beforeTheDelay_showsNothing() {
    Progress progress = progress(false);
    at(1);
    progress.update(10, 10);
    progress.close();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void update_notOnATerminal_printsALineEveryInterval() {
    Progress progress = progress(false);
    for (int second = 0; second <= 25; second++) {
      at(second);
      progress.update(second * 40L, second * 40L);
    }
    progress.close();

    assertThat(err.toString().lines())
        .containsExactly(
            "validate: 8 % (80 lines, 2 s)",
            "validate: 48 % (480 lines, 12 s)", "validate: 88 % (880 lines, 22 s)");
  }

  @Test
  void update_onATerminal_redrawsABarInPlace_andClearMakesRoomForOutput() {
    Progress progress = progress(true);
    at(3);
    progress.update(500, 500);
    progress.clear();
    at(4);
    progress.update(1000, 1000);
    progress.close();

    String bar = "validate [###############               ] 50 % (500 lines, 3 s)";
    assertThat(err.toString())
        .isEqualTo(
            "\r"
                + bar
                + "\r"
                + " ".repeat(bar.length())
                + "\r"
                + "\rvalidate [##############################] 100 % (1,000 lines, 4 s)\n");
  }
}
