package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.regforms.definition.Registry;
import no.regforms.render.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The exported Questionnaires in a real FHIR form filler: LHC-Forms (npm {@code lforms}, unpacked
 * under {@code target/lforms} by the build) in headless Chromium. One page is loaded once; each
 * test renders a Questionnaire into it and answers items as a patient would.
 */
class LhcFormsBrowserTest {

  private static final Path LFORMS = Path.of("target", "lforms", "package", "dist", "lforms");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Browser browser;

  @BeforeAll
  static void openFiller() throws IOException {
    assertThat(LFORMS.resolve("webcomponent/lhc-forms.js"))
        .as("LHC-Forms, unpacked by the build (mvn generate-test-resources)")
        .isRegularFile();
    String dist = LFORMS.toAbsolutePath().toUri().toString().replaceAll("/$", "");
    // lhc-forms.js attaches to <body>, so the scripts come after it.
    String html =
        """
        <!DOCTYPE html>
        <html lang="nb"><head><meta charset="utf-8"><title>LHC-Forms</title>
        <link rel="stylesheet" href="%1$s/webcomponent/styles.css"></head>
        <body><div id="form"></div>
        <script src="%1$s/webcomponent/assets/lib/zone.min.js"></script>
        <script src="%1$s/webcomponent/lhc-forms.js"></script>
        <script src="%1$s/fhir/R4/lformsFHIR.min.js"></script>
        </body></html>
        """
            .formatted(dist);
    Path page = Path.of("target", "lforms", "filler.html");
    Files.writeString(page, html);
    browser = Browser.start();
    browser.open(page);
  }

  @AfterAll
  static void closeFiller() {
    if (browser != null) browser.close();
  }

  @BeforeEach
  void clearLog() {
    browser.driver().manage().logs().get(LogType.BROWSER);
  }

  static Stream<Arguments> questionnaires() {
    List<Arguments> all = new ArrayList<>();
    for (String id : Registries.real()) {
      Registry registry = Registries.load(id);
      for (ExportFile file :
          MetadataExporter.create().export(registry, ExportFormat.FHIR).files()) {
        all.add(Arguments.of(id, file.name(), file.content()));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("questionnaires")
  void questionnaire_inLhcForms_rendersEveryUnconditionalQuestion(
      String registry, String file, String json) throws IOException {
    render(json);

    List<String> expected = new ArrayList<>();
    unconditionalQuestions(JSON.readTree(json).path("item"), expected);
    assertThat(expected).isNotEmpty();
    for (String linkId : expected) {
      assertThat(shown(linkId)).as("item %s of %s", linkId, file).isTrue();
    }
    assertThat(severeLog()).as("browser errors while rendering %s", file).isEmpty();
  }

  @Test
  void enableWhen_answeringTheCondition_showsAndHidesTheItem() {
    render(questionnaire("kvarus", "basis_patient"));
    assertThat(shown("use_days_30d")).isFalse();

    click("any_use_30d/1/1|true");
    assertThat(shown("use_days_30d")).isTrue();

    click("any_use_30d/1/1|false");
    assertThat(shown("use_days_30d")).isFalse();
  }

  @Test
  void calculatedExpression_answeringTheScale_computesTheScores() {
    render(questionnaire("ms", "msis29"));
    assertThat(value("msis29_physical")).isEmpty();

    for (int i = 1; i <= 29; i++) {
      String item = "msis29_%02d".formatted(i);
      // Items 1-20 answered "3" (sum 60), items 21-29 "2" (sum 18): the scores' ordinalValues.
      click(item + "/1/1|urn:regforms:codelist:ms:msis29_extent|" + (i <= 20 ? 3 : 2));
    }

    // (60 - 20) / 80 * 100 and (18 - 9) / 36 * 100, as the validator computes them.
    assertThat(Double.parseDouble(value("msis29_physical"))).isEqualTo(50.0);
    assertThat(Double.parseDouble(value("msis29_psychological"))).isEqualTo(25.0);
  }

  @Test
  void regex_answerWithExtraCharactersAroundAValidId_isRejected() {
    render(questionnaire("kvarus", "basis_patient"));

    type("episode_id", "!!abcd!!");
    assertThat(rejected("episode_id", true))
        .as("pattern [A-Za-z0-9-]{4,36} must match the whole answer")
        .isTrue();

    type("episode_id", "abcd");
    assertThat(rejected("episode_id", false)).isFalse();
  }

  // ---- the page
  // -----------------------------------------------------------------------------------

  private static String questionnaire(String registry, String form) {
    return MetadataExporter.create()
        .export(Registries.load(registry), ExportFormat.FHIR)
        .fileOrThrow("fhir/Questionnaire-" + form + ".json")
        .content();
  }

  private static void render(String json) {
    Object result =
        browser
            .driver()
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        try {
          Promise.resolve(LForms.Util.addFormToPage(JSON.parse(arguments[0]), 'form', {fhirVersion: 'R4'}))
            .then(() => done('ok'), e => done('failed: ' + e));
        } catch (e) {
          done('failed: ' + e);
        }""",
                json);
    assertThat(result).isEqualTo("ok");
  }

  /**
   * Questions (not groups or display items) without enableWhen on themselves or an enclosing group.
   */
  private static void unconditionalQuestions(JsonNode items, List<String> out) {
    for (JsonNode item : items) {
      boolean conditional =
          item.has("enableWhen")
              || item.path("extension").findValuesAsText("url").stream()
                  .anyMatch(FhirExport.ENABLE_WHEN_EXPRESSION::equals);
      if (conditional) continue;
      String type = item.path("type").asText();
      if (!type.equals("group") && !type.equals("display")) out.add(item.path("linkId").asText());
      unconditionalQuestions(item.path("item"), out);
    }
  }

  /**
   * Clicks an answer: LHC-Forms gives its label the id {@code <linkId>/<repeats>|<system>|<code>}.
   */
  private static void click(String answerId) {
    browser.driver().findElement(By.id(answerId)).click();
  }

  private static void type(String linkId, String text) {
    WebElement input = browser.driver().findElement(By.id(linkId + "/1/1"));
    input.clear();
    input.sendKeys(text, Keys.TAB);
  }

  /**
   * Whether the item is on the page; LHC-Forms ids are {@code item-<linkId>/<repeat of each
   * enclosing level>}.
   */
  private static boolean shown(String linkId) {
    return !browser.driver().findElements(By.cssSelector("[id^='item-" + linkId + "/']")).isEmpty();
  }

  private static String value(String linkId) {
    return browser.driver().findElement(By.id(linkId + "/1/1")).getDomProperty("value");
  }

  /**
   * Whether LHC-Forms shows a validation error for an item, once it has had a moment to show or
   * clear it.
   */
  private static boolean rejected(String linkId, boolean expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (hasError(linkId) != expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return hasError(linkId);
  }

  private static boolean hasError(String linkId) {
    return !browser
        .driver()
        .findElement(By.id("item-" + linkId + "/1/1"))
        .findElements(By.cssSelector(".validation-error"))
        .isEmpty();
  }

  private static List<LogEntry> severeLog() {
    return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .toList();
  }
}
