package no.regforms.indicator;

import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.Indicator;
import no.regforms.definition.Registry;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.presentation.Templates;

/**
 * Draws indicator results as a self-contained HTML page with inline SVG charts, like a registry's
 * annual report: for each indicator a horizontal bar per group (sorted, the national value as its
 * own bar and a dashed line, target bands with their names, the number of cases in brackets, the 95
 * % interval as a whisker, suppressed groups greyed and labelled), and a trend chart over the
 * years. Every mark carries a text label or a pattern, so the charts read in print and without
 * colour.
 *
 * <p>Markup lives in {@code templates/indicators/report.vm}; this class computes the geometry into
 * view records. Texts come from the {@link MessageCatalogue} of the report's language; every text
 * inserted into the page is HTML-escaped ({@link Templates}). Immutable and thread-safe.
 */
public final class IndicatorReport {

  static final String TEMPLATE = "templates/indicators/report.vm";
  private static final int CHART_X = 250;
  private static final int CHART_WIDTH = 400;
  private static final int ROW = 24;
  private static final int TOP = 34;
  private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2"};
  private static final String[] MARKS = {"circle", "square", "triangle", "diamond", "cross"};

  private final Registry registry;
  private final String language;
  private final MessageCatalogue texts;
  private final Locale locale;

  private IndicatorReport(Registry registry, String language) {
    this.registry = registry;
    this.language = language;
    this.texts = MessageCatalogue.of(language);
    this.locale = Locale.forLanguageTag(texts.text("locale"));
  }

  /**
   * A report of {@code registry}'s indicators with texts in {@code language} ({@code nb}, {@code
   * nn} or {@code en}).
   */
  public static IndicatorReport of(Registry registry, String language) {
    return new IndicatorReport(
        Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(language, "language"));
  }

  /**
   * Writes the report of {@code results} for {@code year}, with charts at {@code level}.
   *
   * @param results the results, with earlier years for the trend chart
   * @param year the report year
   * @param level the level the bar charts show ({@link GroupLevel#HF} as the annual reports do)
   * @param out where the HTML goes
   */
  public void write(IndicatorResults results, int year, GroupLevel level, Writer out) {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(out, "out");
    String levelName = texts.text("report.level." + level.name().toLowerCase(Locale.ROOT));
    String yearText = String.valueOf(year);
    Map<String, Object> model = new HashMap<>();
    model.put("lang", texts.language());
    model.put("registry", registry.title().in(language));
    model.put("year", yearText);
    model.put(
        "t",
        new ReportTexts(
            texts.text("report.title", registry.title().in(language), yearText),
            texts.text("report.intro", yearText, levelName),
            texts.text("report.national", yearText),
            texts.text("report.attainment"),
            texts.text("report.trend"),
            texts.text("report.barCaption", levelName, yearText),
            texts.text("report.trendCaption"),
            texts.text("report.definition"),
            texts.text("report.issues")));
    List<IndicatorView> indicators = new ArrayList<>();
    for (Indicator indicator : registry.indicators().values()) {
      if (results.of(indicator.id()).isEmpty()) continue;
      indicators.add(indicator(indicator, results, year, level));
    }
    model.put("indicators", indicators);
    model.put(
        "issues",
        results.diagnostics().issues().stream()
            .map(
                i -> i.severity().name().toLowerCase(Locale.ROOT) + ": " + i.message().in(language))
            .toList());
    Templates.classpath().merge(TEMPLATE, model, out);
  }

  /** The report as a string; see {@link #write}. */
  public String render(IndicatorResults results, int year, GroupLevel level) {
    StringWriter out = new StringWriter();
    write(results, year, level, out);
    return out.toString();
  }

  // ---- the view records the template reads
  // ---------------------------------------------------------

  /** The report's fixed texts, with the year and level put in. */
  public record ReportTexts(
      String title,
      String intro,
      String national,
      String attainment,
      String trend,
      String barCaption,
      String trendCaption,
      String definition,
      String issues) {}

