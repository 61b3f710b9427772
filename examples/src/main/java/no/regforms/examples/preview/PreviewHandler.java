package no.regforms.examples.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.indicator.GroupLevel;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.Decision;
import no.regforms.validation.RecordValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the preview's requests:
 *
 * <ul>
 *   <li>{@code GET /}: the index; {@code GET /form/<form>/<lang>}: a form; {@code GET /codebook};
 *       {@code GET /indicators/<lang>[?year=<y>&level=unit|hf|rhf]}: the report for the data file;
 *       {@code GET /source/<file>}: a definition file with numbered lines;
 *   <li>{@code GET /events}: Server-Sent Events announcing each reload;
 *   <li>{@code POST /records?lang=<lang>}: validates a record; 200 with its issues when it has no
 *       errors, 400 with them when it has, both as {@code
 *       {"issues":[{"path","code","severity","message"}]}};
 *   <li>{@code POST /explain?lang=<lang>}: why the record's items are hidden, its values computed
 *       and its rules failed, as {@code {"decisions":[...]}}.
 * </ul>
 *
 * <p>Refused: a request target longer than {@value #MAX_TARGET_CHARS} characters (414), a body over
 * {@value #MAX_BODY_BYTES} bytes (413), a {@code Host} other than 127.0.0.1 or localhost at the
 * served port (403; a page elsewhere cannot reach the preview by rebinding its own name), any file
 * but a definition file inside the folder (404), and other methods (405).
 */
final class PreviewHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(PreviewHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest request target (path and query) answered. */
  static final int MAX_TARGET_CHARS = 2048;

  /** The largest request body read: far above any record a form makes. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** The most of a body too large that is read (and dropped) before answering. */
  static final long MAX_DISCARDED_BYTES = 16L << 20;

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
          + "img-src data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private final LiveRegistry live;
  private final PreviewPages pages;
  private final EventStream events;
  private final Optional<IndicatorReports> reports;
  private final Set<String> hosts;

  PreviewHandler(
      LiveRegistry live,
      PreviewPages pages,
      EventStream events,
      Optional<IndicatorReports> reports,
      int port) {
    this.live = live;
    this.pages = pages;
    this.events = events;
    this.reports = reports;
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
  }

  /** A reply: status, media type and body. */
  private record Reply(int status, String type, byte[] body) {
    static Reply html(int status, String html) {
      return new Reply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply json(int status, String json) {
      return new Reply(
          status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply text(int status, String text) {
      return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    try {
      Optional<Reply> reply = answer(exchange);
      if (reply.isPresent()) {
        send(exchange, reply.get());
      }
    } catch (IOException e) {
      log.debug("request for {} ended early: {}", path, e.toString());
      exchange.close();
    } catch (RuntimeException e) {
      // A bug, not bad input: answer 500 rather than drop the connection, and log where. An
      // exception
      // met while validating a record may quote its values, so there only its type and place are
      // logged.
      if (path.equals(PreviewPages.RECORDS_PATH) || path.equals(PreviewPages.EXPLAIN_PATH)) {
        StackTraceElement[] trace = e.getStackTrace();
        log.error(
            "preview failed validating a record: {} at {}",
            e.getClass().getName(),
            trace.length > 0 ? trace[0] : "?");
      } else {
        log.error("preview failed answering {} {}", exchange.getRequestMethod(), path, e);
      }
      send(exchange, Reply.text(500, "the preview failed; see its log"));
    }
  }

  /** The reply, or empty when the exchange was taken over (an event stream). */
  private Optional<Reply> answer(HttpExchange exchange) throws IOException {
    String target =
        exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + exchange.getRequestURI().getRawQuery());
    if (target.length() > MAX_TARGET_CHARS) {
      return Optional.of(
          Reply.text(414, "the request target is longer than " + MAX_TARGET_CHARS + " characters"));
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return Optional.of(
          Reply.text(403, "the preview answers only requests to " + String.join(" or ", hosts)));
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath(); // percent-decoded, once
    Version version = live.current();
    if (path.equals(PreviewPages.RECORDS_PATH)) {
      return Optional.of(
          method.equals("POST") ? record(exchange, version) : notAllowed(exchange, "POST"));
    }
    if (path.equals(PreviewPages.EXPLAIN_PATH)) {
      return Optional.of(
          method.equals("POST") ? explain(exchange, version) : notAllowed(exchange, "POST"));
    }
    if (!method.equals("GET")) {
      return Optional.of(notAllowed(exchange, "GET"));
    }
    if (path.equals("/events")) {
      events.open(exchange, () -> live.current().generation());
      return Optional.empty();
    }
    if (path.equals("/")) {
      return Optional.of(Reply.html(200, pages.index(version)));
    }
    if (path.equals("/codebook")) {
      return Optional.of(
          pages
              .codebook(version)
              .map(page -> Reply.html(200, page))
              .orElseGet(() -> notLoaded(version)));
    }
    List<String> segments = List.of(path.substring(1).split("/", -1));
    if (segments.size() == 3 && segments.get(0).equals("form")) {
      return Optional.of(
          pages
              .form(version, segments.get(1), segments.get(2))
              .map(page -> Reply.html(200, page))
              .orElseGet(
                  () ->
                      version.registry().isEmpty()
                          ? notLoaded(version)
                          : notFound(
                              version,
                              "The registry has no form '"
                                  + segments.get(1)
                                  + "' in language '"
                                  + segments.get(2)
                                  + "'.")));
    }
    if (segments.size() == 2 && segments.get(0).equals("indicators")) {
      return Optional.of(report(exchange, version, segments.get(1)));
    }
    if (segments.size() >= 2 && segments.get(0).equals("source")) {
      return Optional.of(source(version, path.substring("/source/".length())));
    }
    return Optional.of(notFound(version, "There is no page at this address."));
  }

  private Reply report(HttpExchange exchange, Version version, String lang) throws IOException {
    if (reports.isEmpty()) {
      return notFound(
          version, "Start the preview with --data <records.jsonl> to see the indicator report.");
    }
    if (version.registry().isEmpty()) {
      return notLoaded(version);
    }
    Registry registry = version.registry().get();
    if (!IndicatorReports.LANGUAGES.contains(lang) || !registry.languages().contains(lang)) {
      return notFound(version, "The report is not available in language '" + lang + "'.");
    }
    Map<String, String> query = query(exchange);
    OptionalInt year = OptionalInt.empty();
    if (query.containsKey("year")) {
      if (!query.get("year").matches("(19|20)\\d\\d")) {
        return Reply.html(
            400, pages.message(version, "Bad request", "year must be a year such as 2024."));
      }
      year = OptionalInt.of(Integer.parseInt(query.get("year")));
    }
    GroupLevel level = GroupLevel.HF;
    if (query.containsKey("level")) {
      if (!Set.of("unit", "hf", "rhf").contains(query.get("level"))) {
        return Reply.html(
            400, pages.message(version, "Bad request", "level must be unit, hf or rhf."));
      }
      level = GroupLevel.fromKey(query.get("level"));
    }
    String report = reports.get().render(version, registry, lang, year, level);
    return Reply.html(200, pages.report(version, report));
  }

  private Reply source(Version version, String file) throws IOException {
    Optional<Path> path = DefinitionFiles.resolve(live.folder(), file);
    if (path.isEmpty()) {
      return notFound(
          version, "There is no definition file '" + file + "' in the registry folder.");
    }
    if (Files.size(path.get()) > DefinitionFiles.MAX_SHOWN_BYTES) {
      return notFound(version, "The file is too large to show.");
    }
    return Reply.html(
        200, pages.source(version, file, Files.readString(path.get(), StandardCharsets.UTF_8)));
  }

  /** Validates the posted record; its values are read, never logged or kept. */
  private Reply record(HttpExchange exchange, Version version) throws IOException {
    Optional<byte[]> body = body(exchange);
    if (body.isEmpty()) {
      return issues(
          413,
          Diagnostics.of(
              List.of(
                  Issue.error(
                      IssueCode.RECORD_SYNTAX,
                      "the record is larger than " + MAX_BODY_BYTES + " bytes",
                      new RecordPath("", 0)))),
          "en");
    }
    if (version.validator().isEmpty()) {
      return issues(
          503,
          Diagnostics.of(
              List.of(
                  Issue.error(
                      IssueCode.INVALID_VALUE,
                      "the registry has not loaded yet; fix the definition's errors first",
                      new RecordPath("", 0)))),
          "en");
    }
    Registry registry = version.registry().orElseThrow();
    String lang = query(exchange).getOrDefault("lang", "");
    if (!registry.languages().contains(lang)) {
      lang = registry.languages().isEmpty() ? "nb" : registry.languages().get(0);
    }
    RecordLine line = RecordParser.parse(new String(body.get(), StandardCharsets.UTF_8), 0);
    if (line.problem().isPresent()) {
      return issues(400, Diagnostics.of(List.of(line.problem().get())), lang);
    }
    RecordValidator validator = version.validator().get();
    Diagnostics diagnostics = validator.validate(line.record().orElseThrow()).diagnostics();
    log.info(
        "validated a record of form {}: {} errors, {} warnings",
        line.record().get().form().matches("[a-z0-9_]{1,64}")
            ? line.record().get().form()
            : "(unknown)",
        diagnostics.errors().size(),
        diagnostics.warnings().size());
    return issues(diagnostics.hasErrors() ? 400 : 200, diagnostics, lang);
  }

  /**
   * Explains the posted record: its hidden items, computed values and failed rules, each with the
   * expression's parts and values ({@code {"decisions": [...]}}, {@link Decision#toJson()}). The
   * values go back to the page that sent them and are never logged.
   */
  private Reply explain(HttpExchange exchange, Version version) throws IOException {
    Optional<byte[]> body = body(exchange);
    if (body.isEmpty()) {
      return Reply.text(413, "the record is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (version.validator().isEmpty()) {
      return Reply.text(503, "the registry has not loaded yet; fix the definition's errors first");
    }
    RecordLine line = RecordParser.parse(new String(body.get(), StandardCharsets.UTF_8), 0);
    if (line.problem().isPresent()) {
      return issues(400, Diagnostics.of(List.of(line.problem().get())), "en");
    }
    ObjectNode reply = JSON.createObjectNode();
    ArrayNode list = reply.putArray("decisions");
    version
        .validator()
        .get()
        .explain(line.record().orElseThrow())
        .forEach(decision -> list.add(decision.toJson()));
    return Reply.json(200, reply.toString());
  }

  private static Reply issues(int status, Diagnostics diagnostics, String lang) {
    ObjectNode reply = JSON.createObjectNode();
    ArrayNode list = reply.putArray("issues");
    for (Issue issue : diagnostics.issues()) {
      ObjectNode item = list.addObject();
      item.put("path", issue.location() instanceof RecordPath path ? path.path() : "");
      item.put("code", issue.code().code());
      item.put("severity", issue.severity().label());
      item.put("message", issue.text(lang));
    }
    return Reply.json(status, reply.toString());
  }

  private Reply notFound(Version version, String message) {
    return Reply.html(404, pages.message(version, "Not found", message));
  }

  private Reply notLoaded(Version version) {
    return Reply.html(
        503,
        pages.message(
            version,
            "Not loaded yet",
            "No version of the registry has loaded yet; fix the errors above and the page reloads."));
  }

  private static Reply notAllowed(HttpExchange exchange, String allowed) {
    exchange.getResponseHeaders().set("Allow", allowed);
    return Reply.text(405, "use " + allowed);
  }

  /**
   * The request body, or empty when it is larger than {@value #MAX_BODY_BYTES} bytes. The rest of a
   * body too large is read and dropped, up to {@value #MAX_DISCARDED_BYTES} bytes, so that a client
   * still sending gets the answer over a connection closed in order; a body declared larger than
   * that is not read at all.
   */
  private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    long declared = length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : -1;
    if (declared > MAX_BODY_BYTES) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    try (InputStream in = exchange.getRequestBody()) {
      if (declared > MAX_DISCARDED_BYTES) {
        return Optional.empty();
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length <= MAX_BODY_BYTES) {
        return Optional.of(body);
      }
      exchange.getResponseHeaders().set("Connection", "close");
      byte[] drop = new byte[64 * 1024];
      long dropped = 0;
      int read;
      while (dropped < MAX_DISCARDED_BYTES && (read = in.read(drop)) >= 0) {
        dropped += read;
      }
      return Optional.empty();
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> out = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) return out;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", reply.type());
      headers.set("Cache-Control", "no-store");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      if (reply.type().startsWith("text/html")) {
        headers.set("Content-Security-Policy", CSP);
      }
      exchange.sendResponseHeaders(
          reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
