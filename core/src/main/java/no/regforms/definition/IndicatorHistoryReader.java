package no.regforms.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.TypeEnvironment;

/**
 * Reads an indicator's {@code history}: its earlier definitions, each applying to the reporting
 * years up to its {@code untilYear}, and the years the indicator applies to at all ({@code
 * fromYear}, {@code untilYear} at its top). An earlier definition names only what differed
 * (numerator, denominator, value, exclusions, levels, description); the rest is the current
 * definition's.
 */
final class IndicatorHistoryReader {

  /** The name of the current definition when the indicator names none. */
  static final String CURRENT = "current";

  private final FormulaCompiler formulas;
  private final List<Issue> issues;

  IndicatorHistoryReader(FormulaCompiler formulas, List<Issue> issues) {
    this.formulas = formulas;
    this.issues = issues;
  }

  /** Every definition of {@code current}, oldest first, the current one last. */
  List<IndicatorVersion> read(
      JsonDocument doc, Indicator current, Map<String, Form> forms, IndicatorReader reader) {
    TypeEnvironment environment =
        IndicatorReader.indicatorEnvironment(forms.get(current.form()), forms, current.subject());
    JsonFields root = new JsonFields(doc.root(), "");
    List<IndicatorVersion> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Optional<Integer> from = root.integer("fromYear");
    Integer previous = null;
    for (JsonFields entry : root.objects("history")) {
      String name = entry.text("version");
      int until = entry.integer("untilYear").orElse(0);
      if (!names.add(name)) {
        issues.add(
            Issue.error(
                    IssueCode.DUPLICATE_ID,
                    "indicator version '" + name + "' is listed twice",
                    doc.locate(entry.pointer("version")))
                .withHint("give each definition of the indicator its own name"));
      }
      if (previous != null && until <= previous) {
        issues.add(
            Issue.error(
                    IssueCode.RANGE_INVERTED,
                    "untilYear " + until + " is not after the previous definition's " + previous,
                    doc.locate(entry.pointer("untilYear")))
                .withHint("list the earlier definitions oldest first"));
      }
      previous = until;
      out.add(
          new IndicatorVersion(
              name, from, Optional.of(until), earlier(doc, entry, current, environment, reader)));
      from = Optional.of(until + 1);
    }
    Optional<Integer> last = root.integer("untilYear");
    if (last.isPresent() && from.isPresent() && last.get() < from.get()) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "untilYear "
                      + last.get()
                      + " is before the current definition's first year "
                      + from.get(),
                  doc.locate("/untilYear"))
              .withHint(
                  "the current definition applies from the year after the last earlier one's untilYear"));
    }
    String name = root.optionalText("version").orElse(CURRENT);
    if (!names.add(name)) {
      issues.add(
          Issue.error(
                  IssueCode.DUPLICATE_ID,
                  "indicator version '" + name + "' is also the name of an earlier definition",
                  doc.locate("/version"))
              .withHint("give each definition of the indicator its own name"));
    }
    out.add(new IndicatorVersion(name, from, last, current));
    return out;
  }

  private Indicator earlier(
      JsonDocument doc,
      JsonFields entry,
      Indicator current,
      TypeEnvironment environment,
      IndicatorReader reader) {
    Formula denominator =
        formulas.condition(entry, "denominator", environment, doc).orElse(current.denominator());
    Optional<Formula> numerator =
        entry.has("numerator")
            ? formulas.condition(entry, "numerator", environment, doc)
            : current.numerator();
    Optional<Formula> value =
        entry.has("value") ? formulas.number(entry, "value", environment, doc) : current.value();
    List<Indicator.Exclusion> exclusions =
        entry.has("exclusions")
            ? reader.readExclusions(doc, entry, environment)
            : current.exclusions();
    return new Indicator(
        current.id(),
        current.title(),
        current.shortTitle(),
        entry.has("description") ? entry.optionalLocalized("description") : current.description(),
        current.type(),
        current.subject(),
        current.form(),
        current.period(),
        denominator,
        numerator,
        value,
        exclusions,
        entry.has("levels") ? reader.readLevels(doc, entry, current.type()) : current.levels(),
        current.minDenominator(),
        current.groupBy(),
        current.attribution(),
        current.homeHf(),
        current.unitOfMeasure(),
        current.kind(),
        current.dimension(),
        current.national(),
        current.coverageIndicator(),
        entry.has("notes") ? entry.optionalText("notes") : current.notes(),
        doc.locate(entry.pointer()));
  }
}