  /**
   * One indicator: its texts, and either {@code notComputed} (a reason, when there is nothing to
   * draw) or the bar chart; {@code trend} is null with fewer than two years.
   */
  public record IndicatorView(
      String id,
      String title,
      String description,
      String national,
      String levels,
      String notComputed,
      BarChart chart,
      TrendChart trend) {}

  /** The bar chart: one bar per group, target bands, axis ticks and the national line (or null). */
  public record BarChart(
      int height,
      int axisY,
      int chartX,
      int chartWidth,
      int chartRight,
      List<Bar> bars,
      List<Band> bands,
      List<Tick> ticks,
      Line nationalLine) {}

  /**
   * A group's bar; {@code noValue} when suppressed or without a value (then {@code valueText} says
   * why), {@code zero} for a value of 0, drawn as a mark on the axis; {@code whisker} is the 95 %
   * interval or null.
   */
  public record Bar(
      String label,
      int y,
      int textY,
      int height,
      boolean national,
      boolean suppressed,
      boolean noValue,
      boolean zero,
      String width,
      String fill,
      String level,
      String valueText,
      String valueX,
      Whisker whisker) {}

  /** A bar's interval: a horizontal line from x1 to x2 at y, with end ticks from y1 to y2. */
  public record Whisker(String x1, String x2, int y, int y1, int y2) {}

  /** A target band behind the bars (or the trend lines), with its pattern and name. */
  public record Band(
      String x,
      String width,
      String y,
      String height,
      String colour,
      String pattern,
      String label,
      String labelX,
      int labelY) {}

  /** An axis tick and its label. */
  public record Tick(String x, String y, String label) {}

  /** A vertical line at x from y1 to y2. */
  public record Line(String x, int y1, int y2) {}

  /** The trend chart over the years: a series per group, ticks on both axes, target bands. */
  public record TrendChart(
      List<Series> series,
      List<Tick> xTicks,
      List<Tick> yTicks,
      int left,
      int right,
      int top,
      int bottom,
      int height,
      List<Band> bands) {}

  /** A group's line in the trend chart, its end label and its legend entry. */
  public record Series(
      String name,
      String path,
      String dash,
      String mark,
      boolean national,
      List<Tick> points,
      String endX,
      String endY,
      int legendX,
      int legendY,
      int legendMid,
      int legendEnd,
      int legendTextX,
      int legendTextY) {}

  // ---- geometry
  // --------------------------------------------------------------------------------------

