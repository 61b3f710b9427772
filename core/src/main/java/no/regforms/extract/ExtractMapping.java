package no.regforms.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an extract's names differ from the definition's: the files' form names and the columns'
 * variable names. A JSON file:
 *
 * <pre>{@code
 * { "forms":   { "Basisopplysninger": "basis_clinician" },
 *   "columns": { "basis_clinician": { "dato_mp_beh": "measurement_date" } } }
 * }</pre>
 *
 * <p>A form or column not named keeps its own name (columns match variables ignoring case).
 * Immutable.
 *
 * @param forms the file's form name → form id (for a repeat group's file, {@code form.group} →
 *     {@code form.group})
 * @param columns per form id (or {@code form.group}): column → variable id
 */
public record ExtractMapping(Map<String, String> forms, Map<String, Map<String, String>> columns) {

  /** No renaming. */
  public static final ExtractMapping NONE = new ExtractMapping(Map.of(), Map.of());

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ExtractMapping {
    forms = Map.copyOf(forms);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    columns.forEach((form, byColumn) -> copy.put(form, Map.copyOf(byColumn)));
    columns = Map.copyOf(copy);
  }

  /** The form id of the file form name {@code name}. */
  String form(String name) {
    return forms.getOrDefault(name, name);
  }

  /** The variable column {@code column} of {@code form} is mapped to, if the mapping names it. */
  Optional<String> variable(String form, String column) {
    return Optional.ofNullable(columns.getOrDefault(form, Map.of()).get(column));
  }

  /**
   * Reads a mapping file.
   *
   * @throws IOException when it cannot be read or is not a mapping (the message says where)
   */
  public static ExtractMapping read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isObject())
      throw new IOException(file + ": a mapping is a JSON object with \"forms\" and \"columns\"");
    Map<String, String> forms = new LinkedHashMap<>();
    root.path("forms").fields().forEachRemaining(e -> forms.put(e.getKey(), e.getValue().asText()));
    Map<String, Map<String, String>> columns = new LinkedHashMap<>();
    root.path("columns")
        .fields()
        .forEachRemaining(
            form -> {
              Map<String, String> byColumn = new LinkedHashMap<>();
              form.getValue()
                  .fields()
                  .forEachRemaining(e -> byColumn.put(e.getKey(), e.getValue().asText()));
              columns.put(form.getKey(), byColumn);
            });
    return new ExtractMapping(forms, columns);
  }
}
