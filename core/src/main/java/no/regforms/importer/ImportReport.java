package no.regforms.importer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.regforms.diagnostic.Severity;
import no.regforms.presentation.HtmlEscaping;

/** Writes the readable import report: a summary, then one table per form of what was not carried over. */
final class ImportReport {

  private ImportReport() {}

  static String markdown(ImportResult result) {
    StringBuilder out = new StringBuilder();
    out.append("# Import report: ").append(cell(result.source())).append("\n\n");
    out.append("Format: ").append(result.format().title()).append(" (`--from ").append(result.format().cliName())
        .append("`)");
    if (!result.readAs().isEmpty()) out.append("; read as ").append(cell(String.join(", ", result.readAs())));
    out.append(".\n\n");
    out.append("Imported ").append(result.formCount()).append(" forms, ").append(result.variableCount())
        .append(" variables and ").append(result.codeListCount()).append(" code lists.\n\n");
    Map<ImportNote.Kind, Long> counts = new EnumMap<>(ImportNote.Kind.class);
    result.notes().forEach(n -> counts.merge(n.kind(), 1L, Long::sum));
    if (counts.isEmpty()) {
      out.append("Everything in the codebook was carried over.\n");
      return out.toString();
    }
    out.append("| kind | entries |\n|---|---|\n");
    counts.forEach((kind, n) -> out.append("| `").append(kind.code()).append("` | ").append(n).append(" |\n"));
    out.append("\nWarnings mark something of the source that is **not** in the imported definition; "
        + "info entries mark something carried over in another shape (a new id, a description).\n");
    Map<String, List<ImportNote>> byForm = result.notes().stream()
        .filter(n -> n.kind() != ImportNote.Kind.RENAMED)
        .collect(Collectors.groupingBy(ImportNote::form, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<ImportNote>> entry : byForm.entrySet()) {
      out.append("\n## ").append(entry.getKey().isEmpty() ? "Registry" : "Form `" + entry.getKey() + "`").append("\n\n");
      out.append("| variable | source name | where | severity | kind | what and why |\n|---|---|---|---|---|---|\n");
      for (ImportNote note : entry.getValue()) {
        out.append("| ").append(note.variable().isEmpty() ? "" : "`" + note.variable() + "`")
            .append(" | ").append(cell(note.source()))
            .append(" | ").append(cell(note.where()))
            .append(" | ").append(note.severity() == Severity.INFO ? "info" : note.severity().label())
            .append(" | `").append(note.kind().code()).append("` | ")
            .append(cell(note.message())).append(" |\n");
      }
    }
    List<ImportNote> renamed = result.notes().stream().filter(n -> n.kind() == ImportNote.Kind.RENAMED).toList();
    if (!renamed.isEmpty()) {
      out.append("\n## Renamed ids\n\nIds are snake_case and unique; the source name is also in each variable's "
          + "description.\n\n| form | source name | id |\n|---|---|---|\n");
      for (ImportNote note : renamed) {
        out.append("| ").append(note.form().isEmpty() ? "" : "`" + note.form() + "`").append(" | ")
            .append(cell(note.source())).append(" | `").append(note.variable().isEmpty() ? note.form() : note.variable())
            .append("` |\n");
      }
    }
    return out.toString();
  }

  /** Text from a codebook made safe inside a Markdown table cell, HTML included. */
  static String cell(String text) {
    return HtmlEscaping.escapeContent(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ").replace("`", "'");
  }
}
