package no.regforms.presentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.export.ExportFile;
import no.regforms.export.ExportFormat;
import no.regforms.export.MetadataExporter;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorReport;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.render.FormRenderer;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup put into every text of a definition (every language of every label, title, help,
 * description, message, note text, code and missing-value label, the developer notes and units)
 * reaches every HTML output as text: form pages and fragments in each language, the index, both
 * codebooks and the indicator report in each language.
 */
class MarkupInDefinitionTest {

  private static final String MARKUP = "<b class='x' onclick=\"alert(1)\">&amp;</b>";

  /** Units are short symbols (at most 32 characters): they get a shorter piece of markup. */
  private static final String UNIT_MARKUP = "<b class=u>";

  private static final String RAW = "<b class=";
  private static final String ESCAPED = "&lt;b class=";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;

  private static Registry registry;
  private static int texts;

  @BeforeAll
  static void load() throws IOException {
    Path folder = temp.resolve("test");
    Path source = Path.of("src/test/resources/registries/test");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = folder.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          JsonNode root = JSON.readTree(file.toFile());
          markTexts(root);
          JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), root);
        }
      }
    }
    registry = DefinitionLoader.create().load(folder).registryOrThrow();
  }

  /** Appends the markup to every text in a language, every note and every unit. */
  private static void markTexts(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      boolean localized =
          object.size() > 0 && Set.of("nb", "nn", "en").containsAll(iterable(object.fieldNames()));
      for (String field : iterable(object.fieldNames())) {
        JsonNode value = object.get(field);
        if (value.isTextual() && (localized || field.equals("notes") || field.equals("unit"))) {
          object.set(
              field,
              TextNode.valueOf(value.asText() + (field.equals("unit") ? UNIT_MARKUP : MARKUP)));
          texts++;
        } else {
          markTexts(value);
        }
      }
    } else if (node.isArray()) {
      node.forEach(MarkupInDefinitionTest::markTexts);
    }
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  void outputs_markupInEveryDefinitionText_showItAsText() {
    assertThat(texts).as("texts marked").isGreaterThan(50);
    Map<String, String> outputs = new LinkedHashMap<>();
    FormRenderer renderer = FormRenderer.create();
    for (String lang : MessageCatalogue.LANGUAGES) {
      for (Form form : registry.forms().values()) {
        outputs.put(form.id() + " page " + lang, renderer.renderPage(registry, form, lang));
        outputs.put(form.id() + " fragment " + lang, renderer.renderFragment(registry, form, lang));
      }
      outputs.put("index " + lang, renderer.renderIndex(registry, lang, Map.of()));
    }
    for (ExportFile file :
        MetadataExporter.create().export(registry, ExportFormat.CODEBOOK).files()) {
      if (file.name().endsWith(".html")) outputs.put(file.name(), file.content());
    }
    IndicatorResults results = indicatorResults();
    assertThat(results.of("treated_share")).isNotEmpty();
    for (String lang : MessageCatalogue.LANGUAGES) {
      outputs.put(
          "report " + lang,
          IndicatorReport.of(registry, lang).render(results, 2024, GroupLevel.HF));
    }

    assertThat(outputs).hasSizeGreaterThan(15);
    outputs.forEach(
        (name, html) -> {
          assertThat(html).as(name).doesNotContain(RAW).doesNotContain("onclick=\"alert");
          // The page's script model carries the texts as JSON, with < written \u003c.
          assertThat(html.contains(ESCAPED) || html.contains("\\u003cb class="))
              .as(name + " shows the texts")
              .isTrue();
        });
    assertThat(outputs.get("codebook/codebook-developer.html"))
        .as("notes in the developer codebook")
        .contains(ESCAPED);
  }

  private static IndicatorResults indicatorResults() {
    List<Record> records = new ArrayList<>();
    SyntheticDataGenerator.of(
            registry,
            SyntheticProfile.uniform(List.copyOf(registry.forms().keySet())),
            TestRegistry.TODAY)
        .generate(200, 3, 0, r -> records.add(r.record()));
    return IndicatorCalculator.of(registry)
        .calculate(records.iterator(), RunOptions.years(2023, 2024));
  }
}
