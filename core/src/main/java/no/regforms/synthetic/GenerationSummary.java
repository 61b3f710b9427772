package no.regforms.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link SyntheticDataGenerator#generate} run made, per form, and what a registry
 * developer should know about it: counts only, never a value.
 *
 * @param forms per form id, in id order
 */
public record GenerationSummary(Map<String, FormCounts> forms) {

  /** Share of records drawn again above which {@link #warnings()} warns. */
  public static final double REDRAW_WARNING = 0.05;

  /** Records of a form below which a branch never taken may be chance, and is not warned of. */
  public static final int BRANCH_MINIMUM = 20;

  /**
   * The counts of one form.
   *
   * @param records records emitted
   * @param redraws draws thrown away because the record broke a check (a record may take several)
   * @param redrawReasons the checks that made them, as "code at path", with counts
   * @param shown per item with a visibility condition (top-level items and sections), the records
   *     in which it was shown
   */
  public record FormCounts(
      long records, long redraws, Map<String, Long> redrawReasons, Map<String, Long> shown) {

    public FormCounts {
      redrawReasons = Map.copyOf(redrawReasons);
      shown = Map.copyOf(shown);
    }
  }

  public GenerationSummary {
    forms = java.util.Collections.unmodifiableMap(new TreeMap<>(forms));
  }

  /** Records emitted, over all forms. */
  public long records() {
    return forms.values().stream().mapToLong(FormCounts::records).sum();
  }

  /**
   * Warnings in English, one a line: a form whose records were drawn again more than {@link
   * #REDRAW_WARNING} of the time (the data is skewed toward what passes its rules), and a
   * visibility condition never true or never false in a form's {@link #BRANCH_MINIMUM} or more
   * records (one branch of the skip logic never occurs in the data).
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    forms.forEach(
        (form, counts) -> {
          if (counts.records() > 0 && counts.redraws() > REDRAW_WARNING * counts.records()) {
            String reasons =
                counts.redrawReasons().entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(3)
                    .map(e -> e.getKey() + " (" + e.getValue() + "x)")
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            warnings.add(
                String.format(
                    java.util.Locale.ROOT,
                    "form '%s': %d records were drawn %d times more (%.0f %%) because they broke a check: %s; "
                        + "the data leans toward what passes (adjust synthetic.json)",
                    form,
                    counts.records(),
                    counts.redraws(),
                    100.0 * counts.redraws() / counts.records(),
                    reasons));
          }
          if (counts.records() < BRANCH_MINIMUM) return;
          new TreeMap<>(counts.shown())
              .forEach(
                  (item, shown) -> {
                    if (shown == 0) {
                      warnings.add(
                          "form '"
                              + form
                              + "': '"
                              + item
                              + "' was never shown in "
                              + counts.records()
                              + " records: its visibility condition was never true");
                    } else if (shown == counts.records()) {
                      warnings.add(
                          "form '"
                              + form
                              + "': '"
                              + item
                              + "' was shown in all "
                              + counts.records()
                              + " records: its visibility condition was never false");
                    }
                  });
        });
    return warnings;
  }
}
