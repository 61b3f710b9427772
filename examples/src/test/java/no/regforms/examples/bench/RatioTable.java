package no.regforms.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's one table: each measure as a ratio to its baseline in the same run (or, where the goal
 * is absolute, the figure itself), its goal and whether the goal is met. It reports and never
 * judges: a missed goal does not fail the run.
 */
final class RatioTable {

  /** How a row stands against its goal. */
  enum Verdict {
    MET("met"),
    MISSED("missed"),
    INFO("");

    final String label;

    Verdict(String label) {
      this.label = label;
    }

    static Verdict of(boolean met) {
      return met ? MET : MISSED;
    }
  }

  /** One row: what was measured, the figure, the goal and the verdict. */
  record Row(String section, String measure, String figure, String goal, Verdict verdict) {}

  private final List<Row> rows = new ArrayList<>();

  void add(String section, String measure, String figure, String goal, Verdict verdict) {
    rows.add(new Row(section, measure, figure, goal, verdict));
  }

  /** A row whose figure is a time ratio with its relative error. */
  void ratio(
      String section,
      String measure,
      double ratio,
      double relativeError,
      String goal,
      Verdict verdict) {
    add(section, measure, ratio(ratio, relativeError), goal, verdict);
  }

  static String ratio(double ratio, double relativeError) {
    String figure = String.format(Locale.ROOT, ratio >= 10 ? "%.1fx" : "%.2fx", ratio);
    return relativeError > 0
        ? figure + String.format(Locale.ROOT, " ±%.0f%%", relativeError * 100)
        : figure;
  }

  /** The table as Markdown. */
  String markdown() {
    StringBuilder out =
        new StringBuilder(
            "| section | measure | figure | goal | verdict |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(row.section())
          .append(" | ")
          .append(row.measure())
          .append(" | ")
          .append(row.figure())
          .append(" | ")
          .append(row.goal())
          .append(" | ")
          .append(row.verdict().label)
          .append(" |\n");
    }
    return out.toString();
  }

  /** The table as aligned plain text, for the console. */
  String text() {
    int[] width = {7, 7, 6, 4};
    for (Row row : rows) {
      width[0] = Math.max(width[0], row.section().length());
      width[1] = Math.max(width[1], row.measure().length());
      width[2] = Math.max(width[2], row.figure().length());
      width[3] = Math.max(width[3], row.goal().length());
    }
    String format =
        "%-" + width[0] + "s  %-" + width[1] + "s  %" + width[2] + "s  %-" + width[3] + "s  %s%n";
    StringBuilder out =
        new StringBuilder(
            String.format(Locale.ROOT, format, "section", "measure", "figure", "goal", "verdict"));
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              row.section(),
              row.measure(),
              row.figure(),
              row.goal(),
              row.verdict().label));
    }
    return out.toString();
  }
}
