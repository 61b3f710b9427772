package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.expression.parser.NameReferences;
import no.regforms.expression.parser.Span;

/**
 * The registry's library ({@code library/*.json}): items written once — a variable, a section, a
 * repeat group — that forms place with {@code {"use": "name", "prefix": "t2_", "overrides":
 * {...}}}. A form is expanded before it is checked and read, so every part of the registry sees the
 * item as if it were written in the form, while every problem is still located where its text was
 * written.
 */
final class ItemLibrary {

  private static final Set<String> ID_KEYS = Set.of("variable", "section", "repeat", "note");
  private static final Set<String> EXPRESSION_KEYS = Set.of("visibleIf", "requiredIf", "compute");

  private record Entry(JsonDocument document, String pointer, JsonNode item) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<Issue> issues;

  /** The entries of {@code files}; an entry name given twice is reported. */
  ItemLibrary(List<JsonDocument> files, List<Issue> issues) {
    this.issues = issues;
    Map<String, String> firstFile = new HashMap<>();
    for (JsonDocument file : files) {
      file.root()
          .path("items")
          .fields()
          .forEachRemaining(
              field -> {
                String pointer = "/items/" + JsonDocument.escape(field.getKey());
                String first = firstFile.putIfAbsent(field.getKey(), file.file());
                if (first != null) {
                  issues.add(
                      Issue.error(
                              IssueCode.DUPLICATE_ID,
                              "library entry '"
                                  + field.getKey()
                                  + "' is already defined in "
                                  + first,
                              file.locateKey(pointer))
                          .withHint(
                              "library entries are named once across library/; rename one of them"));
                } else {
                  entries.put(field.getKey(), new Entry(file, pointer, field.getValue()));
                }
              });
    }
  }

  /**
   * A copy of {@code form}'s tree with every {@code use} replaced by its entry (prefixed and
   * overridden); where each placed part was written goes to {@code origins}.
   */
  ObjectNode expand(JsonDocument form, Map<String, JsonDocument.Origin> origins) {
    ObjectNode root = form.root().deepCopy();
    if (root.path("items").isArray()) {
      root.set(
          "items", items(root.get("items"), form, "/items", "/items", new ArrayDeque<>(), origins));
    }
    return root;
  }

  private ArrayNode items(
      JsonNode items,
      JsonDocument doc,
      String at,
      String out,
      Deque<String> using,
      Map<String, JsonDocument.Origin> origins) {
    ArrayNode result = ((ArrayNode) items).arrayNode();
    for (int i = 0; i < items.size(); i++) {
      result.add(item(items.get(i), doc, at + "/" + i, out + "/" + i, using, origins));
    }
    return result;
  }

  private JsonNode item(
      JsonNode item,
      JsonDocument doc,
      String at,
      String out,
      Deque<String> using,
      Map<String, JsonDocument.Origin> origins) {
    if (!item.isObject()) return item;
    if (!item.has("use")) {
      ObjectNode copy = item.deepCopy();
      if (item.path("items").isArray()) {
        copy.set(
            "items", items(item.get("items"), doc, at + "/items", out + "/items", using, origins));
      }
      return copy;
    }
    String name = item.get("use").asText();
    Entry entry = entries.get(name);
    if (entry == null) {
      Issue issue =
          Issue.error(
              IssueCode.UNKNOWN_REFERENCE,
              "'use' names '" + name + "', which the library does not define",
              doc.locate(at + "/use"));
      issues.add(
          NameSuggester.hint(name, entries.keySet())
              .map(issue::withHint)
              .orElse(
                  issue.withHint(
                      entries.isEmpty()
                          ? "define the item under \"items\" in a file of the folder library/"
                          : "library entries: " + String.join(", ", entries.keySet()))));
      return item;
    }
    if (using.contains(name)) {
      List<String> cycle = new ArrayList<>(using);
      Collections.reverse(cycle);
      issues.add(
          Issue.error(
                  IssueCode.DEPENDENCY_CYCLE,
                  "library entries use each other in a cycle: "
                      + String.join(" -> ", cycle.subList(cycle.indexOf(name), cycle.size()))
                      + " -> "
                      + name,
                  doc.locate(at + "/use"))
              .withHint("an entry cannot contain itself; remove one of the uses"));
      return item;
    }
    origins.put(out, new JsonDocument.Origin(entry.document(), entry.pointer()));
    using.push(name);
    JsonNode base = item(entry.item(), entry.document(), entry.pointer(), out, using, origins);
    using.pop();
    if (!(base instanceof ObjectNode used)) return base;
    if (item.hasNonNull("prefix")) {
      prefix(used, item.get("prefix").asText(), ids(used, new HashSet<>()));
    }
    item.path("overrides")
        .fields()
        .forEachRemaining(
            field -> {
              String key = JsonDocument.escape(field.getKey());
              used.set(field.getKey(), field.getValue().deepCopy());
              origins.keySet().removeIf(pointer -> pointer.startsWith(out + "/" + key + "/"));
              origins.put(out + "/" + key, new JsonDocument.Origin(doc, at + "/overrides/" + key));
            });
    return used;
  }

  /** The ids {@code item} and the items inside it declare. */
  private static Set<String> ids(JsonNode item, Set<String> out) {
    ID_KEYS.stream().filter(item::has).forEach(key -> out.add(item.get(key).asText()));
    item.path("items").forEach(inner -> ids(inner, out));
    return out;
  }

  /**
   * Prefixes every id of {@code item} and the items inside it, and every reference to them in its
   * expressions.
   */
  private static void prefix(ObjectNode item, String prefix, Set<String> ids) {
    for (String key : ID_KEYS) {
      if (item.has(key)) item.put(key, prefix + item.get(key).asText());
    }
    for (String key : EXPRESSION_KEYS) {
      if (item.path(key).isTextual())
        item.set(key, TextNode.valueOf(renamed(item.get(key).asText(), prefix, ids)));
    }
    item.path("items")
        .forEach(
            inner -> {
              if (inner instanceof ObjectNode object) prefix(object, prefix, ids);
            });
  }

  private static String renamed(String text, String prefix, Set<String> ids) {
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (Span span : NameReferences.in(text)) {
      if (!ids.contains(text.substring(span.start(), span.end()))) continue;
      out.append(text, last, span.start()).append(prefix);
      last = span.start();
    }
    return out.append(text.substring(last)).toString();
  }
}
