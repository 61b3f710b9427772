package no.regforms.examples.preview;

import com.sun.net.httpserver.HttpExchange;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Server-Sent Events to the open pages: each gets the current generation when it connects and again
 * after every reload, and reloads itself when the generation is not the one it was built from.
 *
 * <p>A connection holds no thread: its response stays open and is written to from the reloading
 * thread. A comment line every {@value #PING_SECONDS} seconds finds connections the browser has
 * dropped. Thread-safe.
 */
final class EventStream implements Closeable {

  static final long PING_SECONDS = 15;

  private final Set<OutputStream> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService pinger =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "regforms-preview-events");
            thread.setDaemon(true);
            return thread;
          });

  EventStream() {
    pinger.scheduleAtFixedRate(
        () -> broadcast(": ping\n\n"), PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Opens the stream of {@code exchange} and sends it the current generation, read only once the
   * stream is registered, so that a reload in between cannot go unseen.
   */
  void open(HttpExchange exchange, LongSupplier generation) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    clients.add(out);
    send(out, "retry: 1000\n\n" + event(generation.getAsLong()));
  }

  /** Tells every open page that {@code generation} is now current. */
  void publish(long generation) {
    broadcast(event(generation));
  }

  /** The number of open streams. */
  int size() {
    return clients.size();
  }

  private static String event(long generation) {
    return "event: generation\ndata: " + generation + "\n\n";
  }

  private void broadcast(String text) {
    clients.forEach(out -> send(out, text));
  }

  private void send(OutputStream out, String text) {
    synchronized (out) {
      try {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        drop(out);
      }
    }
  }

  private void drop(OutputStream out) {
    clients.remove(out);
    try {
      out.close();
    } catch (IOException e) {
      // the browser has gone; nothing to close
    }
  }

  @Override
  public void close() {
    pinger.shutdownNow();
    clients.forEach(this::drop);
  }
}
