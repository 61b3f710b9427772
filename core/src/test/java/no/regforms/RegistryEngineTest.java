package no.regforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RegformsException;
import no.regforms.export.ExportFormat;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.render.FormRenderer;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;

class RegistryEngineTest {

  private static final RegistryEngine ENGINE = RegistryEngine.of(TestRegistry.validator());

  private static String json(RecordBuilder record) {
    return JsonLinesRecordWriter.toJson(record.build(), Map.of()).toString();
  }

  @Test
  void validate_validBody_hasNoIssues() {
    ValidationResult result = ENGINE.validate(json(TestRegistry.validVisit()));

    assertThat(result.diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_bodyWithBadValues_locatesEachIssueByRecordPath() {
    String body =
        json(TestRegistry.validVisit().set("age", 300).setInRow("sessions", 2, "charge", 5000));

    ValidationResult result = ENGINE.validate(body);

    assertThat(result.diagnostics().errors())
        .extracting(Issue::path)
        .containsExactly("age", "sessions[2].charge");
  }

  @Test
  void validate_bodyThatIsNotJson_speaksOfTheRecordNotOfALine() {
    ValidationResult result = ENGINE.validate("{\"form\": \"visit\" x");

    assertThat(result.diagnostics().errors())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.code()).isEqualTo(IssueCode.RECORD_SYNTAX);
              assertThat(issue.path()).isEmpty();
              assertThat(issue.text("en")).isEqualTo("The record is not valid JSON (column 18)");
              assertThat(issue.text("nb")).isEqualTo("Posten er ikke gyldig JSON (kolonne 18)");
            });
  }

  @Test
  void validate_bodyThatIsAnArray_saysTheRecordIsNoObject() {
    ValidationResult result = ENGINE.validate("[1, 2]");

    assertThat(result.diagnostics().errors())
        .extracting(issue -> issue.text("en"))
        .containsExactly("The record is not a JSON object");
  }

  @Test
  void diagnosticsToJson_rejectedBody_givesCountsAndTheFourStableFields() {
    ValidationResult result = ENGINE.validate(json(TestRegistry.validVisit().set("age", 300)));

    JsonNode json = result.diagnostics().toJson("en");

    assertThat(json.get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("warnings").asInt()).isZero();
    JsonNode issue = json.get("issues").get(0);
    assertThat(issue.fieldNames())
        .toIterable()
        .containsExactly("code", "severity", "path", "message");
    assertThat(issue.get("code").asText()).isEqualTo("out_of_range");
    assertThat(issue.get("severity").asText()).isEqualTo("error");
    assertThat(issue.get("path").asText()).isEqualTo("age");
    assertThat(issue.get("message").asText())
        .isEqualTo(result.diagnostics().errors().get(0).text("en"));
  }

  @Test
  void diagnosticsToJson_definitionIssue_addsFileLineAndColumn() {
    Issue issue =
        Issue.error(
            IssueCode.UNKNOWN_KEY,
            "unknown key 'visibelIf'",
            no.regforms.diagnostic.SourceLocation.of("forms/a.json", 3, 43, "/items/0/visibelIf"));

    JsonNode json = issue.toJson("en");

    assertThat(json.get("path").asText()).isEqualTo("/items/0/visibelIf");
    assertThat(json.get("file").asText()).isEqualTo("forms/a.json");
    assertThat(json.get("line").asInt()).isEqualTo(3);
    assertThat(json.get("column").asInt()).isEqualTo(43);
  }

  @Test
  void renderPage_withHostRenderer_postsToTheHostsAddress() {
    String page =
        ENGINE
            .withRenderer(FormRenderer.builder().submitUrl("/records").build())
            .renderPage("visit", "nb");

    assertThat(page).startsWith("<!DOCTYPE html>").contains("\"/records\"");
  }

  @Test
  void renderPage_unknownForm_namesTheForms() {
    assertThatThrownBy(() -> ENGINE.renderPage("nope", "nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void export_jsonSchema_givesAFilePerForm() {
    assertThat(ENGINE.export(ExportFormat.JSONSCHEMA).files()).isNotEmpty();
  }

  @Test
  void warmUp_returnsTheSameEngine() {
    assertThat(ENGINE.warmUp()).isSameAs(ENGINE);
  }

  @Test
  void load_folder_isTheRegistryOfThatFolder() {
    RegistryEngine engine = RegistryEngine.load(TestRegistry.folder());

    assertThat(engine.registry().id()).isEqualTo(TestRegistry.ID);
  }

  @Test
  void loadModule_unknownId_throwsWithEveryIssue() {
    assertThatThrownBy(() -> RegistryEngine.loadModule("no_such_registry"))
        .isInstanceOfSatisfying(
            RegformsException.class,
            e ->
                assertThat(e.diagnostics().errors())
                    .extracting(Issue::code)
                    .containsExactly(IssueCode.FILE_MISSING));
  }

  @Test
  void load_brokenFolder_throwsWithEveryIssue() {
    assertThatThrownBy(() -> RegistryEngine.load(Path.of("no_such_folder")))
        .isInstanceOf(RegformsException.class);
  }
}
