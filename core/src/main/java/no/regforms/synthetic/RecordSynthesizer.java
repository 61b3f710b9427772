package no.regforms.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.DependencyGraph;
import no.regforms.definition.Form;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.SyntheticProfile;
import no.regforms.definition.SyntheticProfile.Bucket;
import no.regforms.definition.SyntheticProfile.Days;
import no.regforms.definition.SyntheticProfile.Distribution;
import no.regforms.definition.SyntheticProfile.Histogram;
import no.regforms.definition.SyntheticProfile.Normal;
import no.regforms.definition.SyntheticProfile.Span;
import no.regforms.definition.Variable;
import no.regforms.expression.EvaluationContext;

/**
 * Fills in one form with random values that respect the form's constraints: visibility in
 * dependency order, ranges (inside the plausible range), steps, decimals, codes valid on the
 * record's date, choice and row counts, and the profile's distributions. Cross-field rules are left
 * to the caller, which validates and retries. Single-threaded; one per generation run.
 */
final class RecordSynthesizer {

  private final Registry registry;
  private final SyntheticProfile profile;
  private final SplittableRandom random;
  private final LocalDate today;

  RecordSynthesizer(
      Registry registry, SyntheticProfile profile, SplittableRandom random, LocalDate today) {
    this.registry = registry;
    this.profile = profile;
    this.random = random;
    this.today = today;
  }

  /**
   * A filled-in record: raw (JSON-shaped) values, typed values, and the top-level items hidden by
   * skip logic.
   */
  record Filled(Map<String, Object> raw, Map<String, Object> typed, Set<String> hidden) {}

  /** Values for a record of {@code form} anchored at {@code anchor}. */
  Filled fill(Form form, LocalDate anchor, Map<String, Object> sharedValues) {
    return fill(form, anchor, sharedValues, 1);
  }

  /**
   * Values for a record of {@code form} anchored at {@code anchor}, the patient's {@code
   * ordinal}-th (1-based) record of that form.
   */
  Filled fill(Form form, LocalDate anchor, Map<String, Object> sharedValues, int ordinal) {
    Scope scope = new Scope(null, form.id(), ordinal, anchor, sharedValues);
    Set<String> shown = fillScope(form.graph(), scope);
    Set<String> hidden = new HashSet<>(form.graph().items().keySet());
    hidden.removeAll(shown);
    return new Filled(scope.raw, scope.typed, hidden);
  }

  private final class Scope implements EvaluationContext {
    final Scope outer;
    final String form;
    final int ordinal;
    final LocalDate anchor;
    final Map<String, Object> shared;
    final Map<String, Object> typed = new HashMap<>();
    final Map<String, Object> raw = new LinkedHashMap<>();
    final Map<String, Variable> variables = new HashMap<>();
    LocalDate cursor;

    Scope(Scope outer, String form, int ordinal, LocalDate anchor, Map<String, Object> shared) {
      this.outer = outer;
      this.form = form;
      this.ordinal = ordinal;
      this.anchor = anchor;
      this.shared = shared;
      this.cursor = anchor;
    }

    @Override
    public Object value(String name) {
      if (typed.containsKey(name)) return typed.get(name);
      return outer == null ? null : outer.value(name);
    }

    @Override
    public LocalDate today() {
      return today;
    }
  }

  /**
   * Fills one scope's shown variables and repeat groups in dependency order; returns the ids of the
   * items shown.
   */
  private Set<String> fillScope(DependencyGraph graph, Scope scope) {
    graph
        .items()
        .values()
        .forEach(
            item -> {
              if (item instanceof Variable v) scope.variables.put(v.id(), v);
            });
    return graph.walk(
        scope,
        new DependencyGraph.ScopeVisitor() {
          @Override
          public void variable(Variable variable, boolean shown) {
            if (shown) fillVariable(variable, scope);
          }

          @Override
          public void repeat(RepeatGroup repeat, boolean shown, DependencyGraph rows) {
            if (shown) fillRows(repeat, rows, scope);
          }
        });
  }

