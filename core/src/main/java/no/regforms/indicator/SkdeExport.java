package no.regforms.indicator;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.Indicator;
import no.regforms.definition.IndicatorVersion;
import no.regforms.definition.Organisations;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports indicators for SKDE's national results service: the upload file its upload tool (imongr)
 * takes, and the indicator descriptions as its {@code ind} records.
 *
 * <p>Upload rows: fraction indicators ({@code andel}, {@code dg_andel}) as one aggregated row per
 * organisation number and year at the lowest level computed (units mapped from RESH id to the
 * hospital's organisation number through the dated organisation table, else health trusts), which
 * the service sums upward itself; other indicators ({@code gjennomsnitt}, {@code median}, {@code
 * antall}) as one pre-computed row per health trust, region and the nation (not per unit, since
 * units sharing a hospital's number cannot be merged), since the service does not aggregate them.
 * The context is {@code caregiver} for the treating unit and {@code resident} for home-HF
 * attribution. Cases of unknown units or health trusts carry SKDE's sentinel numbers (444444444,
 * 333333333). Every check of the upload tool is applied before anything is written; a file with a
 * failing row is not written at all. Fraction and other indicators go to separate files, as the
 * tool demands. Sums, minima and maxima have no SKDE type and are not exported.
 *
 * <p>Stateless apart from the registry; thread-safe.
 */
public final class SkdeExport {

  /** Upload-file columns, as the upload tool requires them. */
  public static final List<String> UPLOAD_COLUMNS =
      List.of("context", "year", "orgnr", "ind_id", "var", "denominator");

  /** {@code ind} record fields. */
  public static final List<String> IND_COLUMNS =
      List.of(
          "id",
          "dg_id",
          "include",
          "title",
          "name",
          "type",
          "sformat",
          "measure_unit",
          "min_denominator",
          "min_value",
          "max_value",
          "level_green",
          "level_yellow",
          "level_direction",
          "short_description",
          "long_description");

  static final String UNKNOWN_HOSPITAL_ORGNR = "444444444";
  static final String UNKNOWN_HF_ORGNR = "333333333";
  static final String UNKNOWN_RHF_ORGNR = "222222222";

  private final Registry registry;

  private SkdeExport(Registry registry) {
    this.registry = registry;
  }

  /** An exporter for {@code registry}'s indicators. */
  public static SkdeExport of(Registry registry) {
    return new SkdeExport(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * One row of the upload file.
   *
   * @param context {@code caregiver} or {@code resident}
   * @param year year of the events
   * @param orgnr organisation number
   * @param indId indicator id
   * @param var count of successes (fractions) or the value (others)
   * @param denominator number of events
   */
  public record UploadRow(
      String context, int year, String orgnr, String indId, BigDecimal var, long denominator) {}

  /**
   * The upload files' rows and what the upload tool's checks found.
   *
   * @param fractions rows of fraction indicators
   * @param others rows of other indicators
   * @param diagnostics every failed check; with errors, the files must not be uploaded
   */
  public record Upload(List<UploadRow> fractions, List<UploadRow> others, Diagnostics diagnostics) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Upload {
      fractions = List.copyOf(fractions);
      others = List.copyOf(others);
      Objects.requireNonNull(diagnostics, "diagnostics");
    }
  }

  /**
   * SKDE's indicator type for {@code indicator}; empty for sums, minima and maxima, which SKDE's
   * service has no type for (they are left out of the upload and the {@code ind} records).
   */
  public static Optional<String> type(Indicator indicator) {
    switch (indicator.type()) {
      case PROPORTION:
        return Optional.of("andel");
      case MEAN:
        return Optional.of("gjennomsnitt");
      case MEDIAN:
        return Optional.of("median");
      case COUNT:
        return Optional.of("antall");
      case COVERAGE:
        return Optional.of("dg_andel");
      default:
        return Optional.empty();
    }
  }

  static boolean isFraction(Indicator indicator) {
    return indicator.type() == Indicator.Type.PROPORTION
        || indicator.type() == Indicator.Type.COVERAGE;
  }

  /** Builds and checks the upload rows of {@code results}. */
  public Upload upload(IndicatorResults results) {
    Objects.requireNonNull(results, "results");
    Map<String, UploadRow> fractions = new LinkedHashMap<>();
    List<UploadRow> others = new ArrayList<>();
    List<Issue> issues = new ArrayList<>();
    for (Indicator indicator : registry.indicators().values()) {
      List<IndicatorResult> mine = results.of(indicator.id());
      if (mine.isEmpty() || type(indicator).isEmpty()) continue;
      String context = "home_hf".equals(indicator.attribution()) ? "resident" : "caregiver";
      if (isFraction(indicator)) {
        GroupLevel lowest =
            mine.stream().anyMatch(r -> r.level() == GroupLevel.UNIT)
                ? GroupLevel.UNIT
                : GroupLevel.HF;
        for (IndicatorResult r : mine) {
          if (r.level() != lowest) continue;
          long denominator;
          if (indicator.type() == Indicator.Type.COVERAGE) {
            if (r.expected().isEmpty()) continue;
            denominator = Math.round(r.expected().get());
          } else {
            denominator = r.denominator();
          }
          if (denominator == 0 && r.numerator() == 0) continue;
          String orgnr = orgnr(r);
          String key = indicator.id() + "|" + r.year() + "|" + orgnr + "|" + context;
          UploadRow row =
              new UploadRow(
                  context,
                  r.year(),
                  orgnr,
                  indicator.id(),
                  BigDecimal.valueOf(r.numerator()),
                  denominator);
          fractions.merge(
              key,
              row,
              (a, b) ->
                  new UploadRow(
                      context,
                      a.year(),
                      orgnr,
                      a.indId(),
                      a.var().add(b.var()),
                      a.denominator() + b.denominator()));
        }
      } else {
        for (IndicatorResult r : mine) {
          // Several units can share one hospital number, and a mean cannot be merged: units are not
          // uploaded.
          if (r.level() == GroupLevel.UNIT || r.value().isEmpty() || r.denominator() == 0) continue;
          others.add(
              new UploadRow(
                  context,
                  r.year(),
                  orgnr(r),
                  indicator.id(),
                  BigDecimal.valueOf(r.value().get()).setScale(3, RoundingMode.HALF_UP),
                  r.denominator()));
        }
      }
    }
    List<UploadRow> fractionRows = new ArrayList<>(fractions.values());
    Comparator<UploadRow> order =
        Comparator.comparing(UploadRow::indId)
            .thenComparingInt(UploadRow::year)
            .thenComparing(UploadRow::context)
            .thenComparing(UploadRow::orgnr);
    fractionRows.sort(order);
    others.sort(order);
    check(fractionRows, true, issues);
    check(others, false, issues);
    return new Upload(fractionRows, others, Diagnostics.of(issues));
  }

  private String orgnr(IndicatorResult r) {
    if (r.orgnr().isPresent()) return r.orgnr().get();
    switch (r.level()) {
      case UNIT:
        return UNKNOWN_HOSPITAL_ORGNR;
      case HF:
        return UNKNOWN_HF_ORGNR;
      default:
        return UNKNOWN_RHF_ORGNR;
    }
  }

  /** The upload tool's checks ({@code R/upload.R}), each failure an error naming the row. */
  private void check(List<UploadRow> rows, boolean fraction, List<Issue> issues) {
    Set<String> known = knownOrgnrs();
    Set<String> keys = new HashSet<>();
    int number = 1;
    for (UploadRow row : rows) {
      number++;
      SourceLocation where =
          SourceLocation.of(
              fraction ? "skde-upload-andel.csv" : "skde-upload-other.csv", number, 1, "");
      List<String> problems = new ArrayList<>();
      if (!row.context().equals("caregiver") && !row.context().equals("resident"))
        problems.add("unknown context");
      if (row.year() < 0) problems.add("year is not a natural number");
      if (!known.contains(row.orgnr()))
        problems.add("orgnr " + row.orgnr() + " is not in the organisation tables");
      if (!registry.indicators().containsKey(row.indId()) || row.indId().length() > 63)
        problems.add("unknown ind_id");
      if (row.denominator() <= 0) problems.add("denominator must be a natural number above 0");
      if (fraction) {
        if (row.var().signum() < 0 || row.var().stripTrailingZeros().scale() > 0)
          problems.add("var must be a natural number");
        if (row.var().compareTo(BigDecimal.valueOf(row.denominator())) > 0)
          problems.add("var is greater than denominator");
      } else if (!keys.add(
          row.indId() + "|" + row.orgnr() + "|" + row.context() + "|" + row.year())) {
        problems.add("duplicate row for indicator, orgnr, context and year");
      }
      for (String problem : problems) {
        issues.add(
            Issue.error(
                IssueCode.EXPORT_CHECK_FAILED,
                row.indId() + " " + row.year() + " " + row.orgnr() + ": " + problem,
                where));
      }
    }
  }

  private Set<String> knownOrgnrs() {
    Set<String> known =
        new HashSet<>(
            Set.of(
                Organisations.NATION_ORGNR,
                UNKNOWN_HOSPITAL_ORGNR,
                UNKNOWN_HF_ORGNR,
                UNKNOWN_RHF_ORGNR));
    Organisations org = registry.organisations();
    org.regions().forEach(r -> known.add(r.orgnr()));
    org.healthTrusts().forEach(h -> known.add(h.orgnr()));
    org.units().forEach(u -> known.add(u.orgnr()));
    return known;
  }

  /**
   * Writes upload rows as the upload tool reads them: {@code ;}-separated with a {@code .} decimal
   * mark.
   */
  public static void writeUpload(List<UploadRow> rows, Writer out) throws IOException {
    try (CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader(UPLOAD_COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n')
                .build())) {
      for (UploadRow row : rows) {
        printer.printRecord(
            row.context(),
            row.year(),
            row.orgnr(),
            row.indId(),
            row.var().stripTrailingZeros().toPlainString(),
            row.denominator());
      }
    }
  }

  /**
   * The indicator descriptions as {@code ind} records, keyed by field name in {@link #IND_COLUMNS}
   * order, with the issues the service's limits raise (lengths, the level check constraint).
   *
   * @param records one map per indicator
   * @param diagnostics texts too long for the service's columns, level thresholds the service
   *     rejects
   */
  public record IndRecords(List<Map<String, Object>> records, Diagnostics diagnostics) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public IndRecords {
      records = List.copyOf(records);
      Objects.requireNonNull(diagnostics, "diagnostics");
    }
  }

  /** The registry's indicators as {@code ind} records. */
  public IndRecords indRecords() {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Issue> issues = new ArrayList<>();
    for (Indicator indicator : registry.indicators().values()) {
      if (type(indicator).isEmpty()) continue;
      boolean share = isFraction(indicator);
      String description =
          (indicator.description().map(d -> d.in("nb")).orElse("") + definitions(indicator))
              .strip();
      String shortDescription = firstSentence(description);
      Map<String, Object> ind = new LinkedHashMap<>();
      ind.put("id", indicator.id());
      ind.put("dg_id", coverageIndicator(indicator).orElse(null));
      ind.put("include", 1);
      ind.put("title", indicator.title().in("nb"));
      ind.put(
          "name", indicator.shortTitle().map(t -> t.in("nb")).orElse(indicator.title().in("nb")));
      ind.put("type", type(indicator).orElseThrow());
      ind.put(
          "sformat", share ? ",.0%" : indicator.type() == Indicator.Type.COUNT ? ",.0f" : ",.1f");
      ind.put("measure_unit", share ? "%" : indicator.unitOfMeasure().orElse(null));
      ind.put("min_denominator", indicator.minDenominator().orElse(null));
      ind.put("min_value", share ? 0 : null);
      ind.put("max_value", share ? 1 : null);
      ind.put("level_green", indicator.levels().map(l -> l.high()).orElse(null));
      ind.put("level_yellow", indicator.levels().map(l -> l.medium()).orElse(null));
      ind.put(
          "level_direction", indicator.levels().map(l -> l.higherIsBetter() ? 1 : 0).orElse(null));
      ind.put("short_description", shortDescription);
      ind.put("long_description", description);
      limit(indicator, "id", indicator.id(), 63, issues);
      limit(indicator, "title", (String) ind.get("title"), 255, issues);
      limit(indicator, "name", (String) ind.get("name"), 255, issues);
      limit(indicator, "short_description", shortDescription, 1023, issues);
      limit(indicator, "long_description", description, 2047, issues);
      if (indicator.minDenominator().orElse(0) > 255) {
        issues.add(
            Issue.error(
                IssueCode.EXPORT_CHECK_FAILED,
                "min_denominator above 255 does not fit SKDE's column",
                indicator.location()));
      }
      indicator
          .levels()
          .ifPresent(
              l -> {
                boolean ok =
                    l.higherIsBetter()
                        ? l.high().compareTo(l.medium()) >= 0
                        : l.high().compareTo(l.medium()) <= 0;
                if (!ok)
                  issues.add(
                      Issue.error(
                          IssueCode.EXPORT_CHECK_FAILED,
                          "levels break SKDE's check: green must be on the better side of yellow",
                          indicator.location()));
              });
      out.add(ind);
    }
    return new IndRecords(out, Diagnostics.of(issues));
  }

  /**
   * For an indicator whose definition changed, the years each definition applies to, so a reader of
   * a trend sees where it breaks: " Definisjoner: 2019 (til og med 2021); 2022 (fra 2022)."
   */
  private String definitions(Indicator indicator) {
    List<IndicatorVersion> versions = registry.indicatorVersions(indicator.id());
    if (versions.size() < 2) return "";
    List<String> parts = new ArrayList<>();
    for (IndicatorVersion v : versions) {
      String years =
          v.fromYear().isPresent() && v.untilYear().isPresent()
              ? v.fromYear().get() + "–" + v.untilYear().get()
              : v.untilYear()
                  .map(y -> "til og med " + y)
                  .orElseGet(() -> v.fromYear().map(y -> "fra " + y).orElse("alle år"));
      parts.add(v.version() + " (" + years + ")");
    }
    return " Definisjoner: " + String.join("; ", parts) + ".";
  }

  /**
   * The coverage indicator {@code indicator}'s results depend on (SKDE's {@code dg_id}): the one
   * its definition names, else the registry's only coverage indicator; none for a coverage
   * indicator.
   */
  private Optional<String> coverageIndicator(Indicator indicator) {
    if (indicator.type() == Indicator.Type.COVERAGE) return Optional.empty();
    if (indicator.coverageIndicator().isPresent()) return indicator.coverageIndicator();
    List<String> coverage =
        registry.indicators().values().stream()
            .filter(i -> i.type() == Indicator.Type.COVERAGE)
            .map(Indicator::id)
            .toList();
    return coverage.size() == 1 ? Optional.of(coverage.get(0)) : Optional.empty();
  }

  private static void limit(
      Indicator indicator, String field, String text, int max, List<Issue> issues) {
    if (text != null && text.length() > max) {
      issues.add(
          Issue.error(
                  IssueCode.EXPORT_CHECK_FAILED,
                  field + " has " + text.length() + " characters; SKDE's column holds " + max,
                  indicator.location())
              .withHint("shorten the indicator's text or give a shorter description"));
    }
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** Writes {@code ind} records as {@code ;}-separated CSV with a {@code .} decimal mark. */
  public static void writeInd(IndRecords records, Writer out) throws IOException {
    try (CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader(IND_COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n')
                .build())) {
      for (Map<String, Object> record : records.records()) {
        List<Object> row = new ArrayList<>();
        for (String column : IND_COLUMNS) {
          Object value = record.get(column);
          row.add(
              value instanceof BigDecimal d
                  ? d.toPlainString()
                  : Optional.ofNullable(value).orElse(""));
        }
        printer.printRecord(row);
      }
    }
  }
}
