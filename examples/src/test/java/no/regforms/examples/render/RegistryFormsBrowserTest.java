package no.regforms.examples.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.render.Browser;
import no.regforms.render.FormPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * One form of each real registry (ECT course, MS follow-up, KVARUS basis) generated and filled in
 * headless Chromium: skip logic, computed values, ranges, plausible ranges, repeat groups, and
 * random forms with the same issues and computed values in the page and on the JVM.
 */
class RegistryFormsBrowserTest {

  private static Browser browser;
  private static final Map<String, Registry> REGISTRIES = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    for (String id : List.of("ect", "ms", "kvarus")) {
      REGISTRIES.put(id, DefinitionLoader.create().loadModule(id).registryOrThrow());
    }
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  private static FormPage open(String registry, String form) {
    Registry r = REGISTRIES.get(registry);
    return FormPage.open(browser, r, r.formOrThrow(form), "nb");
  }

  /** The validator's message {@code key} in Bokmål, as the page shows it. */
  private static String nb(String key, Object... arguments) {
    return MessageCatalogue.of("nb").text(key, arguments);
  }

  @Test
  void ectCourse_answers_showHideComputeAndCheck() {
    FormPage page = open("ect", "course");
    assertThat(page.isShown("rf-involuntary-item")).isFalse();
    page.choose("rf-treatment_setting", "inpatient");
    assertThat(page.isShown("rf-involuntary-item")).isTrue();
    assertThat(page.isShown("rf-admission_paragraph-item")).isFalse();
    page.choose("rf-involuntary", "true");
    assertThat(page.isShown("rf-admission_paragraph-item")).isTrue();
    page.choose("rf-treatment_setting", "outpatient");
    assertThat(page.isShown("rf-involuntary-item")).isFalse();
    assertThat(page.isShown("rf-admission_paragraph-item")).isFalse();

    page.choose("rf-madrs_before_done", "true");
    for (int i = 1; i <= 10; i++) {
      page.type("rf-madrs_before_" + i, String.valueOf(i % 4));
    }
    assertThat(page.element("rf-madrs_before_total").getText()).isEqualTo("15");
    page.type("rf-madrs_before_1", "6");
    assertThat(page.element("rf-madrs_before_total").getText()).isEqualTo("20");

    String charge = page.rowInput("sessions", 1, "charge");
    page.type(charge, "1500");
    assertThat(page.messages(charge + "-item"))
        .containsExactly(nb("record.outOfRange", "1", "1200"));
    page.type(charge, "1100");
    assertThat(page.messages(charge + "-item"))
        .containsExactly(nb("record.implausible", "25", "1008"));
    page.element(charge + "-item").findElement(By.className("rf-confirm")).click();
    assertThat(page.element(charge + "-item").findElement(By.className("rf-confirm")).isSelected())
        .isTrue();

    // the first row of a group is row number 1 in element ids
    assertThat(page.isShown("rf-sessions-1-complication_types-item")).isFalse();
    page.choose("rf-sessions-1-complication", "true");
    assertThat(page.isShown("rf-sessions-1-complication_types-item")).isTrue();
    page.choose("rf-sessions-1-complication", "false");
    assertThat(page.isShown("rf-sessions-1-complication_types-item")).isFalse();

    assertThat(page.rows("sessions")).isEqualTo(1);
    assertThat(page.canRemove("sessions", 1)).isFalse();
    page.addRow("sessions");
    page.addRow("sessions");
    assertThat(page.rows("sessions")).isEqualTo(3);
    assertThat(page.element("rf-session_count").getText()).isEqualTo("3");
    page.removeRow("sessions", 2);
    assertThat(page.rows("sessions")).isEqualTo(2);
    assertThat(page.element("rf-session_count").getText()).isEqualTo("2");
    browser.screenshot("ect-course");
  }

  @Test
  void ectCourse_patientUnder16_pageShowsTheInclusionCriterionAsTheServerDoes() {
    FormPage page = open("ect", "course");
    page.set("rf-course_start", "2024-03-04");
    page.type("rf-birth_year", "2008");
    assertThat(page.pageIssues()).noneMatch(issue -> issue.contains("|not_included|"));
    page.type("rf-birth_year", "2009");
    assertThat(page.pageIssues())
        .filteredOn(issue -> issue.contains("|not_included|"))
        .containsExactly(
            "|not_included|error|Pasienter under 16 år skal ikke registreres (eksklusjonskriterium).");
    assertThat(page.jvmIssues())
        .filteredOn(issue -> issue.contains("|not_included|"))
        .isEqualTo(
            page.pageIssues().stream().filter(issue -> issue.contains("|not_included|")).toList());
  }

  @Test
  void ectFollowup_courseGivenByTheHost_monthsAndRuleReadTheLinkedEndDate() {
    FormPage page = open("ect", "followup");
    page.choose("rf-followup_status", "completed");
    page.set("rf-followup_date", "2024-07-15");
    assertThat(page.pageComputed()).as("unknown without the course").isEmpty();
    assertThat(page.pageIssues()).noneMatch(issue -> issue.contains("|rule_failed|error|"));

    page.script("RegformsForm.forms.followup.setLinked('course', {course_end: '2024-01-10'});");
    assertThat(page.pageComputed()).containsEntry("months_since_course", "6");
    assertThat(page.element("rf-months_since_course").getText()).isEqualTo("6");

    page.script("RegformsForm.forms.followup.setLinked('course', {course_end: '2024-08-01'});");
    assertThat(page.pageIssues())
        .filteredOn(issue -> issue.contains("|rule_failed|error|"))
        .singleElement()
        .asString()
        .endsWith(
            "|rule_failed|error|"
                + REGISTRIES.get("ect").formOrThrow("followup").rules().stream()
                    .filter(rule -> rule.id().equals("followup_after_course"))
                    .findFirst()
                    .orElseThrow()
                    .message()
                    .in("nb"));

    page.script("RegformsForm.forms.followup.setLinked('course', null);");
    assertThat(page.pageComputed()).isEmpty();
  }

