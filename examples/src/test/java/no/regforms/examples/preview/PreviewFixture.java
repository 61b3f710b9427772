package no.regforms.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A preview of a copy of the test registry ({@code src/test/resources/preview/clinic}) in a
 * temporary folder, served on a free port, with the means to edit its files and to send requests,
 * including raw ones no well-behaved client would send.
 */
final class PreviewFixture implements AutoCloseable {

  /**
   * The records of {@code src/test/resources/preview/visits.jsonl}: 24 visits, 2 units, 2023 and
   * 2024.
   */
  static Path visits() {
    return resource("preview/visits.jsonl");
  }

  final Path folder;
  final PreviewServer server;
  final List<String> console = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PreviewFixture(Path folder, Optional<Path> data) throws IOException {
    this.folder = folder;
    this.server = PreviewServer.start(folder, data, 0, console::add);
  }

  /** Copies the test registry into {@code temp}/clinic and previews it. */
  static PreviewFixture start(Path temp, Optional<Path> data) throws IOException {
    return serve(copyRegistry(temp), data);
  }

  /** Copies the test registry into {@code temp}/clinic, and returns that folder. */
  static Path copyRegistry(Path temp) throws IOException {
    Path folder = temp.resolve("clinic");
    copy(resource("preview/clinic"), folder);
    return folder;
  }

  /** Previews {@code folder}. */
  static PreviewFixture serve(Path folder, Optional<Path> data) throws IOException {
    return new PreviewFixture(folder, data);
  }

  private static Path resource(String name) {
    try {
      return Path.of(PreviewFixture.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** The address of {@code path} on the server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** {@code GET path}. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  /** {@code POST path} with {@code json}. */
  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code head} (request line and headers, without the blank line that ends them; Host is
   * added) and then {@code body} exactly as given, and returns what the server answered until it
   * closed the connection or went quiet; empty if it reset the connection.
   */
  String raw(String head, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      String host = head.contains("\r\nHost:") ? "" : "\r\nHost: 127.0.0.1:" + server.port();
      byte[] request =
          (head + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      // Written beside the reading: the server may answer, and stop reading, before the body is
      // through.
      CompletableFuture<Void> writing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  out.write(request);
                  out.write(body);
                  out.flush();
                } catch (IOException e) {
                  // refused before the end: what the server answered is read below
                }
              });
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      writing.join();
      return answer;
    } catch (IOException e) {
      return "";
    }
  }

  /** The status code of a raw answer, or 0 when there was none. */
  static int status(String answer) {
    String[] words = answer.split(" ", 3);
    return answer.startsWith("HTTP/1.1 ") && words.length > 1 ? Integer.parseInt(words[1]) : 0;
  }

  /** Replaces {@code from} with {@code to} in the folder's {@code file}. */
  void edit(String file, String from, String to) throws IOException {
    edit(folder, file, from, to);
  }

  /** Replaces {@code from} with {@code to} in {@code file} of {@code folder}. */
  static void edit(Path folder, String file, String from, String to) throws IOException {
    Path path = folder.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as("text to replace in %s", file).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  /** Waits until {@code path} answers a body that satisfies {@code condition}, and returns it. */
  String await(String path, Predicate<String> condition) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body = "";
    while (System.nanoTime() < end) {
      body = get(path).body();
      if (condition.test(body)) return body;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(
        "no answer from " + path + " met the condition in 20 s; the last was:\n" + body);
  }

  @Override
  public void close() {
    server.close();
  }
}