  private void fillRows(RepeatGroup repeat, DependencyGraph rowGraph, Scope scope) {
    Distribution spec = byCase(profile.distribution(scope.form, repeat.id()), scope);
    int min = repeat.min();
    int max = repeat.max().orElse(min + 3);
    if (spec.rows().isPresent()) {
      min = Math.max(min, (int) spec.rows().get().min());
      max = Math.min(max, (int) spec.rows().get().max());
    }
    int count = min + random.nextInt(Math.max(1, max - min + 1));
    List<Object> rawRows = new ArrayList<>();
    List<Map<String, Object>> typedRows = new ArrayList<>();
    LocalDate rowAnchor = scope.cursor;
    for (int i = 0; i < count; i++) {
      Scope row = new Scope(scope, scope.form, scope.ordinal, rowAnchor, Map.of());
      fillScope(rowGraph, row);
      rawRows.add(row.raw);
      typedRows.add(row.typed);
      rowAnchor = row.cursor.plusDays(1);
    }
    scope.raw.put(repeat.id(), rawRows);
    scope.typed.put(repeat.id(), typedRows);
  }

  private void fillVariable(Variable variable, Scope scope) {
    if (variable.isComputed()) {
      // Computed as the validator computes it, so an item whose visibility reads it is decided on
      // its value; only the typed value is kept, since a record carries no computed values.
      Object value = variable.compute().get().compiled().evaluate(scope);
      if (value != null) scope.typed.put(variable.id(), value);
      return;
    }
    if (scope.raw.containsKey(variable.id()))
      return; // filled already, perhaps on demand as a "from" base
    if (scope.shared.containsKey(variable.id())) {
      Object typed = scope.shared.get(variable.id());
      put(variable, typed, scope);
      return;
    }
    Distribution spec = byCase(profile.distribution(scope.form, variable.id()), scope);
    boolean required =
        variable.required()
            || variable
                .requiredIf()
                .map(f -> Boolean.TRUE.equals(f.compiled().evaluate(scope)))
                .orElse(false);
    double fillRate = spec.fill().orElse(profile.fillRate());
    if (!required && random.nextDouble() >= fillRate) return;
    if (!variable.missing().isEmpty() && random.nextDouble() < spec.missingRate().orElse(0.02)) {
      scope.raw.put(variable.id(), Map.of("missing", variable.missing().get(0)));
      return;
    }
    Object typed = value(variable, spec, scope);
    if (typed != null) put(variable, typed, scope);
  }

  /**
   * The case of {@code spec} that its {@code by} variable's value picks ({@code {"by": "consent",
   * "cases": {"none": {...}}}}), or {@code spec} itself when it has no {@code by} or no case
   * matches. The {@code by} variable is filled first if need be.
   */
  private Distribution byCase(Distribution spec, Scope scope) {
    if (spec.by().isEmpty()) return spec;
    String by = spec.by().get();
    if (!scope.raw.containsKey(by) && scope.variables.containsKey(by))
      fillVariable(scope.variables.get(by), scope);
    Object value = scope.value(by);
    String key =
        value instanceof BigDecimal number
            ? number.stripTrailingZeros().toPlainString()
            : String.valueOf(value);
    Distribution match = value == null ? null : spec.cases().get(key);
    return match != null ? match : spec;
  }

  private void put(Variable variable, Object typed, Scope scope) {
    scope.typed.put(variable.id(), typed);
    scope.raw.put(variable.id(), toRaw(typed));
    if (typed instanceof LocalDate date && date.isAfter(scope.cursor) && !date.isAfter(today)) {
      scope.cursor = date;
    }
  }

  static Object toRaw(Object typed) {
    if (typed instanceof LocalDate || typed instanceof YearMonth || typed instanceof LocalDateTime)
      return typed.toString();
    return typed;
  }

