package no.regforms.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.testing.Folders;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged copies of the three registries and of their records, made by seeded mutation: each gives
 * located issues and nothing else. A definition issue names a file and a line or a JSON pointer; a
 * record issue carries the record's line and a path; nothing throws. See {@code docs/fuzzing.md}.
 */
class MutationCorpusTest {

  private static final long SEED = 20_250_610L;
  private static final int DEFINITIONS_PER_REGISTRY = 170;
  private static final int RECORDS_PER_REGISTRY = 1700;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void mutatedDefinitions_eachGivesLocatedIssuesOnly(String id) throws IOException {
    Path full = Folders.copyOfModule(id, temp.resolve(id));
    List<Path> views = views(full);
    Random random = new Random(SEED + id.hashCode());
    Mutator mutator = new Mutator(random);
    List<String> unlocated = new ArrayList<>();
    int withErrors = 0;
    for (int i = 0; i < DEFINITIONS_PER_REGISTRY; i++) {
      Path folder = views.get(random.nextInt(views.size()));
      List<Path> files = jsonFiles(folder);
      Path file = files.get(random.nextInt(files.size()));
      String original = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(file, mutator.mutate(original), StandardCharsets.UTF_8);
      String label = id + " #" + i + " " + full.relativize(file) + " (" + mutator.last + ")";
      LoadResult result = LOADER.load(folder);
      for (Issue issue : result.diagnostics().issues()) {
        if (!(issue.location() instanceof SourceLocation at)
            || at.file().isEmpty()
            || !(at.hasPosition() || !at.jsonPointer().isEmpty())) {
          unlocated.add(label + ": " + issue.toDisplayString());
        }
      }
      withErrors += result.hasErrors() ? 1 : 0;
      Files.writeString(file, original, StandardCharsets.UTF_8);
    }
    assertThat(unlocated).isEmpty();
    // Most mutations break the definition; a corpus the loader always accepted would test nothing.
    assertThat(withErrors).isGreaterThan(DEFINITIONS_PER_REGISTRY / 2);
  }

