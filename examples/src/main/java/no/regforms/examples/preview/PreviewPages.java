package no.regforms.examples.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import no.regforms.definition.Form;
import no.regforms.definition.Indicator;
import no.regforms.definition.Registry;
import no.regforms.export.ExportFormat;
import no.regforms.export.MetadataExporter;
import no.regforms.presentation.HtmlEscaping;
import no.regforms.presentation.Templates;
import no.regforms.render.FormRenderer;

/**
 * The preview's HTML: its own pages (index, source view, messages) from the Velocity templates
 * under {@code templates/preview/}, and the engine's pages (forms from {@link FormRenderer}, the
 * codebook, the indicator report) with the preview's bar put in at the top of the body. Every
 * reference a template inserts is HTML-escaped ({@link HtmlEscaping}, through the engine's {@link
 * Templates}). Thread-safe.
 */
final class PreviewPages {

  /** Where a page posts its record: the server validates it in the page's language. */
  static final String RECORDS_PATH = "/records";

  /**
   * Where a form page asks why: the server explains the page's record ({@code
   * RecordValidator.explain}).
   */
  static final String EXPLAIN_PATH = "/explain";

  private final Path folder;
  private final Optional<Path> data;
  private final Map<String, FormRenderer> renderers = new ConcurrentHashMap<>();

  PreviewPages(Path folder, Optional<Path> data) {
    this.folder = folder;
    this.data = data;
  }

  /** The index: forms, indicators, codebook and definition files. */
  String index(Version version) {
    Map<String, Object> context = context(version, List.of());
    String title = version.registry().map(r -> r.title().in(mainLanguage(r))).orElse(folderName());
    context.put("pageTitle", title);
    context.put("body", "templates/preview/index.vm");
    context.put("files", definitionFiles());
    version
        .registry()
        .ifPresent(
            registry -> {
              String lang = mainLanguage(registry);
              context.put("registryId", registry.id());
              context.put("registryVersion", registry.version());
              List<Map<String, Object>> forms = new ArrayList<>();
              for (Form form : registry.forms().values()) {
                forms.add(
                    Map.of(
                        "id",
                        form.id(),
                        "title",
                        form.title().in(lang),
                        "links",
                        formLinks(registry, form)));
              }
              context.put("forms", forms);
              List<Map<String, String>> indicators = new ArrayList<>();
              for (Indicator indicator : registry.indicators().values()) {
                indicators.add(
                    Map.of(
                        "id",
                        indicator.id(),
                        "title",
                        indicator.title().in(lang),
                        "type",
                        indicator.type().name().toLowerCase(Locale.ROOT)));
              }
              context.put("indicators", indicators);
              context.put("reportLinks", data.isPresent() ? reportLinks(registry) : List.of());
              context.put("dataName", data.map(p -> p.getFileName().toString()).orElse(""));
            });
    return merge("templates/preview/page.vm", context);
  }

  /**
   * The form {@code formId} in {@code lang}, fillable, posting its record to the preview; empty if
   * there is no such form.
   */
  Optional<String> form(Version version, String formId, String lang) {
    Optional<Registry> registry = version.registry();
    if (registry.isEmpty() || !registry.get().languages().contains(lang)) {
      return Optional.empty();
    }
    return registry
        .get()
        .form(formId)
        .map(
            form -> {
              FormRenderer renderer =
                  renderers.computeIfAbsent(
                      lang,
                      l -> FormRenderer.builder().submitUrl(RECORDS_PATH + "?lang=" + l).build());
              String page = renderer.renderPage(registry.get(), form, lang);
              return withBar(
                  page,
                  version,
                  formLinks(registry.get(), form),
                  Optional.of(EXPLAIN_PATH + "?lang=" + lang));
            });
  }

  /** The codebook's developer view (HTML, with the notes), or empty before a version has loaded. */
  Optional<String> codebook(Version version) {
    return version
        .registry()
        .map(
            registry -> {
              String page =
                  MetadataExporter.create()
                      .export(registry, ExportFormat.CODEBOOK)
                      .fileOrThrow("codebook/codebook-developer.html")
                      .content();
              return withBar(page, version, List.of(), Optional.empty());
            });
  }

  /** An indicator report page (from the engine) with the preview's bar. */
  String report(Version version, String page) {
    return withBar(
        page,
        version,
        version.registry().map(this::reportLinks).orElse(List.of()),
        Optional.empty());
  }

