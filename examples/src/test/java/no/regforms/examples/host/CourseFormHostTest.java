package no.regforms.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.examples.render.EctCourse;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.render.Browser;
import no.regforms.render.FormPage;
import no.regforms.testing.SampleRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The example host over real HTTP, and its form in headless Chromium posting to it. */
class CourseFormHostTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static CourseFormHost host;

  @BeforeAll
  static void start() throws IOException {
    host = CourseFormHost.start(0);
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + host.port() + path;
  }

  private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(CourseFormHost.RECORDS)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(30))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String sample(String file, int index) {
    return SampleRecords.lines("ect", file).get(index);
  }

  @Test
  void post_validRecord_answers200WithNoIssues() throws Exception {
    HttpResponse<String> response = post(sample("valid", 0));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("issues")).isEmpty();
  }

  @Test
  void post_recordWithAnError_answers400WithTheIssuesJsonForm() throws Exception {
    HttpResponse<String> response = post(sample("invalid", 0));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode issue = JSON.readTree(response.body()).get("issues").get(0);
    assertThat(issue.get("code").asText()).isEqualTo("out_of_range");
    assertThat(issue.get("severity").asText()).isEqualTo("error");
    assertThat(issue.get("path").asText()).isNotEmpty();
    assertThat(issue.get("message").asText()).isNotEmpty();
  }

  @Test
  void post_bodyThatIsNotJson_answers400SpeakingOfTheRecord() throws Exception {
    HttpResponse<String> response = post("not json");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode issue = JSON.readTree(response.body()).get("issues").get(0);
    assertThat(issue.get("code").asText()).isEqualTo("record_syntax");
    assertThat(issue.get("message").asText()).startsWith("Posten er ikke gyldig JSON");
  }

  @Test
  void post_bodyOverOneMegabyte_answers413() throws Exception {
    assertThat(post("x".repeat((1 << 20) + 1)).statusCode()).isEqualTo(413);
  }

  /**
   * The page checks what the server checks, so a bad record reaches the server only from a page
   * that differs from it (one rendered before the definition changed, or altered on the way). The
   * test plays such a page: it fills in the form validly and changes the body the page posts,
   * setting the birth year out of range; the server's 400 answer then shows beside that field.
   */
  @Test
  void browser_pagePostsABadRecord_showsTheServersIssuesBesideTheFields()
      throws InterruptedException {
    Registry ect = DefinitionLoader.create().loadModule("ect").registryOrThrow();
    try (Browser browser = Browser.start()) {
      FormPage page = FormPage.openUrl(browser, ect, url("/"), "nb");
      EctCourse.fillInAsAPersonWould(page);
      assertThat(page.messages("rf-birth_year-item")).isEmpty();
      page.script(
          "var send = window.fetch; window.fetch = function (url, options) {"
              + " options.body = options.body.replace('\"birth_year\":1970', '\"birth_year\":1700');"
              + " return send(url, options); };");

      assertThat(page.submit()).isTrue();

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (page.messages("rf-birth_year-item").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50); // the answer arrives asynchronously (fetch)
      }
      assertThat(page.messages("rf-birth_year-item"))
          .containsExactly(MessageCatalogue.of("nb").text("record.outOfRange", "1900", "2100"));
      assertThat(page.element("rf-form-course").findElement(By.className("rf-status")).getText())
          .isEqualTo("Posten ble ikke tatt imot. Se meldingene ved feltene.");
      browser.screenshot("host-course-rejected");

      page.type("rf-birth_year", "1971");
      assertThat(page.messages("rf-birth_year-item"))
          .as("a server issue goes when its field changes")
          .isEmpty();
    }
  }
}
