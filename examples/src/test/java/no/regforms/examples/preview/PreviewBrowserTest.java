package no.regforms.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.regforms.render.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The preview loop in headless Chromium: a registry folder copied to a temporary folder and served
 * on a free port; a form opened from the index; files edited on disk while the page is open. The
 * page is never reloaded by the test: each change must reach it by itself.
 */
class PreviewBrowserTest {

  private static Browser browser;

  @TempDir Path temp;

  private PreviewFixture preview;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  @BeforeEach
  void startPreview() throws IOException {
    preview = PreviewFixture.start(temp, Optional.empty());
  }

  @AfterEach
  void stopPreview() {
    preview.close();
  }

  @Test
  void form_labelEditedOnDisk_pageShowsItWithoutManualReload() throws IOException {
    openFromIndex("en");
    assertThat(label("visit_date")).startsWith("Date of visit");
    markPage();

    preview.edit("forms/visit.json", "\"Date of visit\"}", "\"Date of the visit\"}");

    await("the new label", () -> label("visit_date").startsWith("Date of the visit"));
    assertThat(pageWasReplaced()).as("the page reloaded by itself").isTrue();
    browser.screenshot("preview-label-edited");
  }

  @Test
  void form_brokenJsonThenFixed_showsLocatedErrorOverUsableFormThenTheFormReturns()
      throws IOException {
    openFromIndex("en");
    markPage();

    preview.edit("forms/visit.json", "\"missing\": [\"unknown\"],", "\"missing\": [\"unknown\"]");

    WebElement errors = await("the located error", () -> errorPanel().orElse(null));
    assertThat(errors.findElement(By.cssSelector(".rfp-where")).getText())
        .isEqualTo("forms/visit.json:12:105");
    assertThat(errors.findElement(By.cssSelector(".rfp-message")).getText())
        .isEqualTo("not valid JSON: a comma is missing after this value");
    assertThat(errors.findElement(By.cssSelector(".rfp-source")).getText())
        .startsWith("12 | ")
        .endsWith("\"missing\": [\"unknown\"]");
    assertThat(errors.findElements(By.cssSelector(".rfp-source mark.rfp-end"))).hasSize(1);
    browser.screenshot("preview-broken-json");

    // The last version that loaded stays usable: its skip logic still runs.
    browser.driver().findElement(By.cssSelector("input[name='rf-smoking'][value='daily']")).click();
    assertThat(isShown("rf-cigarettes-item")).isTrue();

    markPage();
    preview.edit("forms/visit.json", "\"missing\": [\"unknown\"]", "\"missing\": [\"unknown\"],");
    await("the form without errors", () -> pageWasReplaced() && errorPanel().isEmpty());
    assertThat(label("visit_date")).startsWith("Date of visit");
  }

  @Test
  void form_brokenExpressionThenFixed_marksTheUnknownNameThenTheFormReturns() throws IOException {
    openFromIndex("en");

    preview.edit(
        "forms/visit.json",
        "\"visibleIf\": \"smoking = 'daily'\"",
        "\"visibleIf\": \"smoknig = 'daily'\"");

    WebElement errors = await("the located error", () -> errorPanel().orElse(null));
    assertThat(errors.findElement(By.cssSelector(".rfp-where")).getText())
        .startsWith("forms/visit.json:18:");
    assertThat(errors.findElement(By.cssSelector(".rfp-message")).getText())
        .startsWith("unknown variable 'smoknig'");
    assertThat(errors.findElement(By.cssSelector(".rfp-source mark")).getText())
        .isEqualTo("smoknig");
    assertThat(errors.findElement(By.cssSelector(".rfp-pointer")).getText())
        .isEqualTo("at /items/0/items/6/visibleIf");
    browser.screenshot("preview-broken-expression");

    markPage();
    preview.edit(
        "forms/visit.json",
        "\"visibleIf\": \"smoknig = 'daily'\"",
        "\"visibleIf\": \"smoking = 'daily'\"");
    await("the form without errors", () -> pageWasReplaced() && errorPanel().isEmpty());
    browser.driver().findElement(By.cssSelector("input[name='rf-smoking'][value='daily']")).click();
    assertThat(isShown("rf-cigarettes-item")).isTrue();
  }

  @Test
  void errorPanel_sourceLineWithMarkup_showsItAsText() throws IOException {
    openFromIndex("nb");

    // Line 42 holds a help text with an <img onerror> in it; break that line.
    preview.edit("forms/visit.json", "\"en\": \"Two capitals", "\"en\" \"Two capitals");

    WebElement errors = await("the located error", () -> errorPanel().orElse(null));
    assertThat(errors.findElement(By.cssSelector(".rfp-where")).getText())
        .startsWith("forms/visit.json:42:");
    assertThat(errors.findElement(By.cssSelector(".rfp-source")).getText())
        .contains("<img src=x onerror=");
    assertThat(errors.findElements(By.cssSelector(".rfp-source img"))).isEmpty();
    assertThat(
            browser.script(
                "return window.rfInjected === undefined && window.rfLabelRan === undefined;"))
        .isEqualTo(true);
  }

