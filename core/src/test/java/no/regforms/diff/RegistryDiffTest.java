package no.regforms.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diff.DefinitionChange.Impact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes between two definitions, located in both and classified for existing data. */
class RegistryDiffTest {

  private static final Path FIXTURE =
      Path.of("src", "test", "resources", "registries", "versioned");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static Registry load(Path folder) {
    return DefinitionLoader.create().load(folder).registryOrThrow();
  }

  private Path copy() throws IOException {
    Path target = temp.resolve("new");
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(FIXTURE.relativize(file).toString());
        if (Files.isDirectory(file)) Files.createDirectories(to);
        else Files.copy(file, to);
      }
    }
    return target;
  }

  private static ObjectNode item(JsonNode form, String id) {
    for (JsonNode item : form.get("items")) {
      if (id.equals(item.path("variable").asText())) return (ObjectNode) item;
    }
    throw new IllegalArgumentException(id);
  }

  private static DefinitionChange find(List<DefinitionChange> changes, String subject) {
    return changes.stream()
        .filter(c -> c.subject().equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError(subject + " in " + changes));
  }

  @Test
  void between_editedCopy_classifiesEachChangeAndLocatesItInBoth() throws IOException {
    Path edited = copy();
    Path formFile = edited.resolve("forms/visit.json");
    ObjectNode form = (ObjectNode) JSON.readTree(formFile.toFile());
    ((ArrayNode) item(form, "weight_kg").get("range")).set(1, 300); // narrowed
    ((ArrayNode) item(form, "age").get("range")).set(1, 130); // widened
    item(form, "seen_on").putObject("label").put("nb", "Konsultasjonsdato"); // wording
    item(form, "smokes").put("required", true); // required added
    ((ArrayNode) form.get("items")).addObject().put("variable", "note_text").put("type", "text");
    JSON.writeValue(formFile.toFile(), form);
    Path listFile = edited.resolve("codelists/tobacco.json");
    ObjectNode list = (ObjectNode) JSON.readTree(listFile.toFile());
    ((ArrayNode) list.get("codes")).remove(1); // 'former' removed
    JSON.writeValue(listFile.toFile(), list);

    List<DefinitionChange> changes = RegistryDiff.between(load(FIXTURE), load(edited));

    DefinitionChange narrowed = find(changes, "form visit, variable weight_kg");
    assertThat(narrowed.impact()).isEqualTo(Impact.BREAKING);
    assertThat(narrowed.what()).contains("range narrowed from [1, 400] to [1, 300]");
    assertThat(narrowed.before().orElseThrow().file()).isEqualTo("forms/visit.json");
    assertThat(narrowed.after().orElseThrow().jsonPointer()).isEqualTo("/items/4");
    assertThat(find(changes, "form visit, variable age").impact()).isEqualTo(Impact.COMPATIBLE);
    assertThat(find(changes, "form visit, variable seen_on").impact()).isEqualTo(Impact.WORDING);
    assertThat(find(changes, "form visit, variable smokes").what()).isEqualTo("now required");
    assertThat(find(changes, "form visit, variable note_text").impact())
        .isEqualTo(Impact.COMPATIBLE);
    DefinitionChange removed = find(changes, "code list tobacco, code former");
    assertThat(removed.impact()).isEqualTo(Impact.BREAKING);
    assertThat(removed.after()).isEmpty();
  }

  @Test
  void between_identicalDefinitions_noChange() {
    assertThat(RegistryDiff.between(load(FIXTURE), load(FIXTURE))).isEmpty();
  }

  @Test
  void between_versionsOfOneHistory_migratedRemovalsAreCompatible() {
    Registry current = load(FIXTURE);
    List<DefinitionChange> changes =
        RegistryDiff.between(current.atVersion("2020.1").orElseThrow(), current);

    assertThat(find(changes, "form visit, variable weight_lb").impact())
        .isEqualTo(Impact.COMPATIBLE);
    assertThat(find(changes, "form visit, variable weight_lb").what())
        .contains("renamed to weight_kg");
    assertThat(find(changes, "form visit, variable tobacco").what())
        .contains("split into smokes, ever_smoked");
    assertThat(find(changes, "code list tobacco, code occasional").impact())
        .isEqualTo(Impact.COMPATIBLE);
    assertThat(find(changes, "form visit, rule diastolic_below_systolic").impact())
        .isEqualTo(Impact.COMPATIBLE);
    assertThat(find(changes, "inclusion criterion adult").impact()).isEqualTo(Impact.BREAKING);
  }
}
