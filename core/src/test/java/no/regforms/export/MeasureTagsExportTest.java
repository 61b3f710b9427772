package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import no.regforms.definition.Registry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** PROM/PREM tags reach the codebook, the helsedata variable list and the FHIR Questionnaires. */
class MeasureTagsExportTest {

  private static final Registry ECT = Registries.load("ect");

  private static Map<String, String> variableListTags(Registry registry, String form) {
    return new HelsedataExport(registry)
        .rows().stream()
            .filter(row -> row.get(VariableListField.FORM).equals(form))
            .collect(
                Collectors.toMap(
                    row -> row.get(VariableListField.VARIABLE),
                    row -> row.get(VariableListField.MEASURE_TAGS),
                    (a, b) -> a));
  }

  @Test
  void variableList_formTagAndVariableOverride_eachVariableItsOwnOrItsForms() {
    Map<String, String> after = variableListTags(ECT, "patient_after");

    assertThat(after)
        .containsEntry("treated_with_respect", "PREM")
        .containsEntry("patient_change", "PROM");
    assertThat(variableListTags(ECT, "patient_followup"))
        .containsEntry("memory_complaints", "PROM")
        .containsEntry("would_accept_again", "PREM");
    assertThat(variableListTags(ECT, "course").values())
        .as("a clinician's form is untagged")
        .containsOnly("");
    assertThat(variableListTags(Registries.load("kvarus"), "discharge_patient"))
        .containsEntry("hscl_01", "PROM")
        .containsEntry("eval_satisfaction", "PREM");
  }

  @Test
  void codebook_tagInTheCommentColumn() throws Exception {
    String csv =
        MetadataExporter.create()
            .export(ECT, ExportFormat.CODEBOOK)
            .fileOrThrow(CodebookExport.CSV_FILE)
            .content();
    List<CSVRecord> rows =
        CSVParser.parse(
                csv,
                CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build())
            .getRecords();

    assertThat(rows)
        .filteredOn(r -> r.get("variabel_id").equals("treated_with_respect"))
        .allSatisfy(r -> assertThat(r.get("kommentar")).contains("PREM"));
    assertThat(rows)
        .filteredOn(r -> r.get("skjema_id").equals("course"))
        .noneSatisfy(r -> assertThat(r.get("kommentar")).containsAnyOf("PROM", "PREM"));
  }

  @Test
  void fhir_questionnaireMetaTag_theTagsOfTheFormAndItsItems() throws Exception {
    JsonNode after = questionnaire(ECT, "patient_after");
    JsonNode msis = questionnaire(Registries.load("ms"), "msis29");

    assertThat(tagCodes(after)).containsExactly("prom", "prem");
    assertThat(tagCodes(msis)).containsExactly("prom");
    assertThat(msis.at("/meta/tag/0/system").asText()).isEqualTo(FhirExport.MEASURE_TAG_SYSTEM);
  }

  private static JsonNode questionnaire(Registry registry, String form) throws Exception {
    String json =
        MetadataExporter.create()
            .export(registry, ExportFormat.FHIR)
            .fileOrThrow("fhir/Questionnaire-" + form + ".json")
            .content();
    return new ObjectMapper().readTree(json);
  }

  private static List<String> tagCodes(JsonNode questionnaire) {
    return StreamSupport.stream(questionnaire.at("/meta/tag").spliterator(), false)
        .map(t -> t.get("code").asText())
        .toList();
  }
}