  // ---- values by type -------------------------------------------------------------------------

  private Object value(Variable variable, Distribution spec, Scope scope) {
    if (spec.ordinal() && variable.type().isNumeric()) {
      return BigDecimal.valueOf(scope.ordinal);
    }

    if (!spec.values().isEmpty()) {
      return typed(variable, spec.values().get(random.nextInt(spec.values().size())));
    }
    if (!spec.weights().isEmpty() && variable.type().isNumeric()) {
      return new BigDecimal(weighted(spec.weights()));
    }
    switch (variable.type()) {
      case INTEGER:
      case DECIMAL:
        return number(variable, spec);
      case BOOLEAN:
        return random.nextDouble() < spec.probability().orElse(0.5);
      case DATE:
        return date(variable, spec, scope);
      case YEARMONTH:
        {
          LocalDate date = date(variable, spec, scope);
          return date == null ? null : YearMonth.from(date);
        }
      case DATETIME:
        {
          LocalDate date = date(variable, spec, scope);
          return date == null ? null : date.atTime(8 + random.nextInt(9), random.nextInt(60));
        }
      case CODE:
        return code(variable, spec, scope);
      case CODES:
        return codes(variable, spec, scope);
      case TEXT:
        if (spec.prefix().isPresent()) return token(spec.prefix().get());
        Optional<String> identifier =
            SyntheticIdentifiers.value(variable, random, birthDate(scope));
        if (identifier.isPresent()) return identifier.get();
        return variable.pattern().isPresent() ? null : text(variable);
      default:
        return null;
    }
  }

  /**
   * A value of {@code values} as {@code variable} takes it (the profile's reader checked that it
   * fits).
   */
  private static Object typed(Variable variable, Object value) {
    switch (variable.type()) {
      case INTEGER:
      case DECIMAL:
      case BOOLEAN:
      case CODES:
        return value;
      case DATE:
        return LocalDate.parse(String.valueOf(value));
      case YEARMONTH:
        return YearMonth.parse(String.valueOf(value));
      case DATETIME:
        return LocalDateTime.parse(String.valueOf(value));
      default:
        return String.valueOf(value);
    }
  }

  private BigDecimal number(Variable variable, Distribution spec) {
    Range limits = variable.plausibleRange().or(variable::range).orElse(null);
    BigDecimal min = limits == null ? BigDecimal.ZERO : limits.numericMin().orElse(BigDecimal.ZERO);
    BigDecimal max =
        limits == null
            ? BigDecimal.valueOf(100)
            : limits.numericMax().orElse(min.add(BigDecimal.valueOf(100)));
    double raw;
    if (spec.normal().isPresent()) {
      raw = spec.normal().get().mean() + random.nextGaussian() * spec.normal().get().sd();
    } else {
      raw = min.doubleValue() + random.nextDouble() * (max.doubleValue() - min.doubleValue());
    }
    raw = Math.max(min.doubleValue(), Math.min(max.doubleValue(), raw));
    BigDecimal base = variable.range().flatMap(Range::numericMin).orElse(BigDecimal.ZERO);
    BigDecimal step =
        variable
            .step()
            .orElse(
                variable.type() == no.regforms.definition.VariableType.INTEGER
                    ? BigDecimal.ONE
                    : BigDecimal.ONE.movePointLeft(variable.decimals().orElse(1)));
    BigDecimal steps = BigDecimal.valueOf(raw).subtract(base).divide(step, 0, RoundingMode.HALF_UP);
    BigDecimal value = base.add(steps.multiply(step));
    while (value.compareTo(max) > 0) value = value.subtract(step);
    while (value.compareTo(min) < 0) value = value.add(step);
    return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
  }

