package no.regforms.render;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.expression.js.JavaScriptEmitter;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;

/**
 * Renders the forms of a compiled registry as HTML: one self-contained page per form and language
 * (inline CSS and JavaScript, nothing fetched from the network), an embeddable fragment, and an
 * index page.
 *
 * <p>The page shows and hides items, computes values and checks input as the user types, with the
 * form's expressions compiled to JavaScript ({@link JavaScriptEmitter}) and the validator's own
 * messages; on submit it builds a record in the engine's JSON format, which the server validator
 * accepts without errors whenever the page shows none. Every text from the definition is
 * HTML-escaped; nothing from it is evaluated as code.
 *
 * <p>Templates are Velocity files under {@code templates/regforms/} on the classpath ({@code
 * page.vm}, {@code fragment.vm}, {@code items.vm}, {@code index.vm}, {@code form.css}, {@code
 * form.js}, {@code ui.properties}); a host application overrides any of them with a folder of its
 * own ({@link Builder#templates(Path)}), where files are looked up first. Every {@code $reference}
 * a template inserts is HTML-escaped unless its name starts with {@code raw}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Registry ect = DefinitionLoader.create().loadModule("ect").registryOrThrow();
 * String html = FormRenderer.create().renderPage(ect, ect.formOrThrow("course"), "nb");
 * }</pre>
 */
public final class FormRenderer {

  private final VelocityEngine engine;
  private final Optional<String> submitUrl;
  private final UiTexts texts = UiTexts.load();

  private FormRenderer(Optional<Path> templates, Optional<String> submitUrl) {
    this.submitUrl = submitUrl;
    Properties properties = new Properties();
    List<String> loaders = new ArrayList<>();
    templates.ifPresent(dir -> {
      loaders.add("file");
      properties.setProperty("resource.loader.file.path", dir.toAbsolutePath().toString());
    });
    loaders.add("class");
    properties.setProperty("resource.loaders", String.join(",", loaders));
    properties.setProperty("resource.loader.class.class",
        "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
    properties.setProperty("resource.default_encoding", "UTF-8");
    properties.setProperty("runtime.strict_mode.enable", "true");
    properties.setProperty("velocimacro.library.path", "templates/regforms/items.vm");
    properties.setProperty("velocimacro.inline.local_scope", "true");
    this.engine = new VelocityEngine(properties);
    engine.init();
  }

  /** A renderer with the built-in templates that posts nowhere (the page raises an event). */
  public static FormRenderer create() {
    return builder().build();
  }

  /** A builder for a renderer with a host's templates or a submit address. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A complete HTML page for {@code form} in {@code language}.
   *
   * @param language a language of the registry ({@code nb}, {@code en}); texts missing in it fall
   *     back to Bokmål
   * @throws IllegalArgumentException if {@code form} is not a form of {@code registry}
   */
  public String renderPage(Registry registry, Form form, String language) {
    return render("templates/regforms/page.vm", registry, form, language);
  }

  /**
   * The form as a fragment for a host page: one {@code <div class="regforms">} holding its own
   * styles and scripts.
   *
   * @throws IllegalArgumentException if {@code form} is not a form of {@code registry}
   */
  public String renderFragment(Registry registry, Form form, String language) {
    return render("templates/regforms/fragment.vm", registry, form, language);
  }

  /**
   * An index page listing the forms of {@code registry}, each linked to {@code links.get(formId)}
   * (forms without a link are listed unlinked).
   */
  public String renderIndex(Registry registry, String language, Map<String, String> links) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(links, "links");
    String lang = language(language);
    VelocityContext context = baseContext(registry, lang);
    List<Map<String, String>> forms = new ArrayList<>();
    for (Form form : registry.forms().values()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("id", form.id());
      entry.put("title", form.title().in(lang));
      entry.put("href", links.getOrDefault(form.id(), ""));
      forms.add(entry);
    }
    context.put("forms", forms);
    return merge("templates/regforms/index.vm", context);
  }

  private String render(String template, Registry registry, Form form, String language) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(form, "form");
    if (registry.forms().get(form.id()) != form) {
      throw new IllegalArgumentException("form " + form.id() + " is not a form of registry " + registry.id());
    }
    String lang = language(language);
    FormView view = new FormView(registry, form, lang, texts, submitUrl);
    VelocityContext context = baseContext(registry, lang);
    context.put("form", Map.of("id", form.id(), "title", form.title().in(lang),
        "description", form.description().map(d -> d.in(lang)).orElse(""),
        "version", form.version()));
    context.put("items", view.items());
    context.put("rawModel", view.modelJson());
    context.put("rawFunctions", view.functionsJs());
    context.put("rawExpressionRuntime", scriptSafe(JavaScriptEmitter.runtime()));
    context.put("rawRegexEngine", view.usesRegex() ? scriptSafe(JavaScriptEmitter.regexEngine()) : "");
    return merge(template, context);
  }

  private VelocityContext baseContext(Registry registry, String lang) {
    VelocityContext context = new VelocityContext();
    EventCartridge cartridge = new EventCartridge();
    cartridge.addEventHandler(new HtmlEscaper());
    cartridge.attachToContext(context);
    context.put("lang", lang);
    context.put("registry", Map.of("id", registry.id(), "title", registry.title().in(lang)));
    context.put("ui", texts.map(lang));
    return context;
  }

  private String merge(String name, VelocityContext context) {
    Template template = engine.getTemplate(name, "UTF-8");
    StringWriter out = new StringWriter();
    template.merge(context, out);
    return out.toString();
  }

  private static String language(String language) {
    Objects.requireNonNull(language, "language");
    if (!language.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException("language must be a code such as nb or en, was " + language);
    }
    return language.toLowerCase(Locale.ROOT);
  }

  /** Script text that cannot end its {@code <script>} element early. */
  private static String scriptSafe(String script) {
    String lower = script.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException("script resource contains </script or <!--");
    }
    return script;
  }

  /** Collects the options of a renderer; not thread-safe, unlike the renderer. */
  public static final class Builder {
    private Optional<Path> templates = Optional.empty();
    private Optional<String> submitUrl = Optional.empty();

    private Builder() {}

    /**
     * A folder of templates that override the built-in ones by path ({@code
     * <dir>/templates/regforms/page.vm}).
     *
     * @throws IllegalArgumentException if {@code directory} is not a folder
     */
    public Builder templates(Path directory) {
      Objects.requireNonNull(directory, "directory");
      if (!Files.isDirectory(directory)) {
        throw new IllegalArgumentException("not a folder: " + directory);
      }
      this.templates = Optional.of(directory);
      return this;
    }

    /** The address the page posts the record to as JSON; without one the page only raises an event. */
    public Builder submitUrl(String url) {
      this.submitUrl = Optional.of(Objects.requireNonNull(url, "url"));
      return this;
    }

    /** The renderer. */
    public FormRenderer build() {
      return new FormRenderer(templates, submitUrl);
    }
  }
}
