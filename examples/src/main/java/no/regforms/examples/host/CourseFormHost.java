package no.regforms.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.regforms.RegistryEngine;
import no.regforms.render.FormRenderer;
import no.regforms.validation.ValidationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host application as small as embedding gets: a JDK HTTP server that serves the ECT course form
 * and validates the records the form posts.
 *
 * <ul>
 *   <li>{@code GET /} answers the form page (Bokmål), rendered once at start;
 *   <li>{@code POST /records} validates the JSON body: 200 when it has no error, else 400 with the
 *       issues' JSON form, which the page shows beside its fields; 413 for a body over 1 MB.
 * </ul>
 *
 * <p>The registry is loaded and warmed up before the server takes requests, so the first answer
 * costs what every answer costs. Nothing of a record is logged or kept: only counts and timings.
 *
 * <pre>{@code
 * java -cp "examples/target/regforms/regforms/lib/*" no.regforms.examples.host.CourseFormHost 8080
 * }</pre>
 */
public final class CourseFormHost implements AutoCloseable {

  /** Where the page posts records. */
  public static final String RECORDS = "/records";

  private static final Logger log = LoggerFactory.getLogger(CourseFormHost.class);
  private static final int MAX_BODY = 1 << 20;
  private static final String LANGUAGE = "nb";

  private final RegistryEngine ect;
  private final byte[] page;
  private final HttpServer server;
  private final ExecutorService workers;

  private CourseFormHost(RegistryEngine ect, int port) throws IOException {
    this.ect = ect;
    this.page = ect.renderPage("course", LANGUAGE).getBytes(StandardCharsets.UTF_8);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    this.workers = Executors.newFixedThreadPool(4);
    server.setExecutor(workers);
    server.createContext("/", this::serve);
  }

  /**
   * Loads and warms up the ECT registry, then serves on {@code port} of the loopback address (0 for
   * any free port).
   */
  public static CourseFormHost start(int port) throws IOException {
    long started = System.nanoTime();
    RegistryEngine ect =
        RegistryEngine.loadModule("ect")
            .withRenderer(FormRenderer.builder().submitUrl(RECORDS).build())
            .warmUp();
    CourseFormHost host = new CourseFormHost(ect, port);
    host.server.start();
    log.info(
        "serving registry {} on port {}, ready {} ms after start",
        ect.registry().id(),
        host.port(),
        (System.nanoTime() - started) / 1_000_000);
    return host;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/") && method.equals("GET")) {
        answer(exchange, 200, "text/html; charset=utf-8", page);
      } else if (path.equals(RECORDS) && method.equals("POST")) {
        receive(exchange);
      } else {
        answer(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "not found".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      answer(
          exchange,
          413,
          "text/plain; charset=utf-8",
          "record larger than 1 MB".getBytes(StandardCharsets.UTF_8));
      return;
    }
    ValidationResult result = ect.validate(new String(body, StandardCharsets.UTF_8));
    byte[] json = result.diagnostics().toJson(LANGUAGE).toString().getBytes(StandardCharsets.UTF_8);
    log.info(
        "record for registry {}: {} errors, {} warnings",
        ect.registry().id(),
        result.diagnostics().errors().size(),
        result.diagnostics().warnings().size());
    answer(exchange, result.hasErrors() ? 400 : 200, "application/json", json);
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops the server, letting answers under way finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdown();
  }

  /** Serves until the process is stopped; the port is {@code args[0]}, 8080 by default. */
  public static void main(String[] args) throws IOException {
    CourseFormHost host = start(args.length > 0 ? Integer.parseInt(args[0]) : 8080);
    Runtime.getRuntime().addShutdownHook(new Thread(host::close));
    System.out.println("ECT course form on http://127.0.0.1:" + host.port() + "/");
  }
}
