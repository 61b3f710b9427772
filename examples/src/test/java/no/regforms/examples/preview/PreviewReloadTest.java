package no.regforms.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview following its folder: every edit reloads, a broken edit is located, the last good
 * version stays.
 */
class PreviewReloadTest {

  /** The opening tag of the error list (its class name also occurs in the page's style sheet). */
  static final String ERRORS = "<section class=\"rfp-errors\"";

  @TempDir Path temp;

  private PreviewFixture preview;

  @BeforeEach
  void start() throws IOException {
    preview = PreviewFixture.start(temp, Optional.empty());
  }

  @AfterEach
  void stop() {
    preview.close();
  }

  @Test
  void edit_brokenThenFixed_showsLocatedErrorsOverTheLastGoodVersion() throws IOException {
    preview.edit("forms/visit.json", "\"Date of visit\"}", "\"Date of the visit\"}");
    preview.await("/form/visit/en", page -> page.contains("Date of the visit"));

    preview.edit("forms/visit.json", "\"missing\": [\"unknown\"],", "\"missing\": [\"unknown\"]");
    String broken = preview.await("/form/visit/en", page -> page.contains(ERRORS));
    assertThat(broken)
        .contains("forms/visit.json:12:105</a>")
        .contains("a comma is missing after this value")
        .contains("<span class=\"rfp-ln\">12 | </span>")
        .contains("&#34;missing&#34;: [&#34;unknown&#34;]<mark class=\"rfp-end\">")
        .contains("Date of the visit")
        .contains("RegformsForm.boot(");
    assertThat(preview.get("/").body()).contains("forms/visit.json:12:105");
    assertThat(preview.post("/records", "{\"form\":\"visit\",\"values\":{}}").statusCode())
        .as("the last good version still validates")
        .isEqualTo(400);

    preview.edit("forms/visit.json", "\"missing\": [\"unknown\"]", "\"missing\": [\"unknown\"],");
    preview.edit(
        "forms/visit.json",
        "\"visibleIf\": \"smoking = 'daily'\"",
        "\"visibleIf\": \"smoknig = 'daily'\"");
    String badExpression = preview.await("/form/visit/en", page -> page.contains("smoknig"));
    assertThat(badExpression)
        .contains("forms/visit.json:18:")
        .contains("unknown variable")
        .contains("<mark>smoknig</mark>");

    preview.edit(
        "forms/visit.json",
        "\"visibleIf\": \"smoknig = 'daily'\"",
        "\"visibleIf\": \"smoking = 'daily'\"");
    String fixed = preview.await("/form/visit/en", page -> !page.contains(ERRORS));
    assertThat(fixed).contains("Date of the visit");
    assertThat(preview.console)
        .anyMatch(line -> line.startsWith("forms/visit.json:12:105: error:"));
  }

  @Test
  void events_announceEachReload() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", preview.server.port())) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              ("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + preview.server.port() + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(dataLine(in)).isEqualTo("data: 1");
      preview.edit("forms/visit.json", "\"Date of visit\"}", "\"Date of the visit\"}");
      assertThat(dataLine(in)).isEqualTo("data: 2");
    }
  }

  @Test
  void start_brokenFolder_showsItsErrorsUntilItLoads() throws IOException {
    preview.close();
    Path folder = temp.resolve("second");
    Files.createDirectories(folder);
    Path broken = PreviewFixture.copyRegistry(folder);
    PreviewFixture.edit(broken, "registry.json", "\"version\": \"2025.1\",", "\"version\": 2025,");
    preview = PreviewFixture.serve(broken, Optional.empty());

    String index = preview.get("/").body();
    assertThat(index)
        .contains(ERRORS)
        .contains("registry.json:4:")
        .contains("No version has loaded yet");
    assertThat(preview.get("/form/visit/nb").statusCode()).isEqualTo(503);
    assertThat(preview.post("/records", "{\"form\":\"visit\",\"values\":{}}").statusCode())
        .isEqualTo(503);

    preview.edit("registry.json", "\"version\": 2025,", "\"version\": \"2025.1\",");
    preview.await(
        "/form/visit/nb", page -> page.contains("Dato for konsultasjon") && !page.contains(ERRORS));
  }

  @Test
  void indicators_withoutData_sayHowToGetThem() {
    var report = preview.get("/indicators/nb");
    assertThat(report.statusCode()).isEqualTo(404);
    assertThat(report.body()).contains("--data");
  }

  private static String dataLine(BufferedReader in) throws IOException {
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      seen.add(line);
      if (line.startsWith("data: ")) return line;
    }
    throw new AssertionError("stream ended after " + seen);
  }
}
