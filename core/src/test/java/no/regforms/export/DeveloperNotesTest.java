package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import no.regforms.definition.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry developers' notes reach the codebook's developer view and no other export file. */
class DeveloperNotesTest {

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void export_everyFormat_leavesTheNotesOut(ExportFormat format) {
    ExportResult result = MetadataExporter.create().export(Registries.load("tricky"), format);

    assertThat(result.files()).isNotEmpty();
    result.files().stream()
        .filter(file -> !file.name().equals(CodebookExport.DEVELOPER_HTML_FILE))
        .forEach(
            file ->
                assertThat(file.content())
                    .as(file.name())
                    .doesNotContain("testen selv")
                    .doesNotContain("i kg (seed"));
  }

  @Test
  void codebookDeveloperHtml_notes_shownEscapedBesideTheirElement() {
    Registry registry = Registries.load("tricky");
    String html =
        MetadataExporter.create()
            .export(registry, ExportFormat.CODEBOOK)
            .fileOrThrow(CodebookExport.DEVELOPER_HTML_FILE)
            .content();

    assertThat(html)
        .contains("<p class=\"notes\">Kilde: testen selv (001:L1).</p>")
        .contains("<div class=\"notes\">Antakelse: &lt;b&gt;vekt&lt;/b&gt; i kg (seed 004).</div>")
        .doesNotContain("<b>vekt</b>");
    assertThat(html.indexOf("<code>weight</code>")).isLessThan(html.indexOf("&lt;b&gt;vekt"));
  }
}
