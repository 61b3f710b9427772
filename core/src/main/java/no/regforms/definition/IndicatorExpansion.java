package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
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
import no.regforms.expression.parser.NameReferences;
import no.regforms.expression.parser.Span;

/**
 * Resolves what an indicator file says once: the registry's {@code indicatorDefaults} ({@code
 * minDenominator}, {@code levels}; an explicit value wins, {@code null} opts out) and the file's
 * named sub-expressions ({@code "let": {"treated": "..."}}), substituted into every expression of
 * the file before it is compiled, so every back end sees the expanded expression. A substituted
 * expression is put in parentheses unless it is one operand or the whole expression.
 */
final class IndicatorExpansion {

  /**
   * The keys of an indicator file (at any depth: exclusions, history) whose strings are
   * expressions.
   */
  private static final Set<String> EXPRESSION_KEYS =
      Set.of("period", "denominator", "numerator", "value", "when", "homeHf");

  private final JsonNode defaults;
  private final JsonDocument registryFile;
  private final List<Issue> issues;

  IndicatorExpansion(JsonDocument registryFile, List<Issue> issues) {
    this.registryFile = registryFile;
    this.defaults = registryFile == null ? null : registryFile.root().get("indicatorDefaults");
    this.issues = issues;
  }

  /** {@code indicator} with its defaults filled in and its named sub-expressions substituted. */
  JsonDocument expand(JsonDocument indicator) {
    ObjectNode root = indicator.root().deepCopy();
    Map<String, JsonDocument.Origin> origins = new HashMap<>();
    if (defaults != null) {
      defaults
          .fields()
          .forEachRemaining(
              field -> {
                if (!root.has(field.getKey())) {
                  root.set(field.getKey(), field.getValue().deepCopy());
                  origins.put(
                      "/" + JsonDocument.escape(field.getKey()),
                      new JsonDocument.Origin(
                          registryFile,
                          "/indicatorDefaults/" + JsonDocument.escape(field.getKey())));
                }
              });
    }
    List<String> none = new ArrayList<>(); // null: this indicator has none
    root.fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNull()) none.add(field.getKey());
            });
    root.remove(none);
    Map<String, List<JsonDocument.Splice>> splices = new HashMap<>();
    Map<String, String> lets = new LinkedHashMap<>();
    root.path("let")
        .fields()
        .forEachRemaining(field -> lets.put(field.getKey(), field.getValue().asText()));
    if (!lets.isEmpty()) {
      Set<String> used = new HashSet<>();
      substitute(root, "", new Lets(indicator, lets, used), splices);
      lets.keySet().stream()
          .filter(name -> !used.contains(name))
          .forEach(
              name ->
                  issues.add(
                      Issue.warning(
                              IssueCode.NOT_APPLICABLE,
                              "let '"
                                  + name
                                  + "' is defined but no expression of the indicator uses it",
                              indicator.locateKey("/let/" + JsonDocument.escape(name)))
                          .withHint("use it, or remove it")));
    }
    return root.equals(indicator.root()) ? indicator : indicator.expanded(root, origins, splices);
  }

  private void substitute(
      JsonNode node, String pointer, Lets lets, Map<String, List<JsonDocument.Splice>> splices) {
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String at = pointer + "/" + JsonDocument.escape(key);
        JsonNode value = object.get(key);
        if (EXPRESSION_KEYS.contains(key) && value.isTextual()) {
          Expanded expanded = lets.expand(value.asText(), at, new ArrayDeque<>());
          if (!expanded.text().equals(value.asText())) {
            object.set(key, TextNode.valueOf(expanded.text()));
            splices.put(at, expanded.pieces());
          }
        } else if (!key.equals("let")) {
          substitute(value, at, lets, splices);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++)
        substitute(node.get(i), pointer + "/" + i, lets, splices);
    }
  }

  /** An expression after substitution, each piece mapped back to the string it was written in. */
  private record Expanded(String text, List<JsonDocument.Splice> pieces) {}

  /** The named sub-expressions of one indicator file. */
  private final class Lets {
    private final JsonDocument file;
    private final Map<String, String> definitions;
    private final Set<String> used;

    Lets(JsonDocument file, Map<String, String> definitions, Set<String> used) {
      this.file = file;
      this.definitions = definitions;
      this.used = used;
    }

    Expanded expand(String text, String pointer, Deque<String> expanding) {
      StringBuilder out = new StringBuilder();
      List<JsonDocument.Splice> pieces = new ArrayList<>();
      int last = 0;
      for (Span span : NameReferences.in(text)) {
        String name = text.substring(span.start(), span.end());
        if (!definitions.containsKey(name)) continue;
        used.add(name);
        piece(text.substring(last, span.start()), pointer, last, out, pieces);
        last = span.start();
        if (expanding.contains(name)) {
          List<String> path = new ArrayList<>(expanding);
          Collections.reverse(path);
          issues.add(
              Issue.error(
                      IssueCode.DEPENDENCY_CYCLE,
                      "let '"
                          + name
                          + "' is defined through itself: "
                          + String.join(" -> ", path)
                          + " -> "
                          + name,
                      file.locateInString(pointer, text, span.start(), span.end()))
                  .withHint("a let may use the lets before it, never itself"));
          continue;
        }
        expanding.push(name);
        Expanded inner =
            expand(definitions.get(name), "/let/" + JsonDocument.escape(name), expanding);
        expanding.pop();
        boolean parenthesised =
            !text.strip().equals(name) && !NameReferences.isOperand(inner.text());
        if (parenthesised) piece("(", pointer, span.start(), out, pieces);
        int offset = out.length();
        out.append(inner.text());
        inner
            .pieces()
            .forEach(
                p ->
                    pieces.add(
                        new JsonDocument.Splice(
                            p.start() + offset, p.end() + offset, p.pointer(), p.sourceStart())));
        if (parenthesised) piece(")", pointer, span.end() - 1, out, pieces);
        last = span.end();
      }
      piece(text.substring(last), pointer, last, out, pieces);
      return new Expanded(out.toString(), pieces);
    }

    /** Appends {@code chars}, written at {@code sourceStart} of the string at {@code pointer}. */
    private void piece(
        String chars,
        String pointer,
        int sourceStart,
        StringBuilder out,
        List<JsonDocument.Splice> pieces) {
      if (chars.isEmpty()) return;
      pieces.add(
          new JsonDocument.Splice(
              out.length(), out.length() + chars.length(), pointer, sourceStart));
      out.append(chars);
    }
  }
}
