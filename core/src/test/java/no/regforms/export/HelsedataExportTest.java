package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expands the DCAT-AP-NO description with Titanium and reads the variable list back with Commons
 * CSV.
 */
class HelsedataExportTest {

  private static final String DCT = "http://purl.org/dc/terms/";
  private static final String DCAT = "http://www.w3.org/ns/dcat#";
  private static final String CPSV = "http://purl.org/vocab/cpsv#";
  private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  private static final String OWL = "http://www.w3.org/2002/07/owl#";
  private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";

  private static JsonObject expand(ExportResult result) throws JsonLdError {
    String text = result.fileOrThrow(HelsedataExport.DATASET_FILE).content();
    JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(text))).get();
    assertThat(expanded).hasSize(1);
    return expanded.getJsonObject(0);
  }

  private static List<String> ids(JsonObject node, String property) {
    return node.getJsonArray(property).stream()
        .map(v -> v.asJsonObject().getString("@id"))
        .toList();
  }

  private static List<String> values(JsonObject node, String property, String language) {
    return node.getJsonArray(property).stream()
        .map(JsonValue::asJsonObject)
        .filter(v -> language.equals(v.getString("@language", "")) && v.containsKey("@value"))
        .map(v -> v.getString("@value"))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect"})
  void dataset_expandedWithTitanium_hasTheMandatoryDcatApNoProperties(String id)
      throws JsonLdError {
    Registry registry = Registries.load(id);
    JsonObject dataset = expand(MetadataExporter.create().export(registry, ExportFormat.HELSEDATA));

    assertThat(dataset.getJsonArray("@type").getString(0)).isEqualTo(DCAT + "Dataset");
    assertThat(dataset.getString("@id"))
        .startsWith(registry.baseUri().orElseThrow())
        .endsWith("helsedata/dataset.jsonld#dataset");
    assertThat(values(dataset, DCT + "identifier", "")).containsExactly(dataset.getString("@id"));
    assertThat(values(dataset, DCT + "title", "nb")).containsExactly(registry.title().in("nb"));
    assertThat(values(dataset, DCT + "title", "en")).containsExactly(registry.title().in("en"));
    assertThat(values(dataset, DCT + "description", "nb")).hasSize(1);
    assertThat(values(dataset, DCT + "description", "en")).hasSize(1);
    assertThat(ids(dataset, DCAT + "theme"))
        .containsExactly(HelsedataExport.THEME_EU_HEALTH, HelsedataExport.THEME_LOS_HEALTH);
    assertThat(ids(dataset, DCT + "accessRights"))
        .containsExactly(HelsedataExport.ACCESS_NON_PUBLIC);
    JsonObject rule = dataset.getJsonArray(CPSV + "follows").getJsonObject(0);
    assertThat(rule.getJsonArray("@type").getString(0)).isEqualTo(CPSV + "Rule");
    assertThat(ids(rule, RDFS + "seeAlso"))
        .containsExactly(HelsedataExport.QUALITY_REGISTRY_REGULATION);
    assertThat(ids(dataset, DCT + "publisher"))
        .containsExactly(
            "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/983974724");
    JsonObject contact = dataset.getJsonArray(DCAT + "contactPoint").getJsonObject(0);
    assertThat(contact.getJsonArray("@type").getString(0))
        .isEqualTo("http://www.w3.org/2006/vcard/ns#Organization");
    assertThat(ids(contact, VCARD + "hasURL"))
        .containsExactly(registry.owner().orElseThrow().url().orElseThrow());
    assertThat(values(dataset, DCAT + "keyword", "nb"))
        .containsExactlyElementsOf(registry.keywords());
    assertThat(values(dataset, OWL + "versionInfo", "")).containsExactly(registry.version());
    assertThat(dataset.getJsonArray(DCAT + "distribution"))
        .hasSize(2)
        .allSatisfy(
            d -> {
              JsonObject distribution = d.asJsonObject();
              assertThat(ids(distribution, DCAT + "accessURL"))
                  .singleElement()
                  .asString()
                  .startsWith(registry.baseUri().orElseThrow());
              assertThat(ids(distribution, DCT + "license"))
                  .containsExactly(HelsedataExport.LICENCE_CC_BY_4_0);
            });
  }

  @Test
  void dataset_ms_temporalFromRegistryJson() throws JsonLdError {
    JsonObject dataset =
        expand(MetadataExporter.create().export(Registries.load("ms"), ExportFormat.HELSEDATA));

    JsonObject temporal = dataset.getJsonArray(DCT + "temporal").getJsonObject(0);
    assertThat(temporal.getJsonArray(DCAT + "startDate").getJsonObject(0).getString("@value"))
        .isEqualTo("2001-01-01");
    assertThat(temporal.containsKey(DCAT + "endDate")).isFalse();
  }

  @Test
  void dataset_ownerWithEveryFact_publisherContactAndDistributionsFromRegistryJson()
      throws JsonLdError {
    Registry registry = Registries.load("tricky");
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.HELSEDATA);
    JsonObject dataset = expand(result);

    JsonObject publisher = dataset.getJsonArray(DCT + "publisher").getJsonObject(0);
    assertThat(publisher.getString("@id"))
        .isEqualTo(
            "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/983974724");
    assertThat(publisher.getJsonArray("@type").getString(0))
        .isEqualTo("http://xmlns.com/foaf/0.1/Agent");
    JsonObject contact = dataset.getJsonArray(DCAT + "contactPoint").getJsonObject(0);
    assertThat(ids(contact, VCARD + "hasEmail")).containsExactly("mailto:register@example.org");
    assertThat(ids(contact, VCARD + "hasURL")).containsExactly("https://example.org/register");
    assertThat(dataset.getString("@id"))
        .isEqualTo("https://register.example.org/tricky/helsedata/dataset.jsonld#dataset");
    assertThat(dataset.getJsonArray(DCAT + "distribution"))
        .extracting(d -> ids(d.asJsonObject(), DCAT + "accessURL").get(0))
        .containsExactly(
            "https://register.example.org/tricky/helsedata/variables.csv",
            "https://register.example.org/tricky/helsedata/variables.json");
    JsonObject temporal = dataset.getJsonArray(DCT + "temporal").getJsonObject(0);
    assertThat(temporal.getJsonArray(DCAT + "startDate").getJsonObject(0).getString("@value"))
        .isEqualTo("2020-01-01");
    assertThat(values(dataset, DCT + "title", "nn")).containsExactly("Testregister på nynorsk");
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void dataset_kvarusWithoutOrganisationNumber_refusedWithTheLoadersWarnings() {
    Registry registry = Registries.load("kvarus");

    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.HELSEDATA);

    assertThat(result.isRefused()).isTrue();
    assertThat(result.files()).isEmpty();
    assertThat(result.errors())
        .allSatisfy(error -> assertThat(error.isError()).isTrue())
        .extracting(error -> error.message().in("en"))
        .containsExactlyElementsOf(
            registry.publicationGaps().stream().map(gap -> gap.message().in("en")).toList())
        .anyMatch(m -> m.startsWith("owner has no organisationNumber"));
    assertThat(result.errors().get(0).toDisplayString())
        .startsWith("registry.json:")
        .contains(": error: ");
  }

  @Test
  void dataset_registryWithoutOwner_refusedNamingWhatToAdd() {
    Registry registry = Registries.load("unpublishable");

    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.HELSEDATA);

    assertThat(result.errors())
        .extracting(error -> error.message().in("en"))
        .anyMatch(m -> m.startsWith("registry.json has no owner"))
        .anyMatch(m -> m.startsWith("registry.json has no baseUri"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect", "tricky"})
  void variableList_readBackWithCommonsCsv_matchesTheModel(String id) throws IOException {
    Registry registry = Registries.load(id);
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.HELSEDATA);
    List<CSVRecord> rows = read(result.fileOrThrow(HelsedataExport.VARIABLES_CSV).content());

    List<FormWalk.Entry> entries = new ArrayList<>();
    registry.forms().values().forEach(f -> entries.addAll(FormWalk.entries(f)));
    assertThat(rows).hasSize(entries.size()).hasSize(registry.variableCount());
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      FormWalk.Entry entry = entries.get(i);
      Variable v = entry.variable();
      Form form = entry.form();
      assertThat(row.get(name(VariableListField.FORM))).isEqualTo(form.id());
      assertThat(row.get(name(VariableListField.FORM_VERSION))).isEqualTo(form.version());
      assertThat(row.get(name(VariableListField.VARIABLE))).isEqualTo(v.id());
      assertThat(row.get(name(VariableListField.IDENTIFIER)))
          .isEqualTo(id + "." + form.id() + "." + entry.path());
      assertThat(row.get(name(VariableListField.LABEL_NB))).isEqualTo(v.labelOrId().in("nb"));
      assertThat(row.get(name(VariableListField.LABEL_EN)))
          .isEqualTo(v.label().flatMap(l -> l.exactly("en")).orElse(""));
      assertThat(row.get(name(VariableListField.DATA_TYPE))).isEqualTo(v.type().jsonName());
      assertThat(row.get(name(VariableListField.UNIT))).isEqualTo(v.unit().orElse(""));
      assertThat(row.get(name(VariableListField.REQUIRED))).isEqualTo(v.required() ? "ja" : "nei");
      assertThat(row.get(name(VariableListField.MIN)))
          .isEqualTo(v.range().map(r -> r.min().toString()).orElse(""));
      assertThat(row.get(name(VariableListField.MAX_PLAUSIBLE)))
          .isEqualTo(v.plausibleRange().map(r -> r.max().toString()).orElse(""));
      assertThat(row.get(name(VariableListField.FORMULA)))
          .isEqualTo(v.compute().map(f -> f.text()).orElse(""));
      assertThat(row.get(name(VariableListField.CONDITION)).isEmpty())
          .isEqualTo(entry.alwaysShown());
      List<String> codes = lines(row.get(name(VariableListField.CODES)));
      List<String> expected =
          v.codeList()
              .flatMap(registry::codeList)
              .map(
                  list ->
                      list.codes().stream().map(c -> c.code() + "=" + c.label().in("nb")).toList())
              .orElse(List.of());
      assertThat(codes).containsExactlyElementsOf(expected);
      assertThat(
              lines(row.get(name(VariableListField.MISSING_CODES))).stream()
                  .map(l -> l.split("=", 2)[0])
                  .toList())
          .containsExactlyElementsOf(v.missing());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect", "tricky"})
  void variableList_jsonAndCsv_holdTheSameRows(String id) throws IOException {
    ExportResult result =
        MetadataExporter.create().export(Registries.load(id), ExportFormat.HELSEDATA);
    List<CSVRecord> rows = read(result.fileOrThrow(HelsedataExport.VARIABLES_CSV).content());
    JsonNode json =
        new ObjectMapper().readTree(result.fileOrThrow(HelsedataExport.VARIABLES_JSON).content());

    assertThat(json.size()).isEqualTo(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      for (VariableListField field : VariableListField.values()) {
        assertThat(json.get(i).get(field.externalName()).asText())
            .isEqualTo(rows.get(i).get(field.externalName()));
      }
    }
  }

  @Test
  void variableList_codeListWithOid_referencesTheNationalCodeSystem() throws IOException {
    ExportResult result =
        MetadataExporter.create().export(Registries.load("tricky"), ExportFormat.HELSEDATA);
    CSVRecord diagnosis =
        read(result.fileOrThrow(HelsedataExport.VARIABLES_CSV).content()).stream()
            .filter(r -> r.get(name(VariableListField.VARIABLE)).equals("diagnosis"))
            .findFirst()
            .orElseThrow();

    assertThat(diagnosis.get(name(VariableListField.CODE_SYSTEM_OID)))
        .isEqualTo("2.16.578.1.12.4.1.1.7110");
    assertThat(diagnosis.get(name(VariableListField.CODE_SYSTEM_VERSION))).isEqualTo("2024");
    assertThat(diagnosis.get(name(VariableListField.RESPONDENT))).isEqualTo("clinician");
  }

  private static String name(VariableListField field) {
    return field.externalName();
  }

  private static List<String> lines(String cell) {
    return cell.isEmpty() ? List.of() : cell.lines().collect(Collectors.toList());
  }

  static List<CSVRecord> read(String csv) throws IOException {
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }
}