  private LocalDate date(Variable variable, Distribution spec, Scope scope) {
    LocalDate date;
    if (spec.from().isPresent()) {
      String from = spec.from().get();
      Object base = from.indexOf('.') > 0 ? latest(from, scope) : scope.value(from);
      if (base == null && scope.variables.containsKey(from)) {
        fillVariable(scope.variables.get(from), scope);
        base = scope.value(from);
      }
      for (Scope s = scope; base == null && s != null; s = s.outer) {
        base = s.shared.get(from); // a shared value from the patient's earlier forms
      }

      LocalDate anchor =
          base instanceof LocalDate d
              ? d
              : base instanceof YearMonth m
                  ? m.atDay(15)
                  : base instanceof LocalDateTime t ? t.toLocalDate() : scope.anchor;
      date = anchor.plusDays(offset(spec.days().orElse(new Span(0, 30))));
    } else if (spec.yearsBefore().isPresent()) {
      int years = (int) between(spec.yearsBefore().get());
      date = scope.anchor.minusYears(years).minusDays(random.nextInt(365));
    } else if (spec.between().isPresent()) {
      LocalDate start = spec.between().get().first();
      LocalDate end = spec.between().get().last();
      date = start.plusDays(random.nextLong(ChronoUnit.DAYS.between(start, end) + 1));
    } else if (spec.days().isPresent()) {
      // A histogram counts from a "from" date (the profile's reader requires one); alone, days span
      // 0 to 7.
      date =
          scope.cursor.plusDays(
              between(spec.days().get() instanceof Span span ? span : new Span(0, 7)));
    } else {
      date = scope.cursor.plusDays(random.nextInt(8));
    }
    if (date.isAfter(today) && spec.futureEmpty()) {
      return null; // the event has not happened yet
    }
    return clamp(variable, date);
  }

