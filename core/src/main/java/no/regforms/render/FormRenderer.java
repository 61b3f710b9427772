package no.regforms.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.expression.js.JavaScriptEmitter;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.presentation.Templates;

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
 * form.js}); a host application overrides any of them with a folder of its own ({@link
 * Builder#templates(Path)}), where files are looked up first. Every {@code $reference} a template
 * inserts is HTML-escaped unless its name starts with {@code raw} ({@link Templates}). The page's
 * fixed texts and messages come from the {@link MessageCatalogue} of its language.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Registry ect = DefinitionLoader.create().loadModule("ect").registryOrThrow();
 * String html = FormRenderer.create().renderPage(ect, ect.formOrThrow("course"), "nb");
 * }</pre>
 */
public final class FormRenderer {

  /**
   * The catalogue's {@code form.} texts the templates ({@code $ui.add}) and the page's script read.
   */
  private static final List<String> UI_KEYS =
      List.of(
          "yes",
          "no",
          "add",
          "remove",
          "row",
          "submit",
          "confirm",
          "required",
          "errors",
          "ready",
          "sent",
          "failed",
          "rejected",
          "record",
          "forms",
          "conditional");

  private final Templates templates;
  private final Optional<String> submitUrl;

  private FormRenderer(Optional<Path> templates, Optional<String> submitUrl) {
    this.submitUrl = submitUrl;
    this.templates = templates.map(Templates::withOverrides).orElseGet(Templates::classpath);
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
    Map<String, Object> model = baseModel(registry, lang);
    model.put(
        "forms",
        registry.forms().values().stream()
            .map(
                form ->
                    new FormLink(
                        form.id(), form.title().in(lang), links.getOrDefault(form.id(), "")))
            .toList());
    return templates.merge("templates/regforms/index.vm", model);
  }

  /** A form as the index lists it; {@code href} is empty for a form without a link. */
  public record FormLink(String id, String title, String href) {}

  /** A form's heading texts; {@code description} is empty when there is none. */
  public record FormHeading(String id, String title, String description, String version) {}

  /** The registry as the pages name it. */
  public record RegistryHeading(String id, String title) {}

  private String render(String template, Registry registry, Form form, String language) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(form, "form");
    if (registry.forms().get(form.id()) != form) {
      throw new IllegalArgumentException(
          "form " + form.id() + " is not a form of registry " + registry.id());
    }
    String lang = language(language);
    FormView view = new FormView(registry, form, lang, submitUrl);
    Map<String, Object> model = baseModel(registry, lang);
    model.put(
        "form",
        new FormHeading(
            form.id(),
            form.title().in(lang),
            form.description().map(d -> d.in(lang)).orElse(""),
            form.version()));
    model.put("items", view.items());
    model.put("rawModel", view.modelJson());
    model.put("rawFunctions", view.functionsJs());
    model.put("rawExpressionRuntime", scriptSafe(JavaScriptEmitter.runtime()));
    model.put(
        "rawRegexEngine", view.usesRegex() ? scriptSafe(JavaScriptEmitter.regexEngine()) : "");
    return templates.merge(template, model);
  }

  private static Map<String, Object> baseModel(Registry registry, String lang) {
    Map<String, Object> model = new HashMap<>();
    model.put("lang", lang);
    model.put("registry", new RegistryHeading(registry.id(), registry.title().in(lang)));
    model.put("ui", uiTexts(MessageCatalogue.of(lang)));
    return model;
  }

  /** The page's fixed texts, keyed as the templates and the script read them. */
  static Map<String, String> uiTexts(MessageCatalogue catalogue) {
    return catalogue.texts("form.", UI_KEYS);
  }

  private static String language(String language) {
    Objects.requireNonNull(language, "language");
    if (!language.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException(
          "language must be a code such as nb or en, was " + language);
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

    /**
     * The address the page posts the record to as JSON; without one the page only raises an event.
     */
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
