package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Form;
import no.regforms.definition.Indicator;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.presentation.MessageCatalogue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the canonical codebook back with Commons CSV and checks it as rapwhale's codebook validator
 * would.
 */
class CodebookExportTest {

  /** The variable-level columns, which are filled down on every row of a variable. */
  private static final List<String> VARIABLE_COLUMNS =
      List.of(
          "skjema_id",
          "skjemanamn",
          "kategori",
          "innleiing",
          "variabel_id",
          "variabeletikett",
          "forklaring",
          "variabeltype",
          "eining",
          "unik",
          "obligatorisk",
          "desimalar",
          "min",
          "maks",
          "min_rimeleg",
          "maks_rimeleg",
          "kommentar_rimeleg",
          "utrekningsformel",
          "logikk",
          "kommentar");

  private static List<CSVRecord> read(String csv, List<String> header) throws IOException {
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv))) {
      header.addAll(parser.getHeaderNames());
      return parser.getRecords();
    }
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void codebookCsv_readBack_followsTheCanonicalFormat(String id) throws IOException {
    Registry registry = Registries.load(id);
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.CODEBOOK);
    List<String> header = new ArrayList<>();
    List<CSVRecord> rows = read(result.fileOrThrow(CodebookExport.CSV_FILE).content(), header);

    assertThat(header).hasSize(23).containsExactlyElementsOf(CodebookExport.COLUMNS);
    Map<String, List<CSVRecord>> byVariable = new LinkedHashMap<>();
    rows.forEach(
        r ->
            byVariable
                .computeIfAbsent(
                    r.get("skjema_id") + "/" + r.get("variabel_id"), k -> new ArrayList<>())
                .add(r));
    assertThat(byVariable).hasSize(registry.variableCount());

    for (Form form : registry.forms().values()) {
      for (FormWalk.Entry entry : FormWalk.entries(form)) {
        Variable v = entry.variable();
        List<CSVRecord> own = byVariable.get(form.id() + "/" + v.id());
        assertThat(own).as("rows of %s.%s", form.id(), v.id()).isNotNull();
        for (String column : VARIABLE_COLUMNS) {
          assertThat(own)
              .extracting(r -> r.get(column))
              .as("%s filled down", column)
              .containsOnly(own.get(0).get(column));
        }
        List<String> values =
            own.stream().map(r -> r.get("verdi")).filter(x -> !x.isEmpty()).toList();
        assertThat(values).doesNotHaveDuplicates();
        int codes = v.codeList().flatMap(registry::codeList).map(l -> l.codes().size()).orElse(0);
        assertThat(values).hasSize(codes + v.missing().size());
        assertThat(
                own.stream()
                    .filter(r -> r.get("manglande").equals("ja"))
                    .map(r -> r.get("verdi"))
                    .toList())
            .containsExactlyElementsOf(v.missing());
        if (v.type().isCoded()) {
          assertThat(own.get(0).get("variabeltype")).isIn("kategorisk", "utrekna");
        }
        assertThat(own.get(0).get("obligatorisk")).isEqualTo(v.required() ? "ja" : "nei");
        assertThat(own.get(0).get("variabel_id")).matches("[a-z][a-z0-9_]*");
        String min = own.get(0).get("min");
        String max = own.get(0).get("maks");
        if (v.type().isNumeric() && !min.isEmpty() && !max.isEmpty()) {
          assertThat(new BigDecimal(min)).isLessThanOrEqualTo(new BigDecimal(max));
        }
        if (!own.get(0).get("desimalar").isEmpty()) {
          assertThat(Integer.parseInt(own.get(0).get("desimalar"))).isNotNegative();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void codebookHtml_everyVariableRuleAndIndicator_isListed(String id) {
    Registry registry = Registries.load(id);
    String html =
        MetadataExporter.create()
            .export(registry, ExportFormat.CODEBOOK)
            .fileOrThrow(CodebookExport.HTML_FILE)
            .content();

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    for (Form form : registry.forms().values()) {
      assertThat(html).contains("id=\"form-" + form.id() + "\"");
      FormWalk.entries(form)
          .forEach(e -> assertThat(html).contains("<code>" + e.variable().id() + "</code>"));
      form.rules().forEach(r -> assertThat(html).contains("<code>" + r.id() + "</code>"));
    }
    for (Indicator indicator : registry.indicators().values()) {
      assertThat(html).contains("id=\"indicator-" + indicator.id() + "\"");
    }
    assertThat(html).doesNotContain("$");
  }

  @Test
  void codebookHtml_definitionTextsWithMarkup_areEscaped() {
    String html =
        MetadataExporter.create()
            .export(Registries.load("tricky"), ExportFormat.CODEBOOK)
            .fileOrThrow(CodebookExport.HTML_FILE)
            .content();

    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<b>fet</b>")
        .doesNotContain("<em>ærlig</em>")
        .doesNotContain("<i>");
    assertThat(html)
        .contains("Bekymring &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Testregister &lt;b&gt;fet&lt;/b&gt; &amp; &#34;sitat&#34;")
        .contains("Oppgi vekt &lt;når&gt; du røyker");
  }

  @Test
  void codebookHtml_conditions_areAlsoGivenInWords() {
    String html =
        MetadataExporter.create()
            .export(Registries.load("tricky"), ExportFormat.CODEBOOK)
            .fileOrThrow(CodebookExport.HTML_FILE)
            .content();

    assertThat(html)
        .contains("«Røyker du?» er ja")
        .contains(
            "dager fra «Svardato» til dagens dato er større enn 30 eller «Søvnvansker» er &#39;2&#39;");
  }

  @Test
  void codebookHtml_fixedTexts_comeFromTheNynorskCatalogue() {
    String html =
        MetadataExporter.create()
            .export(Registries.load("ms"), ExportFormat.CODEBOOK)
            .fileOrThrow(CodebookExport.DEVELOPER_HTML_FILE)
            .content();
    MessageCatalogue nn = MessageCatalogue.of("nn");

    assertThat(html)
        .contains("<h1>" + nn.text("codebook.developerTitle") + ": ")
        .contains("<p>" + nn.text("codebook.developerIntro") + "</p>")
        .contains("<h2>" + nn.text("codebook.codeLists") + "</h2>")
        .contains("<th>" + nn.text("codebook.shownWhen") + "</th>")
        .contains(nn.text("codebook.detail.required") + "<br>");
    assertThat(html).doesNotContain(MessageCatalogue.of("en").text("codebook.developerIntro"));
  }
}