  private IndicatorView indicator(
      Indicator indicator, IndicatorResults results, int year, GroupLevel level) {
    boolean share = SkdeExport.isFraction(indicator);
    boolean coverage = indicator.type() == Indicator.Type.COVERAGE;
    String title = indicator.title().in(language);
    String versions = versions(indicator, results);
    // A definition that changed names, under the text, which definition computed which years.
    String description =
        indicator.description().map(d -> d.in(language)).orElse("")
            + (versions.isEmpty() ? "" : " " + texts.text("report.definitionVersions", versions));
    int min = indicator.minDenominator().orElse(0);
    Optional<IndicatorResult> national =
        results.find(indicator.id(), year, GroupLevel.NATIONAL, Aggregator.NATIONAL);
    String levels = indicator.levels().map(l -> levelsText(l, indicator)).orElse("");
    if (coverage
        && results.of(indicator.id()).stream()
            .noneMatch(r -> r.year() == year && r.expected().isPresent())) {
      // Coverage divides by expected counts; without them there is nothing to draw.
      long registered = national.map(IndicatorResult::numerator).orElse(0L);
      return new IndicatorView(
          indicator.id(),
          title,
          description,
          texts.text("report.notComputed"),
          levels,
          texts.text(
              "report.coverageNotComputed", String.valueOf(year), String.valueOf(registered)),
          null,
          null);
    }

    List<IndicatorResult> rows =
        new ArrayList<>(
            results.of(indicator.id(), year, level).stream()
                .filter(r -> r.denominator() > 0 || r.expected().isPresent())
                .toList());
    // best first: the highest values, or the lowest where lower is better; groups without a value
    // last
    boolean lowerIsBetter = indicator.levels().map(l -> !l.higherIsBetter()).orElse(false);
    rows.sort(
        Comparator.comparing(IndicatorResult::isSuppressed)
            .thenComparing(r -> r.value().isEmpty())
            .thenComparing(r -> lowerIsBetter ? r.value().orElse(0.0) : -r.value().orElse(0.0))
            .thenComparing(IndicatorResult::name));
    double max =
        share && !coverage
            ? 1.0
            : Math.max(
                coverage ? 1.0 : 0.0,
                rows.stream()
                    .flatMap(r -> r.upper().or(r::value).stream())
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(1.0));
    if (national.isPresent() && national.get().value().isPresent())
      max = Math.max(max, national.get().value().get());
    AxisScale axis = AxisScale.covering(max);
    final double scale = axis.top();
    List<Bar> bars = new ArrayList<>();
    int y = TOP;
    if (national.isPresent()) {
      bars.add(bar(national.get(), y, scale, indicator, min, true, coverage));
      y += ROW + 6;
    }
    for (IndicatorResult r : rows) {
      bars.add(bar(r, y, scale, indicator, min, false, coverage));
      y += ROW;
    }
    final int bottom = y;
    Line nationalLine =
        national
            .filter(r -> !r.isSuppressed())
            .flatMap(IndicatorResult::value)
            .map(
                v -> new Line(fmt(CHART_X + CHART_WIDTH * Math.min(v / scale, 1)), TOP - 4, bottom))
            .orElse(null);
    BarChart chart =
        new BarChart(
            y + 30,
            y + 4,
            CHART_X,
            CHART_WIDTH,
            CHART_X + CHART_WIDTH,
            bars,
            bands(indicator, scale, TOP - 14, y - TOP + 14),
            ticks(axis, share, y),
            nationalLine);
    return new IndicatorView(
        indicator.id(),
        title,
        description,
        national.map(r -> summary(r, indicator)).orElse("–"),
        levels,
        "",
        chart,
        trend(indicator, results, share));
  }

  private Bar bar(
      IndicatorResult r,
      int y,
      double scale,
      Indicator indicator,
      int min,
      boolean isNational,
      boolean coverage) {
    boolean share = SkdeExport.isFraction(indicator);
    boolean hidden = r.isSuppressed();
    String n =
        r.expected().isPresent() && !share ? "" : hidden ? "–" : String.valueOf(r.denominator());
    if (r.expected().isPresent()) n = hidden ? "–" : String.valueOf(r.numerator());
    String label = (isNational ? texts.text("report.norway") : r.name()) + " (" + n + ")";
    // A bar at 0 % is told from a bar without value by a flag, not by comparing texts.
    if (hidden || r.value().isEmpty()) {
      String why =
          hidden
              ? (r.suppression() == Suppression.PRIMARY
                  ? texts.text("report.fewerThan", min)
                  : texts.text("report.hidden"))
              : coverage && r.expected().isEmpty()
                  ? texts.text("report.expectedMissing")
                  : texts.text("report.noData");
      return new Bar(
          label,
          y,
          y + 15,
          ROW - 6,
          isNational,
          hidden,
          true,
          false,
          "0",
          "none",
          "",
          why,
          String.valueOf(CHART_X + 6),
          null);
    }
    double value = r.value().get();
    double width = CHART_WIDTH * Math.min(value / scale, 1);
    String level = r.attainment().map(Attainment::letter).orElse("");
    double past =
        r.upper().isPresent()
            ? CHART_WIDTH
                * Math.max(0, Math.min(r.upper().get() / scale, 1) - Math.min(value / scale, 1))
            : 0;
    Whisker whisker =
        r.lower().isPresent() && r.upper().isPresent()
            ? new Whisker(
                fmt(CHART_X + CHART_WIDTH * Math.min(Math.max(r.lower().get(), 0) / scale, 1)),
                fmt(CHART_X + CHART_WIDTH * Math.min(r.upper().get() / scale, 1)),
                y + (ROW - 6) / 2,
                y + 3,
                y + ROW - 9)
            : null;
    // A value of 0 has no bar to draw; a mark on the axis shows where it stands.
    return new Bar(
        label,
        y,
        y + 15,
        ROW - 6,
        isNational,
        false,
        false,
        value == 0,
        fmt(width),
        r.attainment().map(Attainment::colour).orElse("#6b7b8c"),
        level,
        format(value, indicator) + (level.isEmpty() ? "" : "  " + level),
        fmt(CHART_X + width + 6 + past),
        whisker);
  }

