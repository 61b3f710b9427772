package no.regforms.examples.preview;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A registry developer's live preview of a registry folder, served on 127.0.0.1.
 *
 * <p>The index lists the forms (each fillable in every language of the registry), the indicators
 * and the codebook. The folder is watched: after each change it is loaded again and open pages
 * reload. When a load has errors, every page shows them located ({@code file:line:column}, the
 * source line with the offending text marked) above the last version that loaded, which stays
 * usable. A page's submitted record is validated by the server, which answers with its issues. With
 * a data file, the indicator report of its records is served too.
 *
 * <p>Requests for anything outside the folder, oversized requests and requests not addressed to
 * 127.0.0.1 or localhost are refused. Record values are never logged.
 *
 * <pre>{@code
 * try (PreviewServer server = PreviewServer.start(Path.of("my-registry"), Optional.empty(), 0, System.out::println)) {
 *   System.out.println("open " + server.uri());
 *   ...
 * }
 * }</pre>
 */
public final class PreviewServer implements AutoCloseable {

  private final HttpServer http;
  private final ExecutorService workers;
  private final LiveRegistry live;
  private final EventStream events;
  private final Consumer<String> console;
  private FolderWatcher watcher;

  private PreviewServer(
      HttpServer http,
      ExecutorService workers,
      LiveRegistry live,
      EventStream events,
      Consumer<String> console) {
    this.http = http;
    this.workers = workers;
    this.live = live;
    this.events = events;
    this.console = console;
  }

  /**
   * Loads {@code folder}, starts serving it on 127.0.0.1 and starts watching it.
   *
   * @param folder a registry folder (a working copy, never a module id)
   * @param data records (JSON Lines) for the indicator report, if any
   * @param port the port, or 0 for any free port
   * @param console receives a line for each load of the folder and its errors (never record values)
   * @throws IOException if the port cannot be bound or the folder cannot be watched
   * @throws IllegalArgumentException if {@code folder} is not a folder or {@code data} not a
   *     readable file
   */
  public static PreviewServer start(
      Path folder, Optional<Path> data, int port, Consumer<String> console) throws IOException {
    Objects.requireNonNull(console, "console");
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a folder: " + folder);
    }
    if (data.isPresent() && !(Files.isRegularFile(data.get()) && Files.isReadable(data.get()))) {
      throw new IllegalArgumentException("cannot read " + data.get());
    }
    Path root = folder.toRealPath();
    LiveRegistry live = new LiveRegistry(root);
    EventStream events = new EventStream();
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "regforms-preview-http");
              thread.setDaemon(true);
              return thread;
            });
    PreviewServer server = new PreviewServer(http, workers, live, events, console);
    server.reloaded();
    PreviewPages pages = new PreviewPages(root, data);
    http.createContext(
        "/",
        new PreviewHandler(
            live, pages, events, data.map(IndicatorReports::new), http.getAddress().getPort()));
    http.setExecutor(workers);
    http.start();
    try {
      server.watcher = FolderWatcher.start(root, server::reloaded);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The address of the index page. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** The port served. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** "1 error", "2 errors". */
  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void reloaded() {
    Version version = live.reload();
    String name = version.registry().map(r -> r.id()).orElse(live.folderName());
    for (LocatedIssue issue : version.errors()) {
      console.accept(
          issue.where()
              + ": error: "
              + issue.message()
              + (issue.hint().isEmpty() ? "" : "; " + issue.hint()));
    }
    if (version.failed()) {
      console.accept(
          name
              + ": "
              + count(version.errors().size(), "error")
              + "; "
              + (version.registry().isPresent()
                  ? "the pages show the last version that loaded"
                  : "no version has loaded yet"));
    } else {
      console.accept(name + ": loaded (" + count(version.warnings().size(), "warning") + ")");
    }
    events.publish(version.generation());
  }

  /** Stops watching and serving; open pages lose their connection. */
  @Override
  public void close() {
    try {
      if (watcher != null) watcher.close();
    } catch (IOException e) {
      // the watch service is gone either way
    }
    events.close();
    http.stop(0);
    workers.shutdownNow();
  }
}
