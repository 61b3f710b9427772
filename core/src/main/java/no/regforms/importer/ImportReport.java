package no.regforms.importer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.regforms.diagnostic.Severity;
import no.regforms.presentation.HtmlEscaping;
import no.regforms.presentation.MessageCatalogue;

/**
 * Writes the readable import report: a summary, then one table per form of what was not carried
 * over. In English, the language of the notes; the fixed texts come from the message catalogue.
 */
final class ImportReport {

  private static final MessageCatalogue TEXTS = MessageCatalogue.of("en");

  private ImportReport() {}

  private static String t(String key, Object... arguments) {
    return TEXTS.text("importReport." + key, arguments);
  }

  static String markdown(ImportResult result) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(t("title", cell(result.source()))).append("\n\n");
    out.append(t("format", result.format().title()))
        .append(" (`--from ")
        .append(result.format().cliName())
        .append("`)");
    if (!result.readAs().isEmpty())
      out.append(t("readAs", cell(String.join(", ", result.readAs()))));
    out.append(".\n\n");
    out.append(
            t(
                "imported",
                String.valueOf(result.formCount()),
                String.valueOf(result.variableCount()),
                String.valueOf(result.codeListCount())))
        .append("\n\n");
    Map<ImportNote.Kind, Long> counts = new EnumMap<>(ImportNote.Kind.class);
    result.notes().forEach(n -> counts.merge(n.kind(), 1L, Long::sum));
    if (counts.isEmpty()) {
      out.append(t("complete")).append("\n");
      return out.toString();
    }
    out.append("| ").append(t("kind")).append(" | ").append(t("entries")).append(" |\n|---|---|\n");
    counts.forEach(
        (kind, n) -> out.append("| `").append(kind.code()).append("` | ").append(n).append(" |\n"));
    out.append("\n").append(t("legend")).append("\n");
    Map<String, List<ImportNote>> byForm =
        result.notes().stream()
            .filter(n -> n.kind() != ImportNote.Kind.RENAMED)
            .collect(
                Collectors.groupingBy(ImportNote::form, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<ImportNote>> entry : byForm.entrySet()) {
      out.append("\n## ")
          .append(entry.getKey().isEmpty() ? t("registry") : t("form", "`" + entry.getKey() + "`"))
          .append("\n\n");
      out.append("| ").append(t("noteColumns")).append(" |\n|---|---|---|---|---|---|\n");
      for (ImportNote note : entry.getValue()) {
        out.append("| ")
            .append(note.variable().isEmpty() ? "" : "`" + note.variable() + "`")
            .append(" | ")
            .append(cell(note.source()))
            .append(" | ")
            .append(cell(note.where()))
            .append(" | ")
            .append(note.severity() == Severity.INFO ? t("info") : note.severity().label())
            .append(" | `")
            .append(note.kind().code())
            .append("` | ")
            .append(cell(note.message()))
            .append(" |\n");
      }
    }
    List<ImportNote> renamed =
        result.notes().stream().filter(n -> n.kind() == ImportNote.Kind.RENAMED).toList();
    if (!renamed.isEmpty()) {
      out.append("\n## ")
          .append(t("renamed"))
          .append("\n\n")
          .append(t("renamedIntro"))
          .append("\n\n| ")
          .append(t("renamedColumns"))
          .append(" |\n|---|---|---|\n");
      for (ImportNote note : renamed) {
        out.append("| ")
            .append(note.form().isEmpty() ? "" : "`" + note.form() + "`")
            .append(" | ")
            .append(cell(note.source()))
            .append(" | `")
            .append(note.variable().isEmpty() ? note.form() : note.variable())
            .append("` |\n");
      }
    }
    return out.toString();
  }

  /** Text from a codebook made safe inside a Markdown table cell, HTML included. */
  static String cell(String text) {
    return HtmlEscaping.escapeContent(text)
        .replace("|", "\\|")
        .replace("\r", " ")
        .replace("\n", " ")
        .replace("`", "'");
  }
}
