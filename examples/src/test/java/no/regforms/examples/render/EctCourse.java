package no.regforms.examples.render;

import no.regforms.render.FormPage;

/** The ECT course form filled in as a person would, so that it is complete and valid. */
public final class EctCourse {

  private EctCourse() {}

  /** Fills in the ECT course form on {@code page}: an outpatient course of one session in 2024. */
  public static void fillInAsAPersonWould(FormPage page) {
    page.type("rf-birth_year", "1970");
    page.choose("rf-sex", "2");
    page.choose("rf-course_type", "acute");
    page.set("rf-indication", "F32.2");
    page.choose("rf-previous_ect", "false");
    page.choose("rf-written_information", "true");
    page.choose("rf-consent", "written");
    page.choose("rf-treatment_setting", "outpatient");
    page.choose("rf-emergency_law", "false");
    page.set("rf-course_start", "2024-01-10");
    page.set("rf-sessions-1-session_date", "2024-01-12");
    page.choose("rf-sessions-1-electrode_placement", "rul");
    page.type("rf-sessions-1-charge", "302.4");
    page.type("rf-sessions-1-pulse_width", "0.5");
    page.element("rf-sessions-1-seizure_duration-missing-unknown").click();
    page.choose("rf-sessions-1-complication", "false");
    page.set("rf-course_end", "2024-02-20");
    page.set("rf-end_reason", "response");
    page.choose("rf-madrs_before_done", "false");
    page.choose("rf-madrs_after_done", "false");
    page.choose("rf-memory_before_assessed", "false");
    page.choose("rf-memory_after_assessed", "false");
    page.element("rf-cgi_improvement-missing-unknown").click();
    page.choose("rf-side_effects", "false");
    page.element("rf-further_ect_planned-missing-unknown").click();
    page.choose("rf-followup_planned", "false");
  }
}
