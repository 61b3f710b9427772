package no.regforms.indicator;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.Organisations;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Expected case counts for coverage indicators (dekningsgrad), such as NPR counts per health trust.
 *
 * <p>Read from CSV with the header {@code indicator,year,hf,expected} (comma or semicolon
 * separated, decimal point): {@code hf} is a health-trust id or organisation number of the
 * organisation table, a region id, or {@code national}. A group without its own row is expected to
 * have the sum of its health trusts' rows. Rows that cannot be read are issues located by line; the
 * rest are kept. Immutable.
 */
public final class ExpectedCounts {

  /** The largest expected count a row may give: twice the population of Norway. */
  public static final BigDecimal MAX_EXPECTED = BigDecimal.valueOf(10_000_000);

  /** No expected counts: coverage indicators then have no value. */
  public static final ExpectedCounts NONE = new ExpectedCounts(Map.of(), Diagnostics.EMPTY);

  private final Map<String, Double> counts;
  private final Diagnostics diagnostics;

  private ExpectedCounts(Map<String, Double> counts, Diagnostics diagnostics) {
    this.counts = Collections.unmodifiableMap(new HashMap<>(counts));
    this.diagnostics = diagnostics;
  }

  /**
   * Reads expected counts from {@code in}.
   *
   * @param in the CSV text
   * @param file the file name, for issue locations
   * @param organisations the table health-trust ids and organisation numbers are checked against
   * @throws IOException if reading fails
   */
  public static ExpectedCounts read(Reader in, String file, Organisations organisations)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(organisations, "organisations");
    java.io.StringWriter text = new java.io.StringWriter();
    in.transferTo(text);
    return parse(text.toString(), file, organisations);
  }

  /** Reads expected counts from CSV {@code text}; see {@link #read}. */
  public static ExpectedCounts parse(String text, String file, Organisations organisations)
      throws IOException {
    char delimiter =
        text.lines().findFirst().map(first -> first.contains(";") ? ';' : ',').orElse(',');
    Map<String, Double> counts = new HashMap<>();
    List<Issue> issues = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .build();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (String column : List.of("indicator", "year", "hf", "expected")) {
        if (!parser.getHeaderMap().containsKey(column)) {
          issues.add(
              Issue.error(
                      IssueCode.MISSING_KEY,
                      "expected-counts file has no column '" + column + "'",
                      SourceLocation.of(file, 1, 1, ""))
                  .withHint("the header is indicator,year,hf,expected"));
        }
      }
      if (!issues.isEmpty()) return new ExpectedCounts(Map.of(), Diagnostics.of(issues));
      for (CSVRecord row : parser) {
        int line = (int) row.getRecordNumber() + 1; // the header is line 1
        SourceLocation where = SourceLocation.of(file, line, 1, "");
        Optional<String> group = group(row.get("hf"), organisations);
        if (group.isEmpty()) {
          issues.add(
              Issue.error(
                  IssueCode.UNKNOWN_ORGANISATION,
                  "unknown health trust or region '" + row.get("hf") + "'",
                  where));
          continue;
        }
        try {
          int year = Integer.parseInt(row.get("year"));
          BigDecimal exact = new BigDecimal(row.get("expected").replace(',', '.'));
          if (exact.signum() < 0 || exact.compareTo(MAX_EXPECTED) > 0)
            throw new NumberFormatException("out of range");
          double expected = exact.doubleValue();
          if (counts.putIfAbsent(key(row.get("indicator"), year, group.get()), expected) != null) {
            issues.add(
                Issue.error(
                    IssueCode.DUPLICATE_ID,
                    "a second row for the same indicator, year and group; the first is kept",
                    where));
          }
        } catch (NumberFormatException e) {
          issues.add(
              Issue.error(
                  IssueCode.INVALID_VALUE,
                  "year must be a whole number and expected a number from 0 to "
                      + MAX_EXPECTED.toPlainString(),
                  where));
        }
      }
    }
    return new ExpectedCounts(counts, Diagnostics.of(issues));
  }

  private static Optional<String> group(String text, Organisations organisations) {
    if (text.equals("national")) return Optional.of(text);
    if (organisations.region(text).isPresent()) return Optional.of(text);
    return organisations.healthTrust(text).map(Organisations.HealthTrust::id);
  }

  private static String key(String indicator, int year, String group) {
    return indicator + "\u0000" + year + "\u0000" + group;
  }

  /**
   * The expected count given for {@code group} (an HF or RHF id, or {@code national}), if a row
   * gives one.
   */
  public Optional<Double> expected(String indicator, int year, String group) {
    return Optional.ofNullable(counts.get(key(indicator, year, group)));
  }

  /** The ids of the indicators the rows give counts for, to check them against the registry. */
  public java.util.Set<String> indicators() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    counts.keySet().forEach(key -> ids.add(key.substring(0, key.indexOf('\u0000'))));
    return ids;
  }

  /** Issues met while reading. */
  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
