package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regforms preview}: a folder only, usage errors as exit code 2, and a server that runs
 * until stopped.
 */
class PreviewCommandTest {

  @TempDir Path temp;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
  }

  private static Path clinic() throws URISyntaxException {
    return Path.of(PreviewCommandTest.class.getClassLoader().getResource("preview/clinic").toURI());
  }

  @Test
  void preview_moduleId_isRefusedForItIsNoFolder() {
    assertThat(run("preview", "ect", "--port", "0")).isEqualTo(2);
    assertThat(stderr.toString()).contains("'ect' is not a folder").contains("not the module id");
  }

  @Test
  void preview_unreadableData_exitsTwo() throws URISyntaxException {
    assertThat(
            run(
                "preview",
                clinic().toString(),
                "--data",
                temp.resolve("none.jsonl").toString(),
                "--port",
                "0"))
        .isEqualTo(2);
    assertThat(stderr.toString()).contains("cannot read").contains("none.jsonl");
  }

  @Test
  void preview_portInUse_saysSoAndExitsTwo() throws IOException, URISyntaxException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(
              run("preview", clinic().toString(), "--port", String.valueOf(taken.getLocalPort())))
          .isEqualTo(2);
      assertThat(stderr.toString()).contains("port " + taken.getLocalPort() + " is in use");
    }
  }

  @Test
  void preview_folder_servesUntilInterrupted() throws Exception {
    Path folder = temp.resolve("clinic");
    try (var files = Files.walk(clinic())) {
      for (Path source : files.toList()) {
        Path target = folder.resolve(clinic().relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target);
      }
    }
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread runner =
        new Thread(() -> exit.complete(run("preview", folder.toString(), "--port", "0")));
    runner.start();
    Matcher url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ").matcher("");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!url.reset(stdout.toString()).find() && System.nanoTime() < end && !exit.isDone()) {
      Thread.sleep(50);
    }
    assertThat(url.find(0)).as("printed its address: %s %s", stdout, stderr).isTrue();
    HttpResponse<String> index =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.group(1)))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(index.body()).contains("Testregister for skjema");
    assertThat(stdout.toString()).contains("clinic: loaded");
    runner.interrupt();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }
}
