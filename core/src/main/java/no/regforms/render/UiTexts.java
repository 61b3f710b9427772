package no.regforms.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The fixed texts of the form pages (buttons, yes and no, the confirmation of an unusual value) in
 * Bokmål and English, read from {@code templates/regforms/ui.properties} as {@code nb.yes=Ja}.
 * Texts of record issues are not here: they come from the validator's {@code Messages}.
 * Immutable.
 */
final class UiTexts {

  static final String RESOURCE = "templates/regforms/ui.properties";
  private static final String[] KEYS = {"yes", "no", "add", "remove", "row", "submit", "confirm",
      "required", "errors", "ready", "sent", "failed", "rejected", "record", "forms", "conditional"};

  private final Properties properties;

  private UiTexts(Properties properties) {
    this.properties = properties;
  }

  static UiTexts load() {
    Properties properties = new Properties();
    try (InputStream in = UiTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new UiTexts(properties);
  }

  /** The text {@code key} in {@code lang}, falling back to Bokmål, then to the key. */
  String text(String lang, String key) {
    String text = properties.getProperty(lang + "." + key);
    return text != null ? text : properties.getProperty("nb." + key, key);
  }

  ObjectNode json(String lang) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (String key : KEYS) {
      node.put(key, text(lang, key));
    }
    return node;
  }

  java.util.Map<String, String> map(String lang) {
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String key : KEYS) {
      map.put(key, text(lang, key));
    }
    return map;
  }
}
