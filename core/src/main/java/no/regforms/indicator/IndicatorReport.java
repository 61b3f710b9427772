package no.regforms.indicator;

import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import no.regforms.definition.Indicator;
import no.regforms.definition.Registry;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Draws indicator results as a self-contained HTML page with inline SVG charts, like a registry's
 * annual report: for each indicator a horizontal bar per group (sorted, the national value as its own
 * bar and a dashed line, target bands with their names, the number of cases in brackets, the 95 %
 * interval as a whisker, suppressed groups greyed and labelled), and a trend chart over the years.
 * Every mark carries a text label or a pattern, so the charts read in print and without colour.
 *
 * <p>Markup lives in {@code templates/indicators/report.vm}; this class computes the geometry. Every
 * text inserted into the page is HTML-escaped. Immutable and thread-safe.
 */
public final class IndicatorReport {

  static final String TEMPLATE = "templates/indicators/report.vm";
  private static final int CHART_X = 250;
  private static final int CHART_WIDTH = 400;
  private static final int ROW = 24;
  private static final int TOP = 34;

  private final VelocityEngine engine;
  private final Registry registry;
  private final String language;

  private IndicatorReport(Registry registry, String language) {
    this.registry = registry;
    this.language = language;
    Properties properties = new Properties();
    properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
    properties.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
    properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
    properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
    this.engine = new VelocityEngine(properties);
    this.engine.init();
  }

  /** A report of {@code registry}'s indicators with texts in {@code language} ({@code nb} or {@code en}). */
  public static IndicatorReport of(Registry registry, String language) {
    return new IndicatorReport(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(language, "language"));
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
    VelocityContext context = new VelocityContext();
    EventCartridge cartridge = new EventCartridge();
    ReferenceInsertionEventHandler escaper = (ctx, reference, value) ->
        value == null || reference.startsWith("$raw") || reference.startsWith("${raw") ? value
            : StringEscapeUtils.escapeXml10(String.valueOf(value));
    cartridge.addEventHandler(escaper);
    cartridge.attachToContext(context);
    context.put("registry", registry.title().in(language));
    context.put("year", String.valueOf(year));
    context.put("levelName", levelName(level));
    List<Map<String, Object>> indicators = new ArrayList<>();
    for (Indicator indicator : registry.indicators().values()) {
      if (results.of(indicator.id()).isEmpty()) continue;
      indicators.add(indicator(indicator, results, year, level));
    }
    context.put("indicators", indicators);
    context.put("issues", results.diagnostics().issues().stream().map(i -> i.severity().name().toLowerCase(Locale.ROOT)
        + ": " + i.message().in(language)).toList());
    Template template = engine.getTemplate(TEMPLATE, "UTF-8");
    template.merge(context, out);
  }

  /** The report as a string; see {@link #write}. */
  public String render(IndicatorResults results, int year, GroupLevel level) {
    StringWriter out = new StringWriter();
    write(results, year, level, out);
    return out.toString();
  }

  private String levelName(GroupLevel level) {
    boolean nb = language.equals("nb");
    switch (level) {
      case UNIT: return nb ? "enhet" : "unit";
      case HF: return nb ? "helseforetak" : "health trust";
      case RHF: return nb ? "region" : "region";
      default: return nb ? "nasjonalt" : "national";
    }
  }

