package no.regforms.definition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
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
    JsonFields root = new JsonFields(doc.root(), "");
    List<Code> codes = new ArrayList<>();
    Map<String, SourceLocation> seen = new HashMap<>();
    for (JsonFields code : root.objects("codes")) {
      String value = code.text("code");
      SourceLocation here = doc.locate(code.pointer("code"));
      SourceLocation first = seen.putIfAbsent(value, here);
      if (first != null) {
        issues.add(Issue.error(IssueCode.DUPLICATE_CODE, "code '" + value + "' appears twice in code list '" + root.text("id") + "'", here)
            .withHint("first at line " + first.line() + "; each code may appear once"));
      }
      Optional<LocalDate> from = code.date("validFrom");
      Optional<LocalDate> to = code.date("validTo");
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
        issues.add(Issue.error(IssueCode.RANGE_INVERTED, "code '" + value + "' is valid from " + from.get() + ", after its validTo " + to.get(),
            doc.locate(code.pointer("validFrom"))).withHint("validFrom is the first day and validTo the last day the code may be used"));
      }
      codes.add(new Code(value, code.localized("label"), code.optionalLocalized("description"), code.decimal("score"),
          from, to, code.optionalText("notes"), doc.locate(code.pointer())));
    }
    return new CodeList(root.text("id"), root.localized("title"), root.optionalLocalized("description"),
        root.optionalText("system").orElse("local"), root.optionalText("systemOid"), root.optionalText("systemVersion"),
        codes, root.optionalText("notes"), doc.locate(""));
  }
}