  private List<Band> bands(Indicator indicator, double scale, int y, int height) {
    List<Band> bands = new ArrayList<>();
    if (indicator.levels().isEmpty()) return bands;
    Indicator.Levels levels = indicator.levels().get();
    double green = levels.high().doubleValue();
    double yellow = levels.medium().doubleValue();
    if (levels.higherIsBetter()) {
      band(bands, 0, yellow, scale, y, height, "#D85140", "low");
      band(bands, yellow, green, scale, y, height, "#FD9C00", "medium");
      band(bands, green, scale, scale, y, height, "#58A55C", "high");
    } else {
      band(bands, 0, green, scale, y, height, "#58A55C", "high");
      band(bands, green, yellow, scale, y, height, "#FD9C00", "medium");
      band(bands, yellow, scale, scale, y, height, "#D85140", "low");
    }
    return bands;
  }

  private void band(
      List<Band> bands,
      double from,
      double to,
      double scale,
      int y,
      int height,
      String colour,
      String pattern) {
    double x1 = CHART_X + CHART_WIDTH * Math.min(from / scale, 1);
    double x2 = CHART_X + CHART_WIDTH * Math.min(to / scale, 1);
    if (x2 - x1 < 0.5) return;
    bands.add(
        new Band(
            fmt(x1),
            fmt(x2 - x1),
            String.valueOf(y),
            String.valueOf(height),
            colour,
            pattern,
            texts.text("report.band." + pattern),
            fmt((x1 + x2) / 2),
            y - 4));
  }

  private List<Tick> ticks(AxisScale axis, boolean share, int y) {
    List<Tick> ticks = new ArrayList<>();
    for (BigDecimal value : axis.ticks()) {
      ticks.add(
          new Tick(
              fmt(CHART_X + CHART_WIDTH * value.doubleValue() / axis.top()),
              String.valueOf(y + 18),
              tickLabel(value, share)));
    }
    return ticks;
  }

  /**
   * For an indicator whose definition changed, which definition computed which years of the run
   * ("2019: 2019–2021; 2022: 2022–2024"); empty when one definition computed them all.
   */
  private String versions(Indicator indicator, IndicatorResults results) {
    if (registry.indicatorVersions(indicator.id()).size() < 2) return "";
    Map<String, List<Integer>> years = new LinkedHashMap<>();
    for (int year : results.years()) {
      registry
          .indicatorVersion(indicator.id(), year)
          .ifPresent(v -> years.computeIfAbsent(v.version(), k -> new ArrayList<>()).add(year));
    }
    List<String> parts = new ArrayList<>();
    years.forEach(
        (version, list) ->
            parts.add(
                version
                    + ": "
                    + list.get(0)
                    + (list.size() > 1 ? "–" + list.get(list.size() - 1) : "")));
    return String.join("; ", parts);
  }