  private Map<String, Object> indicator(Indicator indicator, IndicatorResults results, int year, GroupLevel level) {
    Map<String, Object> model = new LinkedHashMap<>();
    boolean share = SkdeExport.isFraction(indicator);
    model.put("id", indicator.id());
    model.put("title", indicator.title().in(language));
    model.put("description", indicator.description().map(d -> d.in(language)).orElse(""));
    model.put("type", SkdeExport.type(indicator));
    int min = indicator.minDenominator().orElse(0);
    model.put("minDenominator", String.valueOf(min));
    Optional<IndicatorResult> national = results.find(indicator.id(), year, GroupLevel.NATIONAL, Aggregator.NATIONAL);
    model.put("national", national.map(r -> summary(r, share, indicator)).orElse("–"));
    model.put("levels", indicator.levels().map(l -> levelsText(l, share)).orElse(""));
    model.put("notComputed", "");
    if (indicator.type() == Indicator.Type.COVERAGE
        && results.of(indicator.id()).stream().noneMatch(r -> r.year() == year && r.expected().isPresent())) {
      // Coverage divides by expected counts; without them there is nothing to draw.
      long registered = national.map(IndicatorResult::numerator).orElse(0L);
      model.put("national", language.equals("nb") ? "ikke beregnet" : "not computed");
      model.put("notComputed", language.equals("nb")
          ? "Dekningsgraden er ikke beregnet fordi kjøringen ikke hadde forventet antall (--expected). Registrert i " + year
              + ": " + registered + "."
          : "Coverage is not computed because the run had no expected counts (--expected). Registered in " + year + ": "
              + registered + ".");
      model.put("trend", null);
      return model;
    }

    List<IndicatorResult> rows = new ArrayList<>(results.of(indicator.id(), year, level).stream()
        .filter(r -> r.denominator() > 0 || r.expected().isPresent()).toList());
    // best first: the highest values, or the lowest where lower is better; groups without a value last
    boolean lowerIsBetter = indicator.levels().map(l -> !l.higherIsBetter()).orElse(false);
    rows.sort(Comparator.comparing(IndicatorResult::isSuppressed)
        .thenComparing(r -> r.value().isEmpty())
        .thenComparing(r -> lowerIsBetter ? r.value().orElse(0.0) : -r.value().orElse(0.0))
        .thenComparing(IndicatorResult::name));
    double max = share && indicator.type() != Indicator.Type.COVERAGE ? 1.0
        : Math.max(indicator.type() == Indicator.Type.COVERAGE ? 1.0 : 0.0, rows.stream()
            .flatMap(r -> r.upper().or(r::value).stream()).mapToDouble(Double::doubleValue).max().orElse(1.0));
    if (national.isPresent() && national.get().value().isPresent()) max = Math.max(max, national.get().value().get());
    AxisScale axis = AxisScale.covering(max);
    final double scale = axis.top();
    List<Map<String, Object>> bars = new ArrayList<>();
    int y = TOP;
    if (national.isPresent()) {
      bars.add(bar(national.get(), y, scale, share, min, true, indicator.type() == Indicator.Type.COVERAGE));
      y += ROW + 6;
    }
    for (IndicatorResult r : rows) {
      bars.add(bar(r, y, scale, share, min, false, indicator.type() == Indicator.Type.COVERAGE));
      y += ROW;
    }
    model.put("bars", bars);
    model.put("chartHeight", String.valueOf(y + 30));
    model.put("axisY", String.valueOf(y + 4));
    model.put("chartX", String.valueOf(CHART_X));
    model.put("chartWidth", String.valueOf(CHART_WIDTH));
    model.put("chartRight", String.valueOf(CHART_X + CHART_WIDTH));
    model.put("bands", bands(indicator, scale, TOP - 14, y - TOP + 14, share));
    model.put("ticks", ticks(axis, share, y));
    final int bottom = y;
    model.put("nationalLine", national.filter(r -> !r.isSuppressed()).flatMap(IndicatorResult::value)
        .map(v -> Map.<String, Object>of("x", fmt(CHART_X + CHART_WIDTH * Math.min(v / scale, 1)), "y1", String.valueOf(TOP - 4),
            "y2", String.valueOf(bottom))).orElse(null));
    model.put("trend", trend(indicator, results, share));
    model.put("hasBands", indicator.levels().isPresent());
    return model;
  }