  /**
   * The registry itself, and a copy per form holding only that form beside the registry's other
   * files (no indicators and no synthetic profile, which name every form): a damaged form then
   * loads without the rest, which keeps the corpus fast.
   */
  private static List<Path> views(Path full) throws IOException {
    List<Path> views = new ArrayList<>(List.of(full));
    for (Path form : jsonFiles(full.resolve("forms"))) {
      Path view =
          full.resolveSibling(
              full.getFileName() + "-" + form.getFileName().toString().replace(".json", ""));
      Folders.copy(full, view);
      for (Path other : jsonFiles(view.resolve("forms"))) {
        if (!other.getFileName().equals(form.getFileName())) {
          Files.delete(other);
        }
      }
      for (Path indicator : jsonFiles(view.resolve("indicators"))) {
        Files.delete(indicator);
      }
      Files.deleteIfExists(view.resolve("synthetic.json"));
      views.add(view);
    }
    return views;
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void mutatedRecords_eachGivesLocatedIssuesOnly(String id) throws IOException {
    Registry registry = LOADER.loadModule(id).registryOrThrow();
    RecordValidator validator = RecordValidator.of(registry);
    List<String> records = syntheticRecords(registry);
    Random random = new Random(SEED - id.hashCode());
    Mutator mutator = new Mutator(random);
    List<String> unlocated = new ArrayList<>();
    int withIssues = 0;
    for (int line = 1; line <= RECORDS_PER_REGISTRY; line++) {
      String mutated =
          mutator.mutate(records.get(random.nextInt(records.size()))).replace('\n', ' ');
      RecordLine read = RecordParser.parse(mutated, line);
      List<Issue> issues = new ArrayList<>();
      read.problem().ifPresent(issues::add);
      read.record()
          .ifPresent(record -> issues.addAll(validator.validate(record).diagnostics().issues()));
      for (Issue issue : issues) {
        if (!(issue.location() instanceof RecordPath path)
            || path.line() != line
            || issue.code() == null) {
          unlocated.add(
              id + " line " + line + " (" + mutator.last + "): " + issue.toDisplayString());
        }
      }
      withIssues += issues.isEmpty() ? 0 : 1;
    }
    assertThat(unlocated).isEmpty();
    assertThat(withIssues).isGreaterThan(RECORDS_PER_REGISTRY / 2);
  }

  /** Seeded synthetic patients of the registry, one record per JSON text. */
  private static List<String> syntheticRecords(Registry registry) {
    SyntheticProfile profile = registry.syntheticProfile().orElseThrow();
    List<String> out = new ArrayList<>();
    SyntheticDataGenerator.of(registry, profile, LocalDate.of(2025, 6, 1))
        .generate(
            40,
            SEED,
            0.2,
            synthetic ->
                out.add(JsonLinesRecordWriter.toJson(synthetic.record(), Map.of()).toString()));
    return out;
  }

  /** One seeded mutation of a JSON text: of its tree (most) or of its characters. */
  private static final class Mutator {
    private static final List<JsonNode> REPLACEMENTS =
        List.of(
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.numberNode(1e300),
            JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("0.0000001")),
            JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.textNode("<script>alert(1)</script>"),
            JsonNodeFactory.instance.textNode("x".repeat(5000)),
            JsonNodeFactory.instance.textNode("((a and"),
            JsonNodeFactory.instance.textNode("2024-02-30"),
            JsonNodeFactory.instance.textNode("Ø\u0000\uFFFD"),
            JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.arrayNode());

    private final Random random;
    String last = "";

    Mutator(Random random) {
      this.random = random;
    }

    String mutate(String text) throws IOException {
      if (random.nextInt(5) == 0) {
        return mutateText(text);
      }
      JsonNode root = JSON.readTree(text);
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode container = containers.get(random.nextInt(containers.size()));
      if (container instanceof ObjectNode object && object.size() > 0) {
        mutateObject(object);
      } else if (container instanceof ArrayNode array && array.size() > 0) {
        mutateArray(array);
      } else {
        last = "emptied container left as is";
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private void mutateObject(ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      String key = keys.get(random.nextInt(keys.size()));
      switch (random.nextInt(4)) {
        case 0 -> {
          object.remove(key);
          last = "dropped " + key;
        }
        case 1 -> {
          JsonNode value = object.remove(key);
          String renamed = key.length() > 1 ? key.substring(0, key.length() - 1) : key + "x";
          object.set(renamed, value);
          last = "renamed " + key + " to " + renamed;
        }
        case 2 -> {
          object.set(
              "unexpected_" + random.nextInt(10),
              REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
          last = "added a key";
        }
        default -> {
          JsonNode value = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
          object.set(key, value);
          last = "set " + key + " to " + abbreviated(value);
        }
      }
    }

    private void mutateArray(ArrayNode array) {
      int index = random.nextInt(array.size());
      switch (random.nextInt(3)) {
        case 0 -> {
          array.removeAll();
          last = "emptied an array";
        }
        case 1 -> {
          array.add(array.get(index).deepCopy());
          last = "duplicated an element";
        }
        default -> {
          JsonNode value = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
          array.set(index, value);
          last = "element " + index + " set to " + abbreviated(value);
        }
      }
    }

    private String mutateText(String text) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(3)) {
        case 0 -> {
          last = "cut at " + at;
          return text.substring(0, at);
        }
        case 1 -> {
          last = "character dropped at " + at;
          return text.substring(0, at) + text.substring(at + 1);
        }
        default -> {
          char stray = "\"{}[],:\\x".charAt(random.nextInt(9));
          last = "'" + stray + "' inserted at " + at;
          return text.substring(0, at) + stray + text.substring(at);
        }
      }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
      if (node.isContainerNode()) {
        out.add(node);
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
          collect(children.next(), out);
        }
      }
    }

    private static String abbreviated(JsonNode value) {
      String text = value.toString();
      return text.length() > 30 ? text.substring(0, 30) + "..." : text;
    }
  }
}