  @Test
  void msFollowup_answers_showHideAndCheck() {
    FormPage page = open("ms", "followup");
    assertThat(page.isShown("rf-relapses")).isFalse();
    page.choose("rf-relapse_any", "true");
    assertThat(page.isShown("rf-relapses")).isTrue();
    assertThat(page.rows("relapses")).isEqualTo(1);
    page.choose("rf-relapse_any", "false");
    assertThat(page.isShown("rf-relapses")).isFalse();
    assertThat(page.recordJson()).doesNotContain("relapses");

    assertThat(page.isShown("rf-no_treatment_reason-item")).isFalse();
    page.choose("rf-treatment_status", "none");
    assertThat(page.isShown("rf-no_treatment_reason-item")).isTrue();

    page.choose("rf-edss_done", "true");
    page.type("rf-edss", "11");
    assertThat(page.messages("rf-edss-item")).containsExactly(nb("record.outOfRange", "0", "10"));
    page.type("rf-edss", "2.3");
    assertThat(page.messages("rf-edss-item")).containsExactly(nb("record.step", "0.5", "0"));
    page.type("rf-edss", "3.5");
    assertThat(page.messages("rf-edss-item")).isEmpty();

    assertThat(page.isShown("rf-jcv")).isFalse();
    assertThat(page.rows("treatments")).isZero();
    page.addRow("treatments");
    page.set(page.rowInput("treatments", 1, "drug"), "L04AG03");
    assertThat(page.isShown("rf-jcv")).isTrue();
    page.type("rf-jcv_index", "7");
    assertThat(page.messages("rf-jcv_index-item"))
        .containsExactly(nb("record.implausible", "0", "5"));
    page.removeRow("treatments", 1);
    assertThat(page.isShown("rf-jcv")).isFalse();
    assertThat(page.element("rf-jcv_index").getAttribute("value")).isEmpty();
    browser.screenshot("ms-followup");
  }

  @Test
  void kvarusBasis_answers_showHideComputeAndCheck() {
    FormPage page = open("kvarus", "basis_clinician");
    assertThat(page.isShown("rf-injection_debut_age-item")).isFalse();
    page.choose("rf-ever_injected", "true");
    assertThat(page.isShown("rf-injection_debut_age-item")).isTrue();
    page.choose("rf-ever_injected", "false");
    assertThat(page.isShown("rf-injection_debut_age-item")).isFalse();

    page.set("rf-referral_date", "2024-01-10");
    page.set("rf-basis_date", "2024-03-01");
    assertThat(page.element("rf-wait_days").getText()).isEqualTo("51");

    page.type("rf-debut_age", "95");
    assertThat(page.messages("rf-debut_age-item"))
        .containsExactly(nb("record.outOfRange", "3", "90"));
    page.type("rf-debut_age", "70");
    assertThat(page.messages("rf-debut_age-item"))
        .containsExactly(nb("record.implausible", "8", "60"));

    page.choose("rf-previous_tsb", "true");
    assertThat(page.rows("previous_treatments")).isEqualTo(1);
    for (int i = 0; i < 12; i++) {
      if (page.canAdd("previous_treatments")) {
        page.addRow("previous_treatments");
      }
    }
    assertThat(page.rows("previous_treatments")).isEqualTo(10);
    assertThat(page.canAdd("previous_treatments")).isFalse();
    browser.screenshot("kvarus-basis_clinician");
  }

  @Test
  void ectCourse_filledInAsAPersonWould_submitsARecordTheServerAccepts() {
    FormPage page = open("ect", "course");
    EctCourse.fillInAsAPersonWould(page);

    assertThat(page.pageIssues()).isEmpty();
    assertThat(page.element("rf-age_at_start").getText()).isEqualTo("54");
    assertThat(page.element("rf-established_indication").getText()).isEqualTo("Ja");
    assertThat(page.submit()).isTrue();
    assertThat(page.jvmIssues()).isEmpty();
    assertThat(page.recordJson())
        .contains("\"charge\":302.4")
        .contains("\"seizure_duration\":{\"missing\":\"unknown\"}");
    assertThat(page.element("rf-form-course").findElement(By.className("rf-status")).getText())
        .isEqualTo("Skjemaet er komplett. Posten er laget.");
    browser.screenshot("ect-course-submitted");
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"ect, course", "ms, followup", "kvarus, basis_clinician", "ms, inclusion"})
  void randomInputs_realForm_pageAndJvmAgree(String registry, String form) {
    FormPage page = open(registry, form);
    List<String> differences = new ArrayList<>();
    int withIssues = 0;
    for (long seed = 1; seed <= 12; seed++) {
      if (seed > 1) {
        page.reload();
      }
      page.fillRandomly(seed * 104729 + registry.hashCode());
      List<String> shown = page.pageIssues();
      if (!shown.isEmpty()) {
        withIssues++;
      }
      if (!shown.equals(page.jvmIssues())) {
        differences.add(
            "seed "
                + seed
                + ":\n  page "
                + shown
                + "\n  jvm  "
                + page.jvmIssues()
                + "\n  record "
                + page.recordJson());
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
    }
    assertThat(differences).isEmpty();
    assertThat(withIssues).isGreaterThan(3);
  }
}