  private Map<String, Object> bar(IndicatorResult r, int y, double scale, boolean share, int min, boolean isNational,
      boolean coverage) {
    Map<String, Object> bar = new LinkedHashMap<>();
    boolean hidden = r.isSuppressed();
    String n = r.expected().isPresent() && !share ? "" : String.valueOf(hidden ? "–" : r.denominator());
    if (r.expected().isPresent()) n = hidden ? "–" : String.valueOf(r.numerator());
    bar.put("label", (isNational ? (language.equals("nb") ? "Norge" : "Norway") : r.name()) + " (" + n + ")");
    bar.put("y", String.valueOf(y));
    bar.put("textY", String.valueOf(y + 15));
    bar.put("height", String.valueOf(ROW - 6));
    bar.put("national", isNational);
    bar.put("suppressed", hidden);
    // Velocity's == compares "0.0" and "0" as numbers, so a bar at 0 % is told from a bar without value by a flag.
    bar.put("noValue", hidden || r.value().isEmpty());
    if (hidden || r.value().isEmpty()) {
      bar.put("width", "0");
      bar.put("zero", false);
      bar.put("valueText", hidden
          ? (r.suppression() == Suppression.PRIMARY ? (language.equals("nb") ? "Færre enn " + min + " observasjoner" : "Fewer than " + min + " cases")
              : (language.equals("nb") ? "Skjult for å verne små tall" : "Hidden to protect small numbers"))
          : coverage && r.expected().isEmpty()
              ? (language.equals("nb") ? "Forventet antall mangler" : "Expected count missing")
              : (language.equals("nb") ? "Ingen data" : "No data"));
      bar.put("valueX", String.valueOf(CHART_X + 6));
      bar.put("level", "");
      bar.put("fill", "none");
      bar.put("whisker", null);
      return bar;
    }
    double value = r.value().get();
    double width = CHART_WIDTH * Math.min(value / scale, 1);
    bar.put("width", fmt(width));
    // A value of 0 has no bar to draw; a mark on the axis shows where it stands.
    bar.put("zero", value == 0);
    bar.put("fill", r.attainment().map(Attainment::colour).orElse("#6b7b8c"));
    String level = r.attainment().map(a -> a.letter()).orElse("");
    bar.put("level", level);
    bar.put("valueText", format(value, share) + (level.isEmpty() ? "" : "  " + level));
    bar.put("valueX", fmt(CHART_X + width + 6 + (r.upper().isPresent() ? CHART_WIDTH * Math.max(0, Math.min(r.upper().get() / scale, 1) - Math.min(value / scale, 1)) : 0)));
    if (r.lower().isPresent() && r.upper().isPresent()) {
      Map<String, Object> whisker = new LinkedHashMap<>();
      whisker.put("x1", fmt(CHART_X + CHART_WIDTH * Math.min(Math.max(r.lower().get(), 0) / scale, 1)));
      whisker.put("x2", fmt(CHART_X + CHART_WIDTH * Math.min(r.upper().get() / scale, 1)));
      whisker.put("y", String.valueOf(y + (ROW - 6) / 2));
      whisker.put("y1", String.valueOf(y + 3));
      whisker.put("y2", String.valueOf(y + ROW - 9));
      bar.put("whisker", whisker);
    } else {
      bar.put("whisker", null);
    }
    return bar;
  }

  private List<Map<String, Object>> bands(Indicator indicator, double scale, int y, int height, boolean share) {
    List<Map<String, Object>> bands = new ArrayList<>();
    if (indicator.levels().isEmpty()) return bands;
    Indicator.Levels levels = indicator.levels().get();
    double green = levels.high().doubleValue();
    double yellow = levels.medium().doubleValue();
    boolean nb = language.equals("nb");
    if (levels.higherIsBetter()) {
      band(bands, 0, yellow, scale, y, height, "#D85140", "low", nb ? "Lav" : "Low");
      band(bands, yellow, green, scale, y, height, "#FD9C00", "medium", nb ? "Middels" : "Medium");
      band(bands, green, scale, scale, y, height, "#58A55C", "high", nb ? "Høy" : "High");
    } else {
      band(bands, 0, green, scale, y, height, "#58A55C", "high", nb ? "Høy" : "High");
      band(bands, green, yellow, scale, y, height, "#FD9C00", "medium", nb ? "Middels" : "Medium");
      band(bands, yellow, scale, scale, y, height, "#D85140", "low", nb ? "Lav" : "Low");
    }
    return bands;
  }

  private static void band(List<Map<String, Object>> bands, double from, double to, double scale, int y, int height,
      String colour, String pattern, String label) {
    double x1 = CHART_X + CHART_WIDTH * Math.min(from / scale, 1);
    double x2 = CHART_X + CHART_WIDTH * Math.min(to / scale, 1);
    if (x2 - x1 < 0.5) return;
    Map<String, Object> band = new LinkedHashMap<>();
    band.put("x", fmt(x1));
    band.put("width", fmt(x2 - x1));
    band.put("y", String.valueOf(y));
    band.put("height", String.valueOf(height));
    band.put("colour", colour);
    band.put("pattern", pattern);
    band.put("label", label);
    band.put("labelX", fmt((x1 + x2) / 2));
    band.put("labelY", String.valueOf(y - 4));
    bands.add(band);
  }