  /** The patient's date of birth, when the record (or an earlier form's shared values) has one. */
  private static Optional<LocalDate> birthDate(Scope scope) {
    for (Scope s = scope; s != null; s = s.outer) {
      for (Map<String, Object> values : List.of(s.typed, s.shared)) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
          String id = e.getKey().toLowerCase(java.util.Locale.ROOT);
          if (e.getValue() instanceof LocalDate date
              && (id.contains("birth") || id.contains("fodsel") || id.contains("fødsel"))) {
            return Optional.of(date);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The latest date of a repeat member named {@code "repeat.member"}, or null if it has none. */
  private static LocalDate latest(String path, Scope scope) {
    int dot = path.indexOf('.');
    LocalDate latest = null;
    if (scope.value(path.substring(0, dot)) instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> values
            && values.get(path.substring(dot + 1)) instanceof LocalDate date
            && (latest == null || date.isAfter(latest))) {
          latest = date;
        }
      }
    }
    return latest;
  }

  private LocalDate clamp(Variable variable, LocalDate date) {
    LocalDate result = date.isAfter(today) ? today : date;
    Optional<Range> range = variable.range();
    if (range.isPresent()
        && range.get().min() instanceof Bound.Date min
        && result.isBefore(min.value())) {
      result = min.value();
    }
    return result;
  }

  /**
   * Days from a {@code from} date: uniform in a span {@code [min, max]}, or from a histogram (a
   * bucket drawn by weight, then uniform inside it).
   */
  private long offset(Days days) {
    if (days instanceof Span span) return between(span);
    List<Bucket> buckets = ((Histogram) days).buckets();
    double total = 0;
    for (Bucket bucket : buckets) total += bucket.weight();
    double pick = random.nextDouble() * total;
    Bucket chosen = buckets.get(buckets.size() - 1);
    for (Bucket bucket : buckets) {
      pick -= bucket.weight();
      if (pick < 0) {
        chosen = bucket;
        break;
      }
    }
    return between(chosen.span());
  }

  private long between(Span span) {
    return span.min()
        + (span.max() > span.min() ? random.nextLong(span.max() - span.min() + 1) : 0);
  }

  private String code(Variable variable, Distribution spec, Scope scope) {
    List<Code> codes = validCodes(variable, scope);
    if (codes.isEmpty()) return null;
    if (spec.among().isPresent()) {
      String among = spec.among().get();
      if (scope.value(among) == null && scope.variables.containsKey(among))
        fillVariable(scope.variables.get(among), scope);
      if (scope.value(among) instanceof List<?> chosen && !chosen.isEmpty()) {
        return String.valueOf(chosen.get(random.nextInt(chosen.size())));
      }
    }
    if (!spec.weights().isEmpty()) {
      return weighted(spec.weights());
    }
    if (spec.normal().isPresent() && codes.stream().allMatch(c -> c.score().isPresent())) {
      return nearestScore(codes, spec.normal().get());
    }
    return codes.get(random.nextInt(codes.size())).code();
  }

  /**
   * The code whose score lies nearest a normally drawn number (the higher on a tie): the draw a
   * numeric item with the same {@code normal} makes, so a scale turned from integers into a scored
   * code list keeps its answers on the same seed.
   */
  private String nearestScore(List<Code> codes, Normal normal) {
    double raw = normal.mean() + random.nextGaussian() * normal.sd();
    Code nearest = null;
    double best = Double.MAX_VALUE;
    for (Code code : codes) {
      double distance = Math.abs(code.score().orElseThrow().doubleValue() - raw);
      boolean higher =
          nearest != null
              && code.score().orElseThrow().compareTo(nearest.score().orElseThrow()) > 0;
      if (distance < best || distance == best && higher) {
        nearest = code;
        best = distance;
      }
    }
    return nearest.code();
  }

  private List<String> codes(Variable variable, Distribution spec, Scope scope) {
    List<Code> codes = new ArrayList<>(validCodes(variable, scope));
    int min = variable.minChoices().orElse(1);
    int max = Math.min(codes.size(), variable.maxChoices().orElse(Math.min(3, codes.size())));
    if (codes.isEmpty() || max < min) return null;
    int count = min + random.nextInt(max - min + 1);
    List<String> chosen = new ArrayList<>();
    Map<String, Double> weights = spec.weights().isEmpty() ? null : spec.weights();
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(codes.size());
      if (weights != null) {
        // Draw without replacement by weight; codes the weights leave out are never drawn first.
        double total = codes.stream().mapToDouble(c -> weights.getOrDefault(c.code(), 0.0)).sum();
        double at = random.nextDouble() * total;
        for (int c = 0; c < codes.size() && total > 0; c++) {
          double weight = weights.getOrDefault(codes.get(c).code(), 0.0);
          if (weight <= 0) continue;
          pick = c; // ends on the last weighted code should rounding leave "at" just above zero
          at -= weight;
          if (at < 0) break;
        }
      }
      chosen.add(codes.remove(pick).code());
    }
    return List.copyOf(chosen);
  }

  private List<Code> validCodes(Variable variable, Scope scope) {
    Optional<CodeList> list = variable.codeList().flatMap(registry::codeList);
    if (list.isEmpty()) return List.of();
    LocalDate on = scope.anchor;
    return list.get().codes().stream().filter(c -> c.isValidOn(on)).toList();
  }

  /** A key of {@code weights} ({@code {"a": 3, "b": 1}}), drawn by weight. */
  private String weighted(Map<String, Double> weights) {
    double total = 0;
    for (double w : weights.values()) total += w;
    double pick = random.nextDouble() * total;
    String last = null;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      last = e.getKey();
      pick -= e.getValue();
      if (pick < 0) return last;
    }
    return last;
  }

  /**
   * {@code prefix} followed by eight random base-36 digits: an identifier such as an episode id.
   */
  private String token(String prefix) {
    StringBuilder token = new StringBuilder(prefix);
    for (int i = 0; i < 8; i++) token.append(Character.forDigit(random.nextInt(36), 36));
    return token.toString();
  }

  private String text(Variable variable) {
    String text = "Fritekst " + (1 + random.nextInt(999));
    int max = variable.maxLength().orElse(text.length());
    return text.substring(0, Math.min(max, text.length()));
  }
}
