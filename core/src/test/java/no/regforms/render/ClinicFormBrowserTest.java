package no.regforms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The test registry's visit form in headless Chromium: skip logic, computed values, checks,
 * repeats, record.
 */
class ClinicFormBrowserTest {

  private static Browser browser;
  private static Registry registry;
  private static Form form;
  private FormPage page;

  @BeforeAll
  static void start() {
    registry =
        DefinitionLoader.create()
            .load(Path.of("src/test/resources/render/clinic"))
            .registryOrThrow();
    form = registry.formOrThrow("visit");
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @BeforeEach
  void openPage() {
    page = FormPage.open(browser, registry, form, "nb");
  }

  @Test
  void skipLogic_answerChanges_showsAndHidesAndClears() {
    assertThat(page.isShown("rf-cigarettes-item")).isFalse();
    page.choose("rf-smoking", "daily");
    assertThat(page.isShown("rf-cigarettes-item")).isTrue();
    page.type("rf-cigarettes", "12");
    page.choose("rf-smoking", "never");
    assertThat(page.isShown("rf-cigarettes-item")).isFalse();
    assertThat(page.element("rf-cigarettes").getAttribute("value")).isEmpty();
    assertThat(page.recordJson()).doesNotContain("cigarettes");

    assertThat(page.isShown("rf-treatment")).isFalse();
    page.choose("rf-has_symptoms", "true");
    assertThat(page.isShown("rf-treatment")).isTrue();
    assertThat(page.isShown("rf-symptoms-item")).isTrue();
    assertThat(page.isShown("rf-pain_score-item")).isFalse();
    page.choose("rf-symptoms", "pain");
    assertThat(page.isShown("rf-pain_score-item")).isTrue();
    assertThat(page.isShown("rf-pain_note")).isTrue();
    page.choose("rf-has_symptoms", "false");
    assertThat(page.isShown("rf-treatment")).isFalse();
    assertThat(page.isShown("rf-symptoms-item")).isFalse();
    assertThat(page.isShown("rf-pain_score-item")).isFalse();
  }

  @Test
  void change_answer_reDecidesOnlyItsDependencyCascade() {
    String evaluated = "return window.regforms.evaluated();";
    page.type("rf-comment", "fritekst");
    assertThat(strings(page.script(evaluated))).isEmpty();
    page.choose("rf-smoking", "daily");
    assertThat(strings(page.script(evaluated))).containsExactly("cigarettes");
    page.type("rf-weight", "70");
    // a row of drugs shows reason_other when weight > 150, so the group depends on weight
    assertThat(strings(page.script(evaluated))).containsExactly("bmi", "drugs", "total_daily_dose");
    page.choose("rf-has_symptoms", "true");
    assertThat(strings(page.script(evaluated)))
        .contains("treatment", "symptoms", "drugs", "total_daily_dose")
        .doesNotContain("weight", "bmi", "cigarettes");
  }

  @Test
  void computed_typing_updatesBmiAndRowTotals() {
    page.type("rf-weight", "70");
    page.type("rf-height", "175");
    assertThat(page.element("rf-bmi").getText()).isEqualTo("22.9");
    page.type("rf-height", "180");
    assertThat(page.element("rf-bmi").getText()).isEqualTo("21.6");

    page.choose("rf-has_symptoms", "true");
    page.type("rf-drugs-1-dose", "12.5");
    page.type("rf-drugs-1-doses_per_day", "2");
    assertThat(page.element("rf-drugs-1-daily_dose").getText()).isEqualTo("25");
    page.element("rf-drugs").findElement(By.className("rf-add")).click();
    page.type("rf-drugs-2-dose", "0.5");
    page.type("rf-drugs-2-doses_per_day", "3");
    assertThat(page.element("rf-total_daily_dose").getText()).isEqualTo("26.5");
  }

  @Test
  void range_valueOutside_showsValidatorMessageAndInvalid() {
    page.type("rf-weight", "500");
    assertThat(page.messages("rf-weight-item")).containsExactly("Verdien må være mellom 1 og 400");
    assertThat(page.element("rf-weight").getAttribute("aria-invalid")).isEqualTo("true");
    page.type("rf-weight", "80");
    assertThat(page.messages("rf-weight-item")).isEmpty();
    assertThat(page.element("rf-weight").getAttribute("aria-invalid")).isNull();
  }

  @Test
  void plausible_unusualValue_needsConfirmationBeforeSubmit() {
    fillValidMinimum();
    page.type("rf-weight", "220");
    assertThat(page.messages("rf-weight-item"))
        .first()
        .asString()
        .startsWith("Verdien er uvanlig (forventet mellom 35 og 200)");
    assertThat(page.submit()).isFalse();
    page.element("rf-weight-item").findElement(By.className("rf-confirm")).click();
    assertThat(page.submit()).isTrue();
    assertThat(page.jvmIssues())
        .isEqualTo(page.pageIssues())
        .singleElement()
        .asString()
        .contains("implausible");
  }

  @Test
  void repeat_addAndRemove_staysWithinMinAndMax() {
    page.choose("rf-has_symptoms", "true");
    String rows = "return document.querySelectorAll('#rf-drugs .rf-row').length;";
    assertThat(page.script(rows)).isEqualTo(1L);
    assertThat(page.element("rf-drugs").findElement(By.className("rf-remove")).isEnabled())
        .isFalse();
    page.element("rf-drugs").findElement(By.className("rf-add")).click();
    assertThat(page.script(rows)).as("after one add").isEqualTo(2L);
    page.element("rf-drugs").findElement(By.className("rf-add")).click();
    assertThat(page.script(rows)).as("after two adds").isEqualTo(3L);
    assertThat(page.element("rf-drugs").findElement(By.className("rf-add")).isEnabled()).isFalse();
    page.element("rf-drugs").findElement(By.className("rf-add")).click();
    assertThat(page.script(rows)).isEqualTo(3L);
    page.element("rf-drugs").findElements(By.className("rf-remove")).get(1).click();
    assertThat(page.script(rows)).isEqualTo(2L);
    assertThat(
            page.script(
                "return Array.from(document.querySelectorAll('#rf-drugs .rf-row-title')).map(e => e.textContent).join();"))
        .isEqualTo("Rad 1,Rad 2");
    page.element("rf-drugs").findElements(By.className("rf-remove")).get(1).click();
    assertThat(page.script(rows)).isEqualTo(1L);
    assertThat(page.element("rf-drugs").findElement(By.className("rf-remove")).isEnabled())
        .isFalse();
  }

  @Test
  void escaping_markupInLabelAndHelp_showsAsTextAndNeverRuns() {
    assertThat(
            page.script(
                "return window.rfInjected === undefined && window.rfLabelRan === undefined;"))
        .isEqualTo(true);
    assertThat(page.script("return document.querySelectorAll('.rf-form img').length;"))
        .isEqualTo(0L);
    assertThat(page.element("rf-referral_id-help").getText())
        .contains("<img src=x onerror=\"window.rfInjected = true\">");
    assertThat(page.element("rf-referral_id-item").findElement(By.className("rf-label")).getText())
        .contains("<script>window.rfLabelRan = true</script>");
  }

  @Test
  void submit_validForm_recordValidatesCleanOnJvm() {
    fillValidMinimum();
    page.choose("rf-has_symptoms", "true");
    page.choose("rf-symptoms", "fatigue");
    page.set("rf-drugs-1-drug", "N06AB04");
    page.type("rf-drugs-1-dose", "20");
    page.element("rf-height-missing-unknown").click();
    page.type("rf-referral_id", "AB-1234");
    assertThat(page.pageIssues()).isEmpty();
    assertThat(page.submit()).isTrue();
    assertThat(page.jvmIssues()).isEmpty();
    assertThat(page.recordJson())
        .contains("\"height\":{\"missing\":\"unknown\"}")
        .contains("\"drugs\":[{");
    browser.screenshot("clinic-visit");
    browser.printScreenshot("clinic-visit-print");
  }

  @Test
  void submit_emptyRequiredFields_blocksAndShowsRequired() {
    assertThat(page.messages("rf-visit_date-item")).isEmpty();
    assertThat(page.submit()).isFalse();
    assertThat(page.messages("rf-visit_date-item")).containsExactly("Feltet må fylles ut");
    assertThat(page.element("rf-visit_date").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(page.jvmIssues()).isEqualTo(page.pageIssues());
  }

  @Test
  void randomInputs_manyForms_pageAndJvmGiveTheSameIssues() {
    List<String> differences = new ArrayList<>();
    int withIssues = 0;
    for (long seed = 1; seed <= 30; seed++) {
      page.reload();
      page.fillRandomly(seed * 7919);
      List<String> shown = page.pageIssues();
      List<String> server = page.jvmIssues();
      if (!shown.isEmpty()) {
        withIssues++;
      }
      if (!page.pageComputed().equals(page.jvmComputed())) {
        differences.add(
            "seed "
                + seed
                + " computed:\n  page "
                + page.pageComputed()
                + "\n  jvm  "
                + page.jvmComputed());
      }
      if (!shown.equals(server)) {
        differences.add(
            "seed "
                + seed
                + ":\n  page "
                + shown
                + "\n  jvm  "
                + server
                + "\n  record "
                + page.recordJson());
      }
    }
    assertThat(differences).isEmpty();
    assertThat(withIssues).as("the generator must reach the checks").isGreaterThan(10);
  }

  private void fillValidMinimum() {
    page.set("rf-visit_date", "2024-05-02");
    page.choose("rf-smoking", "never");
    page.choose("rf-has_symptoms", "false");
  }

  private static List<String> strings(Object scriptResult) {
    return ((List<?>) scriptResult).stream().map(String::valueOf).toList();
  }
}
