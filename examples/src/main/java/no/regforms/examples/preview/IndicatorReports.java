package no.regforms.examples.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import no.regforms.definition.Registry;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorReport;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indicator report for the records of {@code --data}, computed by the indicator engine for the
 * current version of the registry and kept until the registry or the data file changes.
 *
 * <p>Without a year the report covers the {@value #WINDOW} years up to this one and reports on the
 * latest of them that has cases; with a year, that year and the four before it, as {@code regforms
 * indicators} does. Thread-safe.
 */
final class IndicatorReports {

  private static final Logger log = LoggerFactory.getLogger(IndicatorReports.class);

  /** The languages the report is written in. */
  static final Set<String> LANGUAGES = Set.of("nb", "en");

  /** Years computed when no year is asked for. */
  static final int WINDOW = 10;

  private final Path data;
  private Computed last;

  IndicatorReports(Path data) {
    this.data = data;
  }

  private record Computed(
      long generation, long modified, long size, OptionalInt year, IndicatorResults results) {}

  /** The report of {@code registry}'s indicators, as an HTML page. */
  synchronized String render(
      Version version, Registry registry, String lang, OptionalInt year, GroupLevel level)
      throws IOException {
    IndicatorResults results = results(version, registry, year);
    int reportYear = year.isPresent() ? year.getAsInt() : latestYearWithCases(results);
    return IndicatorReport.of(registry, lang).render(results, reportYear, level);
  }

  private IndicatorResults results(Version version, Registry registry, OptionalInt year)
      throws IOException {
    long modified = Files.getLastModifiedTime(data).toMillis();
    long size = Files.size(data);
    if (last != null
        && last.generation() == version.generation()
        && last.modified() == modified
        && last.size() == size
        && last.year().equals(year)) {
      return last.results();
    }
    int to = year.orElse(LocalDate.now().getYear());
    int from = year.isPresent() ? to - 4 : to - WINDOW + 1;
    List<Integer> years = IntStream.rangeClosed(from, to).boxed().toList();
    long started = System.nanoTime();
    IndicatorResults results =
        IndicatorCalculator.of(registry)
            .calculate(data, RunOptions.years(years.toArray(Integer[]::new)));
    log.info(
        "computed {} indicators of {} for {}–{} in {} ms: {} result rows",
        registry.indicators().size(),
        registry.id(),
        from,
        to,
        (System.nanoTime() - started) / 1_000_000,
        results.results().size());
    last = new Computed(version.generation(), modified, size, year, results);
    return results;
  }

  /**
   * The latest year in which some indicator counted a case nationally, else the latest year
   * computed.
   */
  private static int latestYearWithCases(IndicatorResults results) {
    return results.results().stream()
        .filter(r -> r.level() == GroupLevel.NATIONAL && r.denominator() > 0)
        .mapToInt(r -> r.year())
        .max()
        .orElse(results.years().get(results.years().size() - 1));
  }
}
