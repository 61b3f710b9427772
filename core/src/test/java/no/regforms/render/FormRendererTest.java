package no.regforms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML a renderer writes, read as text: structure, escaping, script safety, overrides. */
class FormRendererTest {

  private static Registry registry;
  private static Form form;

  @BeforeAll
  static void load() {
    registry =
        DefinitionLoader.create()
            .load(Path.of("src/test/resources/render/clinic"))
            .registryOrThrow();
    form = registry.formOrThrow("visit");
  }

  @Test
  void renderPage_markupInDefinitionTexts_isEscaped() {
    String html = FormRenderer.create().renderPage(registry, form, "nb");
    assertThat(html)
        .contains("&lt;script&gt;window.rfLabelRan = true&lt;/script&gt;")
        .contains("&lt;img src=x onerror=&#34;window.rfInjected = true&#34;&gt;")
        .doesNotContain("<img")
        .doesNotContain("<script>window.rfLabelRan");
  }

  @Test
  void renderPage_embeddedModelAndScripts_cannotCloseTheirScriptElement() {
    String html = FormRenderer.create().renderPage(registry, form, "nb");
    Matcher scripts = Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group(1)).doesNotContain("<!--").doesNotContainIgnoringCase("<script");
    }
    assertThat(count).isEqualTo(3);
    // re2js's own objects have eval methods ("eval(input, pos) {", "prefilter.eval("); the global
    // eval is never called.
    assertThat(html)
        .doesNotContainPattern("(?<![.\\w])eval\\([^)]*\\)(?!\\s*\\{)")
        .doesNotContain("new Function");
  }

  @Test
  void renderPage_regexEngine_onlyOnPagesThatUsePatterns() {
    Registry test = no.regforms.testing.TestRegistry.registry();
    String withPattern = FormRenderer.create().renderPage(registry, form, "nb");
    String withoutPattern = FormRenderer.create().renderPage(test, test.formOrThrow("prom"), "nb");
    assertThat(withPattern).contains("* re2js").contains("\"pattern\":\"[A-Z]{2}-[0-9]{4}\"");
    assertThat(withoutPattern).doesNotContain("* re2js");
  }

  @Test
  void renderPage_variables_getAccessibleControls() {
    String html = FormRenderer.create().renderPage(registry, form, "nb");
    assertThat(html)
        .contains("<label class=\"rf-label\" for=\"rf-weight\">")
        .contains(
            "<input type=\"number\" id=\"rf-weight\" name=\"rf-weight\" class=\"rf-input\" aria-describedby=\"rf-weight-help rf-weight-msg\" min=\"1\" max=\"400\" step=\"0.1\">")
        .contains("<span class=\"rf-unit\">kg</span>")
        .contains("<input type=\"month\" id=\"rf-onset\"")
        .contains("<input type=\"date\" id=\"rf-visit_date\"")
        .contains("<legend>Konsultasjon</legend>")
        .contains("<div class=\"rf-msg\" id=\"rf-weight-msg\" aria-live=\"polite\"></div>")
        .contains("class=\"rf-missing\" value=\"unknown\"> Ukjent")
        .contains("<output class=\"rf-computed\" id=\"rf-bmi\"")
        .contains("<select id=\"rf-drugs-__ROW__-drug\"")
        .contains("type=\"checkbox\" id=\"rf-symptoms-pain-")
        .contains("type=\"radio\" id=\"rf-smoking-daily-");
  }

  @Test
  void renderPage_english_usesEnglishTextsAndMessages() {
    String html = FormRenderer.create().renderPage(registry, form, "en");
    assertThat(html)
        .contains("<html lang=\"en\">")
        .contains("Outpatient visit")
        .contains("Submit")
        .contains("The value must be between 1 and 400")
        .doesNotContain("Verdien må være mellom");
  }

  @Test
  void renderPage_hostTemplates_overrideBuiltIns() {
    FormRenderer renderer =
        FormRenderer.builder().templates(Path.of("src/test/resources/render/override")).build();
    String html = renderer.renderPage(registry, form, "nb");
    assertThat(html)
        .contains("<title>Host: Poliklinisk konsultasjon</title>")
        .contains("class=\"rf-form\"");
  }

  @Test
  void renderPage_submitUrl_isInTheModel() {
    String html =
        FormRenderer.builder()
            .submitUrl("https://example.org/records?x=1&y=<2>")
            .build()
            .renderPage(registry, form, "nb");
    assertThat(html)
        .contains("\"submitUrl\":\"https://example.org/records?x=1\\u0026y=\\u003c2\\u003e\"");
  }

  @Test
  void renderFragment_form_hasNoDocumentShell() {
    String html = FormRenderer.create().renderFragment(registry, form, "nb");
    assertThat(html)
        .startsWith("<div class=\"regforms\"")
        .doesNotContain("<html")
        .doesNotContain("<body");
  }

  @Test
  void renderIndex_forms_areListedWithLinks() {
    String html =
        FormRenderer.create().renderIndex(registry, "nb", Map.of("visit", "visit.nb.html"));
    assertThat(html).contains("<a href=\"visit.nb.html\">Poliklinisk konsultasjon</a>");
  }

  @Test
  void renderPage_formOfAnotherRegistry_isRejected() {
    Registry other =
        DefinitionLoader.create()
            .load(Path.of("src/test/resources/render/clinic"))
            .registryOrThrow();
    assertThatThrownBy(() -> FormRenderer.create().renderPage(other, form, "nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a form of registry");
  }

  @Test
  void renderPage_badLanguage_isRejected() {
    assertThatThrownBy(() -> FormRenderer.create().renderPage(registry, form, "nb\"><script>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
