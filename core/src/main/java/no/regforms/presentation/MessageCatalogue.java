package no.regforms.presentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import no.regforms.diagnostic.LocalizedText;

/**
 * The fixed texts of regforms in one language: the validator's record messages, the form pages' own
 * texts, the indicator report's, the codebook's and the import report's. One catalogue per language
 * ({@code nb}, {@code nn}, {@code en}), read from {@code
 * no/regforms/presentation/messages_<language>.properties}; patterns are {@link MessageFormat}s,
 * counts written by {@link #count}.
 *
 * <p>Texts from a registry's definition are not here: they come with the definition. Immutable and
 * thread-safe.
 */
public final class MessageCatalogue {

  /** The languages with a catalogue, Bokmål first: the one every other language falls back to. */
  public static final List<String> LANGUAGES = List.of("nb", "nn", "en");

  private static final String BUNDLE = "messages";
  private static final Map<String, MessageCatalogue> CATALOGUES = load();

  private final String language;
  private final Locale locale;
  private final ResourceBundle bundle;

  private MessageCatalogue(String language, ResourceBundle bundle) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    this.bundle = bundle;
  }

  /*
   * Each language's file read as it is, with no fallback to the JVM's locale or another file. Read
   * directly rather than through ResourceBundle.getBundle with a Control, which a named module may
   * not call (the core is one on the module path).
   */
  private static Map<String, MessageCatalogue> load() {
    Map<String, MessageCatalogue> catalogues = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      String file = BUNDLE + "_" + language + ".properties";
      try (InputStream in = MessageCatalogue.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException("message catalogue " + file + " is missing from the jar");
        }
        catalogues.put(
            language,
            new MessageCatalogue(
                language,
                new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8))));
      } catch (IOException e) {
        throw new UncheckedIOException("message catalogue " + file + " cannot be read", e);
      }
    }
    return Map.copyOf(catalogues);
  }

  /** The catalogue of {@code language}; a language without one gets Bokmål's. */
  public static MessageCatalogue of(String language) {
    Objects.requireNonNull(language, "language");
    return CATALOGUES.getOrDefault(language, CATALOGUES.get(LANGUAGES.get(0)));
  }

  /**
   * The text {@code key} in every catalogue language, as a record issue carries it.
   *
   * @throws java.util.MissingResourceException if no catalogue has {@code key}
   */
  public static LocalizedText localized(String key, Object... arguments) {
    return localized(catalogue -> catalogue.text(key, arguments));
  }

  /**
   * The text {@code text} makes of each catalogue, in every catalogue language (for texts built of
   * texts).
   */
  public static LocalizedText localized(Function<MessageCatalogue, String> text) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      texts.put(language, text.apply(of(language)));
    }
    return new LocalizedText(texts);
  }

  /** This catalogue's language code. */
  public String language() {
    return language;
  }

  /**
   * The text {@code key} with {@code arguments} put in.
   *
   * @throws java.util.MissingResourceException if the catalogue has no {@code key}
   */
  public String text(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /**
   * The text {@code key} for a count {@code n}: its pattern chooses singular or plural with {@code
   * {0,choice,...}} and writes the count as {@code {1}} (a choice cannot hold a number format).
   */
  public String count(String key, long n) {
    return text(key, n, String.valueOf(n));
  }

  /** The keys of this catalogue. */
  public Set<String> keys() {
    return bundle.keySet();
  }

  /**
   * The texts {@code prefix + name} for each of {@code names}, keyed by name, in that order (for
   * templates and pages).
   */
  public Map<String, String> texts(String prefix, List<String> names) {
    Map<String, String> texts = new LinkedHashMap<>();
    names.forEach(name -> texts.put(name, text(prefix + name)));
    return texts;
  }
}
