package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * Reads one schema-valid code-list file into a {@link CodeList}, reporting repeated codes and
 * inverted validity dates to the shared issue list.
 */
final class CodeListReader {

  private final List<Issue> issues;

  CodeListReader(List<Issue> issues) {
    this.issues = issues;
  }

  /** The code list of {@code doc}. */
  CodeList read(JsonDocument doc) {
    return read(doc, VersionScope.ALL);
  }

  /**
   * The code list of {@code doc} with the codes of one version ({@code since}/{@code until} of each
   * code).
   */
  CodeList read(JsonDocument doc, VersionScope scope) {
    JsonFields root = new JsonFields(doc.root(), "", scope);
    List<Code> codes = new ArrayList<>();
    Map<String, SourceLocation> seen = new HashMap<>();
    if (!doc.root().path("codes").isArray() || hasCompact(doc.root().path("codes"))) {
      return new CodeList(
          root.text("id"),
          root.localized("title"),
          root.optionalLocalized("description"),
          root.optionalText("system").orElse("local"),
          root.optionalText("systemOid"),
          root.optionalText("systemVersion"),
          compact(doc, root, scope),
          root.optionalText("notes"),
          doc.locate(""));
    }
    for (JsonFields code : root.objects("codes")) {
      String value = code.text("code");
      SourceLocation here = doc.locate(code.pointer("code"));
      SourceLocation first = seen.putIfAbsent(value, here);
      if (first != null) {
        issues.add(
            Issue.error(
                    IssueCode.DUPLICATE_CODE,
                    "code '" + value + "' appears twice in code list '" + root.text("id") + "'",
                    here)
                .withHint("first at line " + first.line() + "; each code may appear once"));
      }
      Optional<LocalDate> from = code.date("validFrom");
      Optional<LocalDate> to = code.date("validTo");
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
        issues.add(
            Issue.error(
                    IssueCode.RANGE_INVERTED,
                    "code '"
                        + value
                        + "' is valid from "
                        + from.get()
                        + ", after its validTo "
                        + to.get(),
                    doc.locate(code.pointer("validFrom")))
                .withHint(
                    "validFrom is the first day and validTo the last day the code may be used"));
      }
      codes.add(
          new Code(
              value,
              code.localized("label"),
              code.optionalLocalized("description"),
              code.decimal("score"),
              from,
              to,
              code.optionalText("notes"),
              doc.locate(code.pointer())));
    }
    return new CodeList(
        root.text("id"),
        root.localized("title"),
        root.optionalLocalized("description"),
        root.optionalText("system").orElse("local"),
        root.optionalText("systemOid"),
        root.optionalText("systemVersion"),
        codes,
        root.optionalText("notes"),
        doc.locate(""));
  }

  /** Whether an array of codes holds a compact entry: a code given as a plain string. */
  private static boolean hasCompact(JsonNode codes) {
    for (JsonNode code : codes) if (code.isTextual()) return true;
    return false;
  }

  /**
   * The codes of a short list in a compact form: {@code {"1": "Ja", "2": "Nei"}} (code to label, a
   * plain string being the nb label) or {@code ["ja", "nei"]} (each code its own label); an array
   * may also mix in full code objects. A compact code has no score, description or validity.
   */
  private List<Code> compact(JsonDocument doc, JsonFields root, VersionScope scope) {
    JsonNode node = doc.root().path("codes");
    List<Code> codes = new ArrayList<>();
    Map<String, SourceLocation> seen = new HashMap<>();
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  codes.add(
                      compactCode(
                          e.getKey(),
                          e.getValue(),
                          doc.locate(
                              root.pointer("codes") + "/" + JsonDocument.escape(e.getKey())))));
      return codes;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      if (!scope.includes(entry)) continue;
      String pointer = root.pointer("codes") + "/" + i;
      String value = entry.isTextual() ? entry.asText() : entry.path("code").asText();
      SourceLocation here = doc.locate(entry.isTextual() ? pointer : pointer + "/code");
      SourceLocation first = seen.putIfAbsent(value, here);
      if (first != null) {
        issues.add(
            Issue.error(
                    IssueCode.DUPLICATE_CODE,
                    "code '" + value + "' appears twice in code list '" + root.text("id") + "'",
                    here)
                .withHint("first at line " + first.line() + "; each code may appear once"));
      }
      if (entry.isTextual()) {
        codes.add(compactCode(value, entry, here));
      } else {
        JsonFields code = new JsonFields(entry, pointer);
        codes.add(
            new Code(
                value,
                code.localized("label"),
                code.optionalLocalized("description"),
                code.decimal("score"),
                code.date("validFrom"),
                code.date("validTo"),
                code.optionalText("notes"),
                doc.locate(pointer)));
      }
    }
    return codes;
  }

  private static Code compactCode(String value, JsonNode label, SourceLocation where) {
    LocalizedText text =
        label.isTextual()
            ? LocalizedText.of(LocalizedText.DEFAULT_LANGUAGE, label.asText())
            : JsonFields.localizedOf(label);
    return new Code(
        value,
        text,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        where);
  }
}
