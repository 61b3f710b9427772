package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.testing.Folders;
import no.regforms.testing.TestRegistry;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The definition schemas as editors use them: {@code $schema} in every file, and missing
 * translations listed.
 */
class DefinitionSchemasTest {

  private static final Path SCHEMAS = Path.of("src/main/resources/no/regforms/definition/schema");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void load_schemaKeyInEveryKindOfFile_isAccepted() throws IOException {
    Path folder = copyOfTestRegistry();
    // tests/visit.json carries a $schema already.
    for (String file :
        List.of(
            "registry.json",
            "forms/visit.json",
            "codelists/sex.json",
            "indicators/treated_share.json")) {
      Path path = folder.resolve(file);
      Files.writeString(
          path,
          Files.readString(path)
              .replaceFirst("\\{", "{\"\\$schema\": \"https://example.org/schema.json\","));
    }

    LoadResult loaded = DefinitionLoader.create().load(folder);

    assertThat(loaded.diagnostics().issues()).as(loaded.diagnostics().toDisplayString()).isEmpty();
    assertThat(DefinitionLoader.create().loadTests(folder).diagnostics().issues()).isEmpty();
  }

  @Test
  void load_misspeltSchemaKey_isAnUnknownKeyNamingSchema() throws IOException {
    Path folder = copyOfTestRegistry();
    Path sex = folder.resolve("codelists/sex.json");
    Files.writeString(sex, Files.readString(sex).replaceFirst("\\{", "{\"\\$schemas\": \"x\","));

    Diagnostics issues = DefinitionLoader.create().load(folder).diagnostics();

    assertThat(issues.issues())
        .extracting(Issue::toDisplayString)
        .containsExactly(
            "codelists/sex.json:1:2: error: unknown key '$schemas'; did you mean '$schema'?\n    at /$schemas");
  }

  /**
   * An editor loads a schema from its file and resolves {@code common.json} beside it: so does this
   * test, without the classpath; every file of a real registry passes and an unknown key fails.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void schemaFiles_loadedFromTheirFolderAsAnEditorDoes_acceptTheRegistryAndRejectAnUnknownKey(
      String id) throws IOException {
    Path registry = Path.of("..", "forms-" + id, "src", "main", "resources", "registries", id);
    int checked = 0;
    try (Stream<Path> files = Files.walk(registry)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        String kind = kindOf(registry.relativize(file).toString());
        if (kind.isEmpty()) continue;
        schemaFromFile(kind).validate(new JSONObject(Files.readString(file)));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
    JSONObject misspelt =
        new JSONObject(Files.readString(registry.resolve("registry.json"))).put("titel", "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> schemaFromFile("registry.json").validate(misspelt))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("titel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void testFiles_schemaKey_namesTheTestSchemaFile(String id) throws IOException {
    Path tests =
        Path.of("..", "forms-" + id, "src", "main", "resources", "registries", id, "tests");
    try (Stream<Path> files = Files.list(tests)) {
      for (Path file : files.toList()) {
        JsonNode schema = JSON.readTree(file.toFile()).path("$schema");
        assertThat(tests.resolve(schema.asText()).normalize())
            .as(file.toString())
            .hasSameTextualContentAs(SCHEMAS.resolve("test.json"));
      }
    }
  }

  @Test
  void missingTranslations_nynorskAskedFor_everyTextListedAtItsPlace() {
    Diagnostics none =
        DefinitionLoader.create().missingTranslations(TestRegistry.folder(), List.of("nb", "en"));
    Diagnostics nynorsk =
        DefinitionLoader.create()
            .missingTranslations(TestRegistry.folder(), List.of("nb", "nn", "en"));

    assertThat(none.issues()).isEmpty();
    assertThat(nynorsk.issues())
        .extracting(Issue::code)
        .containsOnly(IssueCode.MISSING_TRANSLATION);
    assertThat(nynorsk.issues())
        .extracting(Issue::toDisplayString)
        .contains(
            "codelists/sex.json:3:12: error: text has no Norwegian Nynorsk version 'nn'; add \"nn\" beside nb, en\n"
                + "    at /title")
        .contains(
            "codelists/sex.json:7:28: error: text has no Norwegian Nynorsk version 'nn'; add \"nn\" beside nb, en\n"
                + "    at /codes/0/label");
  }

  @Test
  void missingTranslations_countsEveryTextOfTheFormat() throws IOException {
    Path folder = copyOfTestRegistry();
    Path sex = folder.resolve("codelists/sex.json");
    Files.writeString(
        sex,
        Files.readString(sex).replace("\"en\": \"Male\"", "\"nn\": \"Mann\", \"en\": \"Male\""));

    List<Issue> issues =
        DefinitionLoader.create().missingTranslations(folder, List.of("nn")).issues();

    assertThat(issues).hasSize(textsOf(TestRegistry.folder()) - 1);
    assertThat(issues)
        .extracting(Issue::toDisplayString)
        .noneMatch(issue -> issue.startsWith("codelists/sex.json:7:"))
        .anyMatch(issue -> issue.startsWith("codelists/sex.json:8:"));
  }

  /** Texts counted apart from the schemas: objects whose keys are all languages. */
  private static int textsOf(Path folder) throws IOException {
    int count = 0;
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        if (!kindOf(folder.relativize(file).toString()).isEmpty())
          count += texts(JSON.readTree(file.toFile()));
      }
    }
    return count;
  }

  private static int texts(JsonNode node) {
    if (node.isObject() && node.has("nb") && node.size() <= 4) return 1;
    int count = 0;
    for (JsonNode child : node) count += texts(child);
    return count;
  }

  private static String kindOf(String file) {
    if (file.equals("registry.json")) return "registry.json";
    if (file.equals("synthetic.json")) return "synthetic.json";
    if (file.startsWith("forms/")) return "form.json";
    if (file.startsWith("codelists/")) return "codelist.json";
    if (file.startsWith("indicators/")) return "indicator.json";
    if (file.startsWith("library/")) return "library.json";
    return "";
  }

  private static Schema schemaFromFile(String name) throws IOException {
    Path file = SCHEMAS.resolve(name).toAbsolutePath();
    try (InputStream in = Files.newInputStream(file)) {
      return SchemaLoader.builder()
          .resolutionScope(file.toUri().toString())
          .schemaJson(new JSONObject(new JSONTokener(in)))
          .draftV7Support()
          .build()
          .load()
          .build();
    }
  }

  private Path copyOfTestRegistry() throws IOException {
    return Folders.copy(TestRegistry.folder(), temp.resolve("test"));
  }
}
