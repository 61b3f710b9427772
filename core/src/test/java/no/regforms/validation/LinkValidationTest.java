package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.FormLink;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.junit.jupiter.api.Test;

/** A follow-up linked to its course: the link's declaration, its reads and its issues. */
class LinkValidationTest {

  private static final Registry REGISTRY =
      DefinitionLoader.create()
          .load(Path.of("src/test/resources/definitions/valid/linked_followup"))
          .registryOrThrow();
  private static final RecordValidator VALIDATOR =
      RecordValidator.of(
          REGISTRY,
          Clock.fixed(
              LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private static final Record COURSE = course("2024-09-15");

  private static Record course(String end) {
    return new Record(
        "test", "course", "", "c-1", "p-1", "", RecordValues.of(Map.of("course_end", end)), 0);
  }

  private static Record followup(String patient, Map<String, String> links) {
    return new Record(
        "test",
        "followup",
        "",
        "f-1",
        patient,
        "",
        links,
        RecordValues.of(Map.of("followup_date", "2025-03-20")),
        7);
  }

  private static List<IssueCode> codes(ValidationResult result) {
    return result.diagnostics().issues().stream().map(Issue::code).toList();
  }

  @Test
  void load_followup_declaresItsLinkAndReads() {
    FormLink link = REGISTRY.formOrThrow("followup").link("course").orElseThrow();

    assertThat(link.form()).isEqualTo("course");
    assertThat(link.required()).isTrue();
    assertThat(link.label().orElseThrow().in("en")).isEqualTo("The treatment course");
    assertThat(REGISTRY.formOrThrow("followup").linkReads()).containsExactly("course.course_end");
  }

  @Test
  void validate_linkedCourseGiven_readsItsEndDate() {
    ValidationResult result =
        VALIDATOR.validate(
            followup("p-1", Map.of("course", "c-1")), LinkResolver.of(List.of(COURSE)));

    assertThat(codes(result)).isEmpty();
    assertThat(result.computed().get("months_since")).isEqualTo(java.math.BigDecimal.valueOf(6));
  }

  @Test
  void validate_ruleReadingLink_failsOnLinkedValue() {
    Record early = course("2025-04-01");

    ValidationResult result =
        VALIDATOR.validate(
            followup("p-1", Map.of("course", "c-1")), LinkResolver.of(List.of(early)));

    assertThat(codes(result)).containsExactly(IssueCode.RULE_FAILED);
  }

  @Test
  void validate_withoutResolver_linkReadsAreUnknownAndNothingDangles() {
    ValidationResult result = VALIDATOR.validate(followup("p-1", Map.of("course", "c-1")));

    assertThat(codes(result)).isEmpty();
    assertThat(result.computed().get("months_since")).isNull();
  }

  @Test
  void validate_requiredLinkAbsent_givesLinkMissing() {
    ValidationResult result =
        VALIDATOR.validate(followup("p-1", Map.of()), LinkResolver.of(List.of(COURSE)));

    assertThat(codes(result)).containsExactly(IssueCode.LINK_MISSING);
    Issue issue = result.diagnostics().issues().get(0);
    assertThat(issue.message().in("en"))
        .isEqualTo("The record lacks the link \"course\" (The treatment course) in \"links\"");
    assertThat(issue.message().in("nn")).contains("manglar koplinga \"course\"");
  }

  @Test
  void validate_linkToOtherPatientsCourse_isDangling() {
    ValidationResult result =
        VALIDATOR.validate(
            followup("p-2", Map.of("course", "c-1")), LinkResolver.of(List.of(COURSE)));

    assertThat(codes(result)).containsExactly(IssueCode.LINK_DANGLING);
    assertThat(result.computed().get("months_since")).isNull();
    assertThat(result.diagnostics().toJson("nb").toString()).doesNotContain("c-1", "p-2");
  }

  @Test
  void validate_resolverAnswersWrongForm_isDangling() {
    LinkResolver sloppy = (from, link, id) -> java.util.Optional.of(followup("p-1", Map.of()));

    ValidationResult result = VALIDATOR.validate(followup("p-1", Map.of("course", "c-1")), sloppy);

    assertThat(codes(result)).containsExactly(IssueCode.LINK_DANGLING);
  }

  @Test
  void validate_undeclaredLink_isReported() {
    ValidationResult result =
        VALIDATOR.validate(
            followup("p-1", Map.of("course", "c-1", "episode", "e-9")),
            LinkResolver.of(List.of(COURSE)));

    assertThat(codes(result)).containsExactly(IssueCode.LINK_UNDECLARED);
  }

  @Test
  void resolverOf_unitFormRecords_findsTheSameUnitsRecord() {
    Registry units =
        DefinitionLoader.create()
            .load(Path.of("src/test/resources/definitions/valid/linked_unit_forms"))
            .registryOrThrow();
    // Two units' systems numbered their records alike: the other unit's "y-1" comes first.
    Record otherUnitsYear = unitRecord("unit_year", "y-1", "4209999", Map.of(), "treatments", 90);
    Record ownYear = unitRecord("unit_year", "y-1", "4201234", Map.of(), "treatments", 40);
    Record otherUnitsSecond = unitRecord("unit_year", "y-2", "4209999", Map.of(), "treatments", 9);
    LinkResolver resolver = LinkResolver.of(List.of(otherUnitsYear, ownYear, otherUnitsSecond));
    RecordValidator validator = RecordValidator.of(units);

    ValidationResult linkedToOwn =
        validator.validate(
            unitRecord("unit_review", "r-1", "4201234", Map.of("year", "y-1"), "reviewed", 30),
            resolver);
    ValidationResult linkedToOther =
        validator.validate(
            unitRecord("unit_review", "r-1", "4201234", Map.of("year", "y-2"), "reviewed", 30),
            resolver);

    assertThat(codes(linkedToOwn)).isEmpty();
    assertThat(linkedToOwn.computed().get("unreviewed")).isEqualTo(java.math.BigDecimal.TEN);
    assertThat(codes(linkedToOther)).containsExactly(IssueCode.LINK_DANGLING);
  }

  private static Record unitRecord(
      String form, String id, String unit, Map<String, String> links, String variable, int value) {
    return new Record(
        "test", form, "", id, "", unit, links, RecordValues.of(Map.of(variable, value)), 1);
  }
}