  /** Definition file {@code file} with numbered lines, each addressable as {@code #L<n>}. */
  String source(Version version, String file, String text) {
    Map<String, Object> context = context(version, List.of());
    context.put("pageTitle", file);
    context.put("body", "templates/preview/source.vm");
    context.put("file", file);
    context.put("lines", List.of(text.split("\r?\n", -1)));
    return merge("templates/preview/page.vm", context);
  }

  /** A page saying {@code message} (a page that does not exist, a report without data). */
  String message(Version version, String title, String message) {
    Map<String, Object> context = context(version, List.of());
    context.put("pageTitle", title);
    context.put("body", "templates/preview/message.vm");
    context.put("message", message);
    return merge("templates/preview/page.vm", context);
  }

  private Map<String, Object> context(Version version, List<Map<String, String>> links) {
    Map<String, Object> context = new HashMap<>();
    context.put("generation", version.generation());
    context.put(
        "registryTitle",
        version.registry().map(r -> r.title().in(mainLanguage(r))).orElse(folderName()));
    context.put("folderName", folderName());
    context.put("links", links);
    context.put("errors", version.errors().stream().map(PreviewPages::issueView).toList());
    context.put("warnings", version.warnings().stream().map(PreviewPages::issueView).toList());
    context.put("hasRegistry", version.registry().isPresent());
    context.put("explainUrl", ""); // only form pages ask why
    return context;
  }

  /** {@code page} with the preview's bar as the first thing in its body. */
  private String withBar(
      String page, Version version, List<Map<String, String>> links, Optional<String> explainUrl) {
    Map<String, Object> context = context(version, links);
    context.put("explainUrl", explainUrl.orElse(""));
    String bar = merge("templates/preview/panel.vm", context);
    int body = page.indexOf("<body");
    int at = body < 0 ? -1 : page.indexOf('>', body);
    if (at < 0) {
      throw new IllegalStateException("page without <body>");
    }
    return page.substring(0, at + 1) + "\n" + bar + page.substring(at + 1);
  }

  private List<Map<String, String>> formLinks(Registry registry, Form form) {
    return registry.languages().stream()
        .map(
            lang ->
                link(
                    "/form/" + form.id() + "/" + lang,
                    lang,
                    form.title().in(lang) + " (" + lang + ")"))
        .toList();
  }

  private List<Map<String, String>> reportLinks(Registry registry) {
    return registry.languages().stream()
        .filter(IndicatorReports.LANGUAGES::contains)
        .map(lang -> link("/indicators/" + lang, lang, "report (" + lang + ")"))
        .toList();
  }

  /** Every definition file of the folder, as links to its source view. */
  private List<Map<String, String>> definitionFiles() {
    List<Map<String, String>> files = new ArrayList<>();
    try (Stream<Path> tree = Files.walk(folder, 2)) {
      tree.map(folder::relativize)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(name -> DefinitionFiles.resolve(folder, name).isPresent())
          .sorted()
          .forEach(name -> files.add(link(LocatedIssue.sourceLink(name, 0), "", name)));
    } catch (IOException | UncheckedIOException e) {
      // the folder is being changed; the next reload lists it again
    }
    return files;
  }

  private static Map<String, String> link(String href, String lang, String label) {
    return Map.of("href", href, "lang", lang, "label", label);
  }

  /** An issue as the templates read it (Velocity reads maps, not package-private records). */
  private static Map<String, Object> issueView(LocatedIssue issue) {
    Map<String, Object> view = new HashMap<>();
    view.put("error", issue.error());
    view.put("where", issue.where());
    view.put("link", issue.link());
    view.put("message", issue.message());
    view.put("hint", issue.hint());
    view.put("pointer", issue.pointer());
    view.put("hasSource", issue.source().isPresent());
    issue
        .source()
        .ifPresent(
            line -> {
              view.put("lineNumber", line.number());
              view.put("before", line.before());
              view.put("marked", line.marked());
              view.put("after", line.after());
            });
    return view;
  }

  private String folderName() {
    return folder.getFileName().toString();
  }

  private static String mainLanguage(Registry registry) {
    return registry.languages().isEmpty() ? "nb" : registry.languages().get(0);
  }

  private static String merge(String template, Map<String, Object> context) {
    return Templates.classpath().merge(template, context);
  }
}
