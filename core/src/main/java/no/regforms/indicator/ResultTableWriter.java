package no.regforms.indicator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import no.regforms.definition.Indicator;
import no.regforms.diagnostic.Issue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes indicator results as a tidy table, one row per indicator, year and group, as CSV or JSON.
 *
 * <p>A suppressed row keeps its identity and its suppression reason but shows no numerator,
 * denominator, value, interval or level, so no small count can be read or worked out from the
 * table. A coverage row's numerator is the registered cases and its denominator the expected count
 * (rounded); without expected counts both its denominator and value are empty. A mean or median row
 * has no numerator (empty): its denominator is the cases with a value, its value the figure. Values
 * are shares between 0 and 1 (or means and medians in the indicator's unit), rounded to six
 * decimals. Stateless and thread-safe.
 */
public final class ResultTableWriter {

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "indicator",
          "year",
          "level",
          "group",
          "name",
          "orgnr",
          "numerator",
          "denominator",
          "expected",
          "value",
          "ci_lower",
          "ci_upper",
          "attainment",
          "suppressed",
          "excluded",
          "left_out",
          "left_out_total",
          "version");

  private ResultTableWriter() {}

  /** Writes {@code results} as CSV (comma separated, header row, UTF-8 text). */
  public static void writeCsv(IndicatorResults results, Writer out) throws IOException {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(out, "out");
    try (CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n')
                .build())) {
      for (IndicatorResult result : results.results()) {
        List<Object> row = new ArrayList<>();
        for (Object cell : row(result).values()) {
          row.add(
              cell instanceof Map<?, ?> map
                  ? joined(map)
                  : cell instanceof BigDecimal d ? d.toPlainString() : cell == null ? "" : cell);
        }
        printer.printRecord(row);
      }
    }
  }

  /**
   * Writes {@code results} as a JSON object with {@code years}, {@code results} and {@code issues}.
   */
  public static void writeJson(IndicatorResults results, Writer out) throws IOException {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(out, "out");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("years", results.years());
    doc.put("results", results.results().stream().map(ResultTableWriter::row).toList());
    doc.put(
        "issues", results.diagnostics().issues().stream().map(ResultTableWriter::issue).toList());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .writeValue(out, doc);
  }

  /** One issue as results.json lists it; keys in a fixed order so the file is byte-stable. */
  private static Map<String, Object> issue(Issue issue) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("severity", issue.severity().name().toLowerCase(java.util.Locale.ROOT));
    out.put("code", issue.code().code());
    out.put("message", issue.message().in("en"));
    return out;
  }

  private static String joined(Map<?, ?> map) {
    return map.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  static Map<String, Object> row(IndicatorResult r) {
    boolean hidden = r.isSuppressed();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("indicator", r.indicator());
    row.put("year", r.year());
    row.put("level", r.level().key());
    row.put("group", r.group());
    row.put("name", r.name());
    row.put("orgnr", r.orgnr().orElse(null));
    // A mean or median has no numerator: its cases are the denominator and its figure the value.
    boolean averages = r.type() == Indicator.Type.MEAN || r.type() == Indicator.Type.MEDIAN;
    row.put("numerator", hidden || averages ? null : r.numerator());
    // Coverage divides the registered cases by the expected count: without one, there is no
    // denominator.
    row.put(
        "denominator",
        hidden
            ? null
            : r.type() == Indicator.Type.COVERAGE
                ? r.expected().map(Math::round).orElse(null)
                : (Object) r.denominator());
    row.put("expected", r.expected().map(ResultTableWriter::round).orElse(null));
    row.put("value", hidden ? null : r.value().map(ResultTableWriter::round).orElse(null));
    row.put("ci_lower", hidden ? null : r.lower().map(ResultTableWriter::round).orElse(null));
    row.put("ci_upper", hidden ? null : r.upper().map(ResultTableWriter::round).orElse(null));
    row.put("attainment", r.attainment().map(Attainment::letter).orElse(null));
    row.put("suppressed", r.suppression().name().toLowerCase(java.util.Locale.ROOT));
    row.put("excluded", hidden ? Map.of() : r.excluded());
    row.put("left_out", hidden ? Map.of() : r.leftOut());
    row.put("left_out_total", hidden ? null : r.leftOutTotal());
    row.put("version", r.version());
    return row;
  }

  static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  static Optional<BigDecimal> round(Optional<Double> value) {
    return value.map(ResultTableWriter::round);
  }
}