  /**
   * A round tick as it reads: {@code 20 %} for a share of 0.2, {@code 2.5} (or {@code 2,5}) for a
   * mean.
   */
  private String tickLabel(BigDecimal value, boolean share) {
    String number =
        (share ? value.movePointRight(2) : value)
            .stripTrailingZeros()
            .toPlainString()
            .replace('.', java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    return share ? number + " %" : number;
  }

  /** A series while its geometry is worked out; the end label moves before the record is made. */
  private static final class TrendLine {
    final String name;
    final boolean national;
    final List<double[]> points = new ArrayList<>();
    double endY;

    TrendLine(String name, boolean national) {
      this.name = name;
      this.national = national;
    }
  }

  private TrendChart trend(Indicator indicator, IndicatorResults results, boolean share) {
    List<Integer> years = results.years();
    if (years.size() < 2) return null;
    int left = 60;
    int width = 520;
    int top = 20;
    int height = 160;
    double max = share && indicator.type() != Indicator.Type.COVERAGE ? 1.0 : 0;
    List<String> groups = new ArrayList<>();
    groups.add(Aggregator.NATIONAL);
    registry.organisations().regions().forEach(r -> groups.add(r.id()));
    List<TrendLine> lines = new ArrayList<>();
    for (String group : groups) {
      GroupLevel level = group.equals(Aggregator.NATIONAL) ? GroupLevel.NATIONAL : GroupLevel.RHF;
      List<double[]> points = new ArrayList<>();
      String name = null;
      for (int i = 0; i < years.size(); i++) {
        Optional<IndicatorResult> r = results.find(indicator.id(), years.get(i), level, group);
        if (r.isPresent())
          name = level == GroupLevel.NATIONAL ? texts.text("report.norway") : r.get().name();
        if (r.isPresent() && !r.get().isSuppressed() && r.get().value().isPresent()) {
          points.add(new double[] {i, r.get().value().get()});
          max = Math.max(max, r.get().value().get());
        }
      }
      if (points.isEmpty()) continue;
      TrendLine line = new TrendLine(name, group.equals(Aggregator.NATIONAL));
      line.points.addAll(points);
      lines.add(line);
    }
    if (lines.isEmpty()) return null;
    AxisScale axis = AxisScale.covering(max);
    double scale = axis.top();
    double step = (double) width / (years.size() - 1);
    for (TrendLine line : lines) {
      double[] last = line.points.get(line.points.size() - 1);
      line.endY = round(top + height - height * last[1] / scale);
    }
    spreadEndLabels(lines, top, top + height);
    List<Series> series = new ArrayList<>();
    int legendY = top + height + 40;
    int legendX = left;
    for (TrendLine line : lines) {
      StringBuilder path = new StringBuilder();
      List<Tick> points = new ArrayList<>();
      double endX = 0;
      for (double[] p : line.points) {
        double x = left + step * p[0];
        double y = top + height - height * p[1] / scale;
        path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
        points.add(new Tick(fmt(x), fmt(y), format(p[1], indicator)));
        endX = round(x) + 8;
      }
      int index = series.size();
      series.add(
          new Series(
              line.name,
              path.toString(),
              DASHES[index % DASHES.length],
              MARKS[index % MARKS.length],
              line.national,
              points,
              fmt(endX),
              fmt(line.endY),
              legendX,
              legendY,
              legendX + 14,
              legendX + 28,
              legendX + 34,
              legendY + 4));
      legendX += 44 + 6 * line.name.length();
      if (legendX > 700) {
        legendX = left;
        legendY += 18;
      }
    }
    List<Tick> xTicks = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      xTicks.add(
          new Tick(
              fmt(left + step * i),
              String.valueOf(top + height + 18),
              String.valueOf(years.get(i))));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (BigDecimal value : axis.ticks()) {
      yTicks.add(
          new Tick(
              "",
              fmt(top + height - height * value.doubleValue() / scale),
              tickLabel(value, share)));
    }
    return new TrendChart(
        series,
        xTicks,
        yTicks,
        left,
        left + width,
        top,
        top + height,
        legendY + 14,
        trendBands(indicator, scale, left, width, top, height));
  }

  /** Moves the series' end labels apart so no two overlap (at least 13 px between baselines). */
  private static void spreadEndLabels(List<TrendLine> lines, int top, int bottom) {
    List<TrendLine> byY = new ArrayList<>(lines);
    byY.sort(Comparator.comparingDouble(l -> l.endY));
    double previous = Double.NEGATIVE_INFINITY;
    for (TrendLine line : byY) {
      line.endY = round(Math.max(line.endY, previous + 13));
      previous = line.endY;
    }
    double overflow = previous - (bottom + 10);
    if (overflow > 0) {
      for (TrendLine line : byY) line.endY = round(Math.max(top, line.endY - overflow));
    }
  }

  private List<Band> trendBands(
      Indicator indicator, double scale, int left, int width, int top, int height) {
    List<Band> out = new ArrayList<>();
    if (indicator.levels().isEmpty()) return out;
    Indicator.Levels l = indicator.levels().get();
    double green = l.high().doubleValue();
    double yellow = l.medium().doubleValue();
    double[][] ranges =
        l.higherIsBetter()
            ? new double[][] {{0, yellow}, {yellow, green}, {green, scale}}
            : new double[][] {{0, green}, {green, yellow}, {yellow, scale}};
    String[] colours =
        l.higherIsBetter()
            ? new String[] {"#D85140", "#FD9C00", "#58A55C"}
            : new String[] {"#58A55C", "#FD9C00", "#D85140"};
    for (int i = 0; i < 3; i++) {
      double from = Math.min(ranges[i][0], scale);
      double to = Math.min(ranges[i][1], scale);
      if (to - from <= 0) continue;
      double y1 = top + height - height * to / scale;
      double y2 = top + height - height * from / scale;
      out.add(
          new Band(
              String.valueOf(left),
              String.valueOf(width),
              fmt(y1),
              fmt(y2 - y1),
              colours[i],
              "",
              "",
              "",
              0));
    }
    return out;
  }

  private String summary(IndicatorResult r, Indicator indicator) {
    if (r.isSuppressed() || r.value().isEmpty()) return "–";
    String value = format(r.value().get(), indicator);
    if (indicator.type() == Indicator.Type.PROPORTION) {
      return texts.text(
          "report.proportion",
          value,
          String.valueOf(r.numerator()),
          String.valueOf(r.denominator()));
    }
    if (indicator.type() == Indicator.Type.COVERAGE) {
      return texts.text(
          "report.coverage",
          value,
          String.valueOf(r.numerator()),
          String.valueOf(Math.round(r.expected().orElse(0.0))));
    }
    if (indicator.type() == Indicator.Type.COUNT) return String.valueOf(r.denominator());
    return texts.text("report.mean", value, String.valueOf(r.denominator()));
  }

  private String levelsText(Indicator.Levels l, Indicator indicator) {
    String green = format(l.high().doubleValue(), indicator);
    String yellow = format(l.medium().doubleValue(), indicator);
    return texts.text(
        l.higherIsBetter() ? "report.levels.higherIsBetter" : "report.levels.lowerIsBetter",
        green,
        yellow);
  }

  private String format(double value, Indicator indicator) {
    if (SkdeExport.isFraction(indicator)) return String.format(locale, "%.0f %%", value * 100);
    // A count is a whole number of cases, as SKDE's upload formats it.
    return String.format(locale, indicator.type() == Indicator.Type.COUNT ? "%.0f" : "%.1f", value);
  }

  /** A coordinate as the page writes it: one decimal. */
  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * {@code value} rounded as {@link #fmt} writes it, so positions computed from it agree with the
   * page.
   */
  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
