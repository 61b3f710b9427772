package no.regforms.diagnostic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text in one or more languages, keyed by language code ({@code nb}, {@code nn}, {@code en}).
 *
 * <p>Immutable; keeps the order in which the languages were given. Lookups fall back to Norwegian
 * Bokmål, then English, then the first language present, so a text is never silently lost.
 *
 * @param texts language code to text, at least one entry
 */
public record LocalizedText(Map<String, String> texts) {

  /** The language every definition text must have. */
  public static final String DEFAULT_LANGUAGE = "nb";

  /** Checks that there is at least one text and keeps an unmodifiable copy. */
  public LocalizedText {
    Objects.requireNonNull(texts, "texts");
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("a localized text needs at least one language");
    }
    texts.forEach(
        (lang, text) -> {
          Objects.requireNonNull(lang, "language");
          Objects.requireNonNull(text, "text");
        });
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  /** A text in Norwegian Bokmål and English. */
  public static LocalizedText nbEn(String nb, String en) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("nb", nb);
    map.put("en", en);
    return new LocalizedText(map);
  }

  /** A text in one language. */
  public static LocalizedText of(String language, String text) {
    return new LocalizedText(Map.of(language, text));
  }

  /** The text in {@code language} if present. */
  public Optional<String> exactly(String language) {
    return Optional.ofNullable(texts.get(language));
  }

  /**
   * The text in {@code language}, else in {@code nb}, else in {@code en}, else the first one given.
   */
  public String in(String language) {
    String text = texts.get(language);
    if (text == null) text = texts.get(DEFAULT_LANGUAGE);
    if (text == null) text = texts.get("en");
    if (text == null) text = texts.values().iterator().next();
    return text;
  }

  /** The English text (with the usual fallbacks); the language of definition diagnostics. */
  @Override
  public String toString() {
    return in("en");
  }
}