  @Test
  void submit_recordTheServerRejects_showsTheServersIssuesBesideTheField() {
    openFromIndex("en");
    browser.script(
        "var e = document.getElementById('rf-visit_date'); e.value = '2024-03-01';"
            + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));");
    browser.driver().findElement(By.cssSelector("input[name='rf-smoking'][value='never']")).click();
    browser
        .driver()
        .findElement(By.cssSelector("input[name='rf-has_symptoms'][value='false']"))
        .click();
    // The page sends only records it accepts. A record the server rejects (one a page older than
    // the
    // definition would send) is made by changing the page's record on its way out: the weight it
    // carries is out of range, while the page's own weight field stays empty.
    browser.script(
        "var send = window.fetch; window.fetch = function (url, options) {"
            + " var record = JSON.parse(options.body); record.values.weight = 1000;"
            + " options.body = JSON.stringify(record); return send(url, options); };");

    browser.driver().findElement(By.cssSelector(".rf-submit")).click();

    WebElement weight = browser.driver().findElement(By.id("rf-weight-item"));
    await(
        "the server's issue beside the weight",
        () -> weight.getText().contains("The value must be between 1 and 400"));
    assertThat(browser.script("return window.regforms.issues().length;"))
        .as("the page itself found nothing")
        .isEqualTo(0L);
    browser.screenshot("preview-server-issues");
  }

  @Test
  void why_openedOnAForm_tracesHiddenItemsToTheUnknownAnswerAndFollowsEdits() {
    openFromIndex("en");
    browser.driver().findElement(By.cssSelector("#rfp-why > summary")).click();

    String cigarettes = await("the explanation of cigarettes", () -> whyOf("hidden", "cigarettes"));
    assertThat(cigarettes)
        .isEqualTo("smoking = 'daily' \u2192 unknown\n  smoking \u2192 unknown: not filled in");

    browser.driver().findElement(By.cssSelector("input[name='rf-smoking'][value='never']")).click();
    String edited =
        await(
            "the explanation after an answer",
            () ->
                Optional.ofNullable(whyOf("hidden", "cigarettes"))
                    .filter(text -> !text.equals(cigarettes))
                    .orElse(null));
    assertThat(edited).isEqualTo("smoking = 'daily' \u2192 false\n  smoking \u2192 \"never\"");
    browser.script(
        "var e = document.getElementById('rf-weight'); e.value = '70';"
            + "e.dispatchEvent(new Event('input', {bubbles: true}));"
            + "var h = document.getElementById('rf-height'); h.value = '175'; h.dispatchEvent(new Event('input', {bubbles: true}));");
    assertThat(
            await(
                "the computed BMI",
                () ->
                    Optional.ofNullable(whyOf("computed", "bmi"))
                        .filter(text -> !text.contains("unknown"))
                        .orElse(null)))
        .startsWith(
            "round(weight / (height / 100 * height / 100), 1) \u2192 22.9\n"
                + "  weight / (height / 100 * height / 100) \u2192 ");
    browser.screenshot("preview-why");
  }

  /**
   * The explanation the why panel shows for the decision of {@code kind} at {@code path}, or null.
   */
  private String whyOf(String kind, String path) {
    return (String)
        browser.script(
            "var li = document.querySelector('#rfp-why li[data-kind=\"' + arguments[0] + '\"][data-path=\"'"
                + " + arguments[1] + '\"] pre'); return li === null ? null : li.textContent;",
            kind,
            path);
  }

  private void openFromIndex(String lang) {
    browser.driver().get(preview.url("/"));
    browser.driver().findElement(By.cssSelector("a[href='/form/visit/" + lang + "']")).click();
    await(
        "the form", () -> !browser.driver().findElements(By.cssSelector("form.rf-form")).isEmpty());
  }

  private String label(String variable) {
    return browser
        .driver()
        .findElement(By.cssSelector("label[for='rf-" + variable + "']"))
        .getText();
  }

  private boolean isShown(String id) {
    return (Boolean)
        browser.script(
            "var e = document.getElementById(arguments[0]); return e !== null && e.closest('[hidden]') === null;",
            id);
  }

  private Optional<WebElement> errorPanel() {
    List<WebElement> panels = browser.driver().findElements(By.cssSelector("section.rfp-errors"));
    return panels.stream().findFirst();
  }

  /** Marks the window's document, so that a reload (which replaces the document) shows. */
  private void markPage() {
    browser.script("document.documentElement.setAttribute('data-test-mark', 'before');");
  }

  private boolean pageWasReplaced() {
    return browser.script("return document.documentElement.getAttribute('data-test-mark');")
        == null;
  }

  /** Polls {@code condition} (a non-null, non-false value) for up to 20 seconds and returns it. */
  private static <T> T await(String what, Supplier<T> condition) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < end) {
      try {
        T value = condition.get();
        if (value != null && !Boolean.FALSE.equals(value)) return value;
      } catch (RuntimeException e) {
        last = e; // the page was being replaced
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("waited 20 s for " + what, last);
  }
}
