package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress of a long task on standard error: a bar redrawn in place on a terminal, a line now and
 * then otherwise (a log file, CI). Nothing is shown for a task that ends before the first delay.
 * Counts only: never a value from the data. Not thread-safe; {@link #update} is cheap enough to
 * call per record.
 */
final class Progress implements AutoCloseable {

  private static final int BAR_WIDTH = 30;
  private static final long BAR_REDRAW_NANOS = Duration.ofMillis(200).toNanos();

  private final PrintWriter err;
  private final String task;
  private final String unit;
  private final long total;
  private final boolean terminal;
  private final long interval;
  private final LongSupplier clock;
  private final long started;
  private long next;
  private long done;
  private long amount;
  private int drawn; // length of the bar now on the terminal's last line, 0 when none

  Progress(
      PrintWriter err,
      String task,
      String unit,
      long total,
      Main.Invocation invocation,
      LongSupplier clock) {
    this.err = err;
    this.task = task;
    this.unit = unit;
    this.total = total;
    this.terminal = invocation.terminal();
    this.interval = terminal ? BAR_REDRAW_NANOS : invocation.progressInterval().toNanos();
    this.clock = clock;
    this.started = clock.getAsLong();
    this.next = started + invocation.progressDelay().toNanos();
  }

  /**
   * Progress of {@code task} for the command run by {@code invocation}.
   *
   * @param unit what is counted, in the plural ("records")
   * @param total the size of the whole task in the measure {@link #update} gives (bytes, patients),
   *     or -1 if unknown
   */
  static Progress start(
      PrintWriter err, Main.Invocation invocation, String task, String unit, long total) {
    return new Progress(err, task, unit, total, invocation, System::nanoTime);
  }

  /**
   * {@code count} things done so far, and {@code amount} of the total (the same, or bytes read).
   */
  void update(long count, long amount) {
    this.done = count;
    this.amount = amount;
    long now = clock.getAsLong();
    if (now - next < 0) return;
    next = now + interval;
    if (terminal) {
      String bar = text(now);
      err.print('\r' + bar + " ".repeat(Math.max(0, drawn - bar.length())));
      drawn = bar.length();
    } else {
      err.println(text(now));
    }
    err.flush();
  }

  private String text(long now) {
    long seconds = Duration.ofNanos(now - started).toSeconds();
    String counted = String.format(java.util.Locale.ROOT, "%,d %s, %d s", done, unit, seconds);
    if (total <= 0) return task + ": " + counted;
    int percent = (int) Math.min(100, amount * 100 / total);
    if (!terminal) return task + ": " + percent + " % (" + counted + ")";
    int filled = percent * BAR_WIDTH / 100;
    return task
        + " ["
        + "#".repeat(filled)
        + " ".repeat(BAR_WIDTH - filled)
        + "] "
        + percent
        + " % ("
        + counted
        + ")";
  }

  /**
   * Erases a terminal's bar before the command prints a line of its own (standard output and error
   * share the terminal); the next update draws it again.
   */
  void clear() {
    if (drawn == 0) return;
    err.print('\r' + " ".repeat(drawn) + '\r');
    err.flush();
    drawn = 0;
  }

  /**
   * Ends the display: a terminal's bar line is finished so later output starts on a line of its
   * own.
   */
  @Override
  public void close() {
    if (drawn > 0) {
      err.println();
      err.flush();
    }
  }
}
