package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.importer.CodebookFormat;
import no.regforms.importer.CodebookImporter;
import no.regforms.importer.ImportOptions;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The helsedata export checked with the official DCAT-AP-NO 2.0 SHACL shapes (Apache Jena SHACL),
 * as the national catalogue checks it: the real registries that give the facts the description
 * needs, and every registry imported from the real codebooks in the test resources.
 */
class HelsedataShaclTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static ValidationReport validate(Registry registry) {
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.HELSEDATA);
    assertThat(result.errors()).as("refused").isEmpty();
    return DcatApNoShapes.validate(result.fileOrThrow(HelsedataExport.DATASET_FILE).content());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ms", "ect"})
  void dataset_realRegistry_conformsToDcatApNo(String id) {
    ValidationReport report = validate(Registries.load(id));

    assertThat(DcatApNoShapes.violations(report)).isEmpty();
    assertThat(DcatApNoShapes.warnings(report)).isEmpty();
  }

  @Test
  void dataset_everyDcatProperty_isOneTheDcatApNo2ShapesName() {
    String dataset =
        MetadataExporter.create()
            .export(Registries.load("ms"), ExportFormat.HELSEDATA)
            .fileOrThrow(HelsedataExport.DATASET_FILE)
            .content();

    Set<String> used =
        DcatApNoShapes.parse(dataset).find().mapWith(t -> t.getPredicate().getURI()).toSet();

    // vCard's own properties and rdf:type are outside the profile's shapes; everything else must be
    // DCAT-AP-NO 2.0's.
    assertThat(used)
        .filteredOn(
            p -> !p.startsWith("http://www.w3.org/2006/vcard/ns#") && !p.equals(RDF.type.getURI()))
        .isSubsetOf(DcatApNoShapes.paths())
        .doesNotContain(
            "http://www.w3.org/ns/dcat#version", "http://data.europa.eu/r5r/applicableLegislation");
  }

  static Stream<Arguments> codebooks() {
    return Stream.of(
        Arguments.of(CodebookFormat.OPENQREG, "openqreg/NoRGast_klokeboken_2020-04-28.csv"),
        Arguments.of(CodebookFormat.MRS, "mrs/Kodebok_NordicScir.xlsx"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/longitudinal.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/clinical-trial-1.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/repeating-instruments.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/potentially-problematic-dictionary.csv"));
  }

  @ParameterizedTest
  @MethodSource("codebooks")
  void dataset_importedRegistryWithItsFactsAdded_conformsToDcatApNo(
      CodebookFormat format, String file) throws IOException {
    Path folder = temp.resolve("registry");
    CodebookImporter.create()
        .read(format, Path.of("src/test/resources/importer", file), ImportOptions.defaults())
        .writeTo(folder, false);
    Registry imported = DefinitionLoader.create().load(folder).registryOrThrow();
    assertThat(MetadataExporter.create().export(imported, ExportFormat.HELSEDATA).isRefused())
        .as("an import knows no publisher, so it cannot be published as it is")
        .isTrue();

    // What a registry developer adds to registry.json before publishing.
    ObjectNode registryJson = (ObjectNode) JSON.readTree(folder.resolve("registry.json").toFile());
    ObjectNode owner = registryJson.putObject("owner");
    owner.putObject("name").put("nb", "Registereieren (test)");
    owner
        .put("organisationNumber", "983974724")
        .put("email", "register@example.org")
        .put("url", "https://example.org/register");
    registryJson.put("baseUri", "https://example.org/register/" + imported.id() + "/");
    JSON.writeValue(folder.resolve("registry.json").toFile(), registryJson);
    Registry completed = DefinitionLoader.create().load(folder).registryOrThrow();

    ValidationReport report = validate(completed);
    assertThat(DcatApNoShapes.violations(report)).isEmpty();
  }

  @Test
  void shapes_exportWithoutAccessUrl_reportTheViolation() throws IOException {
    String dataset =
        MetadataExporter.create()
            .export(Registries.load("ms"), ExportFormat.HELSEDATA)
            .fileOrThrow(HelsedataExport.DATASET_FILE)
            .content();
    ObjectNode root = (ObjectNode) JSON.readTree(dataset);
    ((ObjectNode) root.get("dcat:distribution").get(0)).remove("dcat:accessURL");
    root.putObject("dct:publisher").put("foaf:name", "blank publisher");

    ValidationReport report = DcatApNoShapes.validate(JSON.writeValueAsString(root));

    assertThat(DcatApNoShapes.violations(report))
        .hasSize(2)
        .anyMatch(v -> v.contains("dcat#accessURL"))
        .anyMatch(v -> v.contains("terms/publisher"));
  }

  @Test
  void shapes_accessRightsOutsideTheEuVocabulary_reportTheViolation() throws IOException {
    String dataset =
        MetadataExporter.create()
            .export(Registries.load("ms"), ExportFormat.HELSEDATA)
            .fileOrThrow(HelsedataExport.DATASET_FILE)
            .content();
    ObjectNode root = (ObjectNode) JSON.readTree(dataset);
    root.putObject("dct:accessRights").put("@id", "https://example.org/access/closed");

    ValidationReport report = DcatApNoShapes.validate(JSON.writeValueAsString(root));

    assertThat(DcatApNoShapes.violations(report))
        .singleElement()
        .asString()
        .contains("terms/accessRights");
  }
}