  private List<Map<String, Object>> ticks(AxisScale axis, boolean share, int y) {
    List<Map<String, Object>> ticks = new ArrayList<>();
    for (BigDecimal value : axis.ticks()) {
      Map<String, Object> tick = new LinkedHashMap<>();
      tick.put("x", fmt(CHART_X + CHART_WIDTH * value.doubleValue() / axis.top()));
      tick.put("y", String.valueOf(y + 18));
      tick.put("label", tickLabel(value, share));
      ticks.add(tick);
    }
    return ticks;
  }

  /** A round tick as it reads: {@code 20 %} for a share of 0.2, {@code 2.5} for a mean. */
  private String tickLabel(BigDecimal value, boolean share) {
    String number = (share ? value.movePointRight(2) : value).stripTrailingZeros().toPlainString();
    if (language.equals("nb")) number = number.replace('.', ',');
    return share ? number + " %" : number;
  }

  private Map<String, Object> trend(Indicator indicator, IndicatorResults results, boolean share) {
    List<Integer> years = results.years();
    Map<String, Object> trend = new LinkedHashMap<>();
    if (years.size() < 2) return null;
    int left = 60;
    int width = 520;
    int top = 20;
    int height = 160;
    double max = share && indicator.type() != Indicator.Type.COVERAGE ? 1.0 : 0;
    List<String> groups = new ArrayList<>();
    groups.add(Aggregator.NATIONAL);
    registry.organisations().regions().forEach(r -> groups.add(r.id()));
    List<Map<String, Object>> series = new ArrayList<>();
    String[] dashes = {"", "6 3", "2 3", "8 3 2 3", "1 2"};
    String[] marks = {"circle", "square", "triangle", "diamond", "cross"};
    for (String group : groups) {
      GroupLevel level = group.equals(Aggregator.NATIONAL) ? GroupLevel.NATIONAL : GroupLevel.RHF;
      List<double[]> points = new ArrayList<>();
      String name = null;
      for (int i = 0; i < years.size(); i++) {
        Optional<IndicatorResult> r = results.find(indicator.id(), years.get(i), level, group);
        if (r.isPresent()) name = level == GroupLevel.NATIONAL ? (language.equals("nb") ? "Norge" : "Norway") : r.get().name();
        if (r.isPresent() && !r.get().isSuppressed() && r.get().value().isPresent()) {
          points.add(new double[] {i, r.get().value().get()});
          max = Math.max(max, r.get().value().get());
        }
      }
      if (points.isEmpty()) continue;
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name);
      s.put("raw", points);
      s.put("dash", dashes[series.size() % dashes.length]);
      s.put("mark", marks[series.size() % marks.length]);
      s.put("national", group.equals(Aggregator.NATIONAL));
      series.add(s);
    }
    if (series.isEmpty()) return null;
    AxisScale axis = AxisScale.covering(max);
    double scale = axis.top();
    double step = years.size() == 1 ? 0 : (double) width / (years.size() - 1);
    for (Map<String, Object> s : series) {
      @SuppressWarnings("unchecked")
      List<double[]> raw = (List<double[]>) s.remove("raw");
      StringBuilder path = new StringBuilder();
      List<Map<String, Object>> pts = new ArrayList<>();
      for (double[] p : raw) {
        double x = left + step * p[0];
        double y = top + height - height * p[1] / scale;
        path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
        pts.add(Map.of("x", fmt(x), "y", fmt(y), "label", format(p[1], share)));
      }
      s.put("path", path.toString());
      s.put("points", pts);
      Map<String, Object> last = pts.get(pts.size() - 1);
      s.put("endX", fmt(Double.parseDouble((String) last.get("x")) + 8));
      s.put("endY", last.get("y"));
    }
    spreadEndLabels(series, top, top + height);
    List<Map<String, Object>> xTicks = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      xTicks.add(Map.of("x", fmt(left + step * i), "y", String.valueOf(top + height + 18), "label", String.valueOf(years.get(i))));
    }
    List<Map<String, Object>> yTicks = new ArrayList<>();
    for (BigDecimal value : axis.ticks()) {
      yTicks.add(Map.of("y", fmt(top + height - height * value.doubleValue() / scale), "label", tickLabel(value, share)));
    }
    int legendY = top + height + 40;
    int legendX = left;
    for (Map<String, Object> s : series) {
      s.put("legendX", String.valueOf(legendX));
      s.put("legendY", String.valueOf(legendY));
      s.put("legendMid", String.valueOf(legendX + 14));
      s.put("legendEnd", String.valueOf(legendX + 28));
      s.put("legendTextX", String.valueOf(legendX + 34));
      s.put("legendTextY", String.valueOf(legendY + 4));
      legendX += 44 + 6 * ((String) s.get("name")).length();
      if (legendX > 700) {
        legendX = left;
        legendY += 18;
      }
    }
    trend.put("series", series);
    trend.put("xTicks", xTicks);
    trend.put("yTicks", yTicks);
    trend.put("left", String.valueOf(left));
    trend.put("right", String.valueOf(left + width));
    trend.put("top", String.valueOf(top));
    trend.put("bottom", String.valueOf(top + height));
    trend.put("height", String.valueOf(legendY + 14));
    trend.put("bands", trendBands(indicator, scale, left, width, top, height));
    return trend;
  }

  /** Moves the series' end labels apart so no two overlap (at least 13 px between baselines). */
  private static void spreadEndLabels(List<Map<String, Object>> series, int top, int bottom) {
    List<Map<String, Object>> byY = new ArrayList<>(series);
    byY.sort(Comparator.comparingDouble(s -> Double.parseDouble((String) s.get("endY"))));
    double previous = Double.NEGATIVE_INFINITY;
    for (Map<String, Object> s : byY) {
      double y = Math.max(Double.parseDouble((String) s.get("endY")), previous + 13);
      s.put("endY", fmt(y));
      previous = y;
    }
    double overflow = previous - (bottom + 10);
    if (overflow > 0) {
      for (Map<String, Object> s : byY) s.put("endY", fmt(Math.max(top, Double.parseDouble((String) s.get("endY")) - overflow)));
    }
  }

  private List<Map<String, Object>> trendBands(Indicator indicator, double scale, int left, int width, int top, int height) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (indicator.levels().isEmpty()) return out;
    Indicator.Levels l = indicator.levels().get();
    double green = l.high().doubleValue();
    double yellow = l.medium().doubleValue();
    double[][] ranges = l.higherIsBetter() ? new double[][] {{0, yellow}, {yellow, green}, {green, scale}}
        : new double[][] {{0, green}, {green, yellow}, {yellow, scale}};
    String[] colours = l.higherIsBetter() ? new String[] {"#D85140", "#FD9C00", "#58A55C"} : new String[] {"#58A55C", "#FD9C00", "#D85140"};
    for (int i = 0; i < 3; i++) {
      double from = Math.min(ranges[i][0], scale);
      double to = Math.min(ranges[i][1], scale);
      if (to - from <= 0) continue;
      double y1 = top + height - height * to / scale;
      double y2 = top + height - height * from / scale;
      out.add(Map.of("x", String.valueOf(left), "width", String.valueOf(width), "y", fmt(y1), "height", fmt(y2 - y1),
          "colour", colours[i]));
    }
    return out;
  }

  private String summary(IndicatorResult r, boolean share, Indicator indicator) {
    if (r.isSuppressed() || r.value().isEmpty()) return "–";
    String value = format(r.value().get(), share);
    boolean nb = language.equals("nb");
    if (indicator.type() == Indicator.Type.PROPORTION) {
      return value + " (" + r.numerator() + (nb ? " av " : " of ") + r.denominator() + ")";
    }
    if (indicator.type() == Indicator.Type.COVERAGE) {
      return value + " (" + r.numerator() + (nb ? " av forventet " : " of expected ") + Math.round(r.expected().orElse(0.0)) + ")";
    }
    return value + " (n = " + r.denominator() + ")";
  }

  private String levelsText(Indicator.Levels l, boolean share) {
    String green = format(l.high().doubleValue(), share);
    String yellow = format(l.medium().doubleValue(), share);
    boolean nb = language.equals("nb");
    if (l.higherIsBetter()) {
      return (nb ? "Høy: minst " : "High: at least ") + green + "; " + (nb ? "middels: " : "medium: ") + yellow + "–" + green
          + "; " + (nb ? "lav: under " : "low: below ") + yellow;
    }
    return (nb ? "Høy: høyst " : "High: at most ") + green + "; " + (nb ? "middels: " : "medium: ") + green + "–" + yellow
        + "; " + (nb ? "lav: over " : "low: above ") + yellow;
  }

  private String format(double value, boolean share) {
    if (share) {
      return String.format(language.equals("nb") ? Locale.forLanguageTag("nb-NO") : Locale.ENGLISH, "%.0f %%", value * 100);
    }
    return String.format(language.equals("nb") ? Locale.forLanguageTag("nb-NO") : Locale.ENGLISH, "%.1f", value);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
