package no.regforms.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview server over HTTP, on one unchanging copy of the test registry: its pages, the record
 * endpoint, and what it refuses. Edits and reloads: {@link PreviewReloadTest}.
 */
class PreviewServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "OUTSIDE-THE-FOLDER";

  @TempDir static Path temp;

  private static PreviewFixture preview;

  @BeforeAll
  static void start() throws IOException {
    preview = PreviewFixture.start(temp, Optional.of(PreviewFixture.visits()));
    // A file outside the folder, and links from inside to it (in a folder the loader does not
    // read).
    Files.writeString(temp.resolve("outside.json"), "{\"secret\": \"" + SECRET + "\"}");
    Files.createDirectories(preview.folder.resolve("docs"));
    Files.createSymbolicLink(
        preview.folder.resolve("docs/link.json"), temp.resolve("outside.json"));
    Files.createSymbolicLink(preview.folder.resolve("out"), temp);
  }

  @AfterAll
  static void stop() {
    preview.close();
  }

  @Test
  void index_listsFormsPerLanguageIndicatorsCodebookAndFiles() throws IOException {
    String index = preview.get("/").body();
    assertThat(index)
        .contains("Testregister for skjema")
        .contains("href=\"/form/visit/nb\"")
        .contains("href=\"/form/visit/en\"")
        .contains("Andel dagligrøykere")
        .contains("<code>daily_smokers</code>")
        .contains("href=\"/indicators/nb\"")
        .contains("href=\"/indicators/en\"")
        .contains("href=\"/codebook\"")
        .contains("href=\"/source/forms/visit.json\"")
        .contains("href=\"/source/organisations.json\"");
  }

  @Test
  void form_eachLanguage_isTheRenderersPagePostingToThePreview() throws IOException {
    HttpResponse<String> nb = preview.get("/form/visit/nb");
    HttpResponse<String> en = preview.get("/form/visit/en");
    assertThat(nb.statusCode()).isEqualTo(200);
    assertThat(nb.body())
        .contains("<html lang=\"nb\"")
        .contains("Dato for konsultasjon")
        .contains("RegformsForm.boot(")
        .contains("\"submitUrl\":\"/records?lang=nb\"")
        .containsPattern("data-generation=\"\\d+\"");
    assertThat(en.body())
        .contains("<html lang=\"en\"")
        .contains("Date of visit")
        .contains("\"submitUrl\":\"/records?lang=en\"");
    assertThat(nb.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'none'").contains("connect-src 'self'"));
    assertThat(preview.get("/form/visit/de").statusCode()).isEqualTo(404);
    assertThat(preview.get("/form/nope/nb").statusCode()).isEqualTo(404);
  }

  @Test
  void codebook_isTheCodebookExport() throws IOException {
    HttpResponse<String> codebook = preview.get("/codebook");
    assertThat(codebook.statusCode()).isEqualTo(200);
    assertThat(codebook.body())
        .contains("visit_date")
        .contains("Daglig")
        .contains("data-generation");
  }

  @Test
  void indicators_withData_reportsTheRecordsOfTheLatestYearWithCases() throws IOException {
    String report = preview.get("/indicators/nb").body();
    // 12 visits in 2024, 4 of them by daily smokers.
    assertThat(report)
        .contains("Andel dagligrøykere")
        .contains("Kvalitetsindikatorer 2024")
        .contains("(4 av 12)");
    assertThat(preview.get("/indicators/en?year=2023&level=unit").body())
        .contains("2023")
        .contains("(4 of 12)");
    assertThat(preview.get("/indicators/nb?year=soon").statusCode()).isEqualTo(400);
    assertThat(preview.get("/indicators/de").statusCode()).isEqualTo(404);
  }

  @Test
  void record_withErrors_is400WithTheValidatorsIssues() throws IOException {
    HttpResponse<String> reply =
        preview.post(
            "/records?lang=en",
            "{\"registry\":\"clinic\",\"form\":\"visit\",\"values\":{\"visit_date\":\"2024-01-05\",\"smoking\":\"never\","
                + "\"has_symptoms\":false,\"weight\":1000}}");
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode issues = JSON.readTree(reply.body()).get("issues");
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).get("path").asText()).isEqualTo("weight");
    assertThat(issues.get(0).get("code").asText()).isEqualTo("out_of_range");
    assertThat(issues.get(0).get("severity").asText()).isEqualTo("error");
    assertThat(issues.get(0).get("message").asText())
        .isEqualTo("The value must be between 1 and 400");
  }

  @Test
  void record_valid_is200WithItsWarnings() throws IOException {
    HttpResponse<String> reply =
        preview.post(
            "/records?lang=nb",
            "{\"registry\":\"clinic\",\"form\":\"visit\",\"values\":{\"visit_date\":\"2024-01-05\",\"smoking\":\"never\","
                + "\"has_symptoms\":false,\"weight\":250}}");
    assertThat(reply.statusCode()).isEqualTo(200);
    JsonNode issues = JSON.readTree(reply.body()).get("issues");
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).get("code").asText()).isEqualTo("implausible");
    assertThat(issues.get(0).get("severity").asText()).isEqualTo("warning");
  }

  @Test
  void record_notJson_is400WithoutEchoingIt() throws IOException {
    HttpResponse<String> reply = preview.post("/records?lang=en", "{\"form\": Kari Nordmann");
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(reply.body()).get("issues").get(0).get("code").asText())
        .isEqualTo("record_syntax");
    assertThat(reply.body()).doesNotContain("Kari");
    assertThat(preview.get("/records").statusCode()).isEqualTo(405);
  }

  @Test
  void record_values_areNeverLoggedOrPrinted() throws IOException {
    var err = System.err;
    var out = System.out;
    var captured = new java.io.ByteArrayOutputStream();
    var capture = new java.io.PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      preview.post(
          "/records?lang=en",
          "{\"registry\":\"clinic\",\"form\":\"visit\",\"patient\":\"12345678901\","
              + "\"values\":{\"referral_id\":\"Kari Nordmann\",\"comment\":\"Kari Nordmann\",\"weight\":\"Kari\"}}");
      preview.post("/records?lang=en", "{\"form\": \"Kari Nordmann");
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .doesNotContain("Kari")
        .doesNotContain("12345678901");
    assertThat(String.join("\n", preview.console))
        .doesNotContain("Kari")
        .doesNotContain("12345678901");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/source/../outside.json",
        "/source/forms/../../outside.json",
        "/source/%2e%2e/outside.json",
        "/source/%2E%2E/outside.json",
        "/source/..%2Foutside.json",
        "/source/forms%2F..%2F..%2Foutside.json",
        "/source/..%5Coutside.json",
        "/source/..\\outside.json",
        "/source/%252e%252e/outside.json",
        "/source//outside.json",
        "/source/" + "%2F" + "outside.json",
        "/source/registry.json/../../outside.json",
        "/source/./../outside.json",
        "/source/docs/link.json",
        "/source/out/outside.json",
        "/../outside.json",
        "/source/forms/visit.json%00.json",
      })
  void source_pathOutsideTheFolder_isRefused(String target) throws IOException {
    String answer = preview.raw("GET " + target + " HTTP/1.1", new byte[0]);
    assertThat(PreviewFixture.status(answer)).as(answer).isIn(400, 404);
    assertThat(answer).doesNotContain(SECRET);
  }

  @Test
  void source_fileInsideTheFolder_isShownWithNumberedLines() throws IOException {
    String page = preview.get("/source/forms/visit.json").body();
    assertThat(page)
        .contains("<span id=\"L12\" data-n=\"12\">")
        .contains("&lt;script&gt;window.rfLabelRan = true&lt;/script&gt;")
        .doesNotContain("<script>window.rfLabelRan");
  }

  @Test
  void request_overLimits_isRefused() throws IOException {
    String record = "{\"registry\":\"clinic\",\"form\":\"visit\",\"values\":{}}";
    byte[] tooLarge = new byte[PreviewHandler.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(tooLarge, (byte) ' ');
    String declaredTooLarge =
        preview.raw(
            "POST /records HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + tooLarge.length,
            tooLarge);
    assertThat(PreviewFixture.status(declaredTooLarge)).isEqualTo(413);
    assertThat(declaredTooLarge).contains("{\"issues\":[{\"path\":\"\",\"code\":\"record_syntax\"");

    java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 2; i++) {
      chunked.write(
          (Integer.toHexString(tooLarge.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(tooLarge);
      chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String streamedTooLarge =
        preview.raw(
            "POST /records HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked",
            chunked.toByteArray());
    assertThat(PreviewFixture.status(streamedTooLarge)).isEqualTo(413);

    String longTarget =
        preview.raw(
            "GET /source/" + "a".repeat(PreviewHandler.MAX_TARGET_CHARS) + ".json HTTP/1.1",
            new byte[0]);
    assertThat(PreviewFixture.status(longTarget)).isEqualTo(414);

    StringBuilder headers = new StringBuilder("GET / HTTP/1.1");
    for (int i = 0; i < 2_000; i++)
      headers.append("\r\nX-Filler-").append(i).append(": ").append("a".repeat(1_000));
    assertThat(PreviewFixture.status(preview.raw(headers.toString(), new byte[0])))
        .isNotEqualTo(200);

    assertThat(preview.post("/records", record).statusCode())
        .as("a record within the limit")
        .isEqualTo(400);
  }

  @Test
  void request_forAnotherHost_isRefused() throws IOException {
    String answer =
        preview.raw(
            "GET / HTTP/1.1\r\nHost: attacker.example:" + preview.server.port(), new byte[0]);
    assertThat(PreviewFixture.status(answer)).isEqualTo(403);
    assertThat(
            PreviewFixture.status(
                preview.raw(
                    "GET / HTTP/1.1\r\nHost: localhost:" + preview.server.port(), new byte[0])))
        .isEqualTo(200);
  }
}
