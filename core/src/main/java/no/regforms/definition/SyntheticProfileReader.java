package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.SyntheticProfile.Bucket;
import no.regforms.definition.SyntheticProfile.Dates;
import no.regforms.definition.SyntheticProfile.Days;
import no.regforms.definition.SyntheticProfile.Distribution;
import no.regforms.definition.SyntheticProfile.Histogram;
import no.regforms.definition.SyntheticProfile.Normal;
import no.regforms.definition.SyntheticProfile.Span;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;

/**
 * Reads a schema-valid {@code synthetic.json} into a {@link SyntheticProfile} and checks it against
 * the registry's forms: the forms it names exist, {@code until} variables are shared, every pair
 * runs from low to high, dates exist, each {@code variables} key names a variable or repeat group,
 * and the {@code values} (and numeric {@code weights}) of an entry fit the variables it names.
 * Every problem goes to the shared issue list, located in the file.
 */
final class SyntheticProfileReader {

  private final JsonDocument document;
  private final Map<String, Form> forms;
  private final Set<String> brokenIds;
  private final List<Issue> issues;

  /**
   * A reader of {@code document} against {@code forms}; {@code brokenIds} are the ids of files that
   * failed their schema, whose forms and variables are not reported as unknown a second time.
   */
  SyntheticProfileReader(
      JsonDocument document, Map<String, Form> forms, Set<String> brokenIds, List<Issue> issues) {
    this.document = document;
    this.forms = forms;
    this.brokenIds = brokenIds;
    this.issues = issues;
  }

  SyntheticProfile read() {
    JsonFields root = new JsonFields(document.root(), "");
    List<String> shared = root.texts("shared");
    List<SyntheticProfile.PatientForm> patientForms = new ArrayList<>();
    for (JsonFields entry : root.objects("patientForms")) {
      checkForm(entry);
      Span count = span(entry, "count").orElse(new Span(1, 1));
      Span gap = span(entry, "gapDays").orElse(new Span(0, 0));
      Optional<String> until = entry.optionalText("until");
      until
          .filter(name -> !shared.contains(name))
          .ifPresent(
              name ->
                  issues.add(
                      Issue.error(
                              IssueCode.INVALID_VALUE,
                              "'until' names '" + name + "', which is not listed in 'shared'",
                              document.locate(entry.pointer("until")))
                          .withHint(
                              "add \""
                                  + name
                                  + "\" to \"shared\": a record is made only while the patient's earlier value allows")));
      patientForms.add(
          new SyntheticProfile.PatientForm(
              entry.text("form"),
              (int) count.min(),
              (int) count.max(),
              (int) gap.min(),
              (int) gap.max(),
              date(entry, "start"),
              until));
    }
    Dates window =
        dates(root, "window")
            .orElse(new Dates(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31)));
    Optional<SyntheticProfile.UnitsBy> unitsBy = Optional.empty();
    if (root.has("unitsBy")) {
      JsonFields by = new JsonFields(root.node().get("unitsBy"), root.pointer("unitsBy"));
      Map<String, Map<String, Double>> byValue = new LinkedHashMap<>();
      by.node()
          .path("units")
          .fields()
          .forEachRemaining(e -> byValue.put(e.getKey(), sizes(e.getValue())));
      unitsBy = Optional.of(new SyntheticProfile.UnitsBy(by.text("variable"), byValue));
    }
    List<SyntheticProfile.UnitForm> unitForms = new ArrayList<>();
    for (JsonFields entry : root.objects("unitForms")) {
      checkForm(entry);
      List<Integer> years = new ArrayList<>();
      entry.node().path("years").forEach(year -> years.add(year.asInt()));
      unitForms.add(
          new SyntheticProfile.UnitForm(
              entry.text("form"), years, entry.optionalText("yearVariable")));
    }
    Map<String, Distribution> variables = new LinkedHashMap<>();
    root.node()
        .path("variables")
        .fields()
        .forEachRemaining(
            e -> {
              JsonFields entry =
                  new JsonFields(
                      e.getValue(),
                      root.pointer("variables") + "/" + JsonDocument.escape(e.getKey()));
              Distribution distribution = distribution(entry);
              named(e.getKey(), entry)
                  .forEach(variable -> checkFits(distribution, variable, entry));
              variables.put(e.getKey(), distribution);
            });
    return new SyntheticProfile(
        patientForms,
        window.first(),
        window.last(),
        sizes(root.node().path("units")),
        shared,
        variables,
        root.node().path("fillRate").asDouble(0.9),
        unitsBy,
        unitForms);
  }

  private Distribution distribution(JsonFields spec) {
    List<Object> values = new ArrayList<>();
    spec.node().path("values").forEach(value -> values.add(valueOf(value)));
    Map<String, Double> weights = new LinkedHashMap<>();
    spec.node()
        .path("weights")
        .fields()
        .forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
    Map<String, Distribution> cases = new LinkedHashMap<>();
    spec.node()
        .path("cases")
        .fields()
        .forEachRemaining(
            e ->
                cases.put(
                    e.getKey(),
                    distribution(
                        new JsonFields(
                            e.getValue(),
                            spec.pointer("cases") + "/" + JsonDocument.escape(e.getKey())))));
    Optional<Normal> normal =
        spec.has("normal")
            ? Optional.of(
                new Normal(
                    spec.node().get("normal").path(0).asDouble(),
                    spec.node().get("normal").path(1).asDouble()))
            : Optional.empty();
    return new Distribution(
        share(spec, "fill"),
        share(spec, "missingRate"),
        values,
        weights,
        normal,
        share(spec, "probability"),
        span(spec, "rows"),
        spec.optionalText("among"),
        spec.bool("ordinal"),
        spec.optionalText("prefix"),
        spec.optionalText("by"),
        cases,
        spec.optionalText("from"),
        days(spec),
        span(spec, "yearsBefore"),
        dates(spec, "between"),
        "empty".equals(spec.text("future")));
  }

  /**
   * A {@code values} entry as the generator takes it: a number as Jackson's decimal, a list as its
   * texts.
   */
  private static Object valueOf(JsonNode value) {
    if (value.isNumber()) return value.decimalValue();
    if (value.isBoolean()) return value.booleanValue();
    if (value.isArray()) {
      List<String> codes = new ArrayList<>();
      value.forEach(code -> codes.add(code.asText()));
      return List.copyOf(codes);
    }
    return value.asText();
  }

  private static Optional<Double> share(JsonFields spec, String key) {
    return spec.has(key) ? Optional.of(spec.node().get(key).asDouble()) : Optional.empty();
  }

  private static Map<String, Double> sizes(JsonNode node) {
    Map<String, Double> sizes = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> sizes.put(e.getKey(), e.getValue().asDouble()));
    return sizes;
  }

  private Optional<Days> days(JsonFields spec) {
    if (!spec.has("days")) return Optional.empty();
    JsonNode days = spec.node().get("days");
    if (!days.path(0).isArray()) return span(spec, "days").map(Days.class::cast);
    if (!spec.has("from")) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "'days' as a histogram needs 'from', the date it counts from",
                  document.locate(spec.pointer("days")))
              .withHint("add \"from\", or write the days as one span [min, max]"));
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      JsonNode bucket = days.get(i);
      Span span =
          ordered(
              new Span(bucket.path(0).asLong(), bucket.path(1).asLong()),
              spec.pointer("days") + "/" + i,
              "a bucket of 'days'");
      buckets.add(new Bucket(span, bucket.path(2).asDouble(1)));
    }
    return Optional.of(new Histogram(buckets));
  }

  /** The pair {@code [min, max]} of whole numbers at {@code key}; an inverted pair is reported. */
  private Optional<Span> span(JsonFields fields, String key) {
    if (!fields.has(key)) return Optional.empty();
    JsonNode pair = fields.node().get(key);
    return Optional.of(
        ordered(
            new Span(pair.path(0).asLong(), pair.path(1).asLong()),
            fields.pointer(key),
            "'" + key + "'"));
  }

  private Span ordered(Span span, String pointer, String what) {
    if (span.min() > span.max()) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  what
                      + " ["
                      + span.min()
                      + ", "
                      + span.max()
                      + "] has its minimum above its maximum",
                  document.locate(pointer))
              .withHint("write it as [" + span.max() + ", " + span.min() + "]"));
    }
    return span;
  }

  /**
   * The two dates {@code [first, last]} at {@code key}; a date that does not exist or an inverted
   * pair is reported.
   */
  private Optional<Dates> dates(JsonFields fields, String key) {
    if (!fields.has(key)) return Optional.empty();
    Optional<LocalDate> first = date(fields.node().get(key).get(0), fields.pointer(key) + "/0");
    Optional<LocalDate> last = date(fields.node().get(key).get(1), fields.pointer(key) + "/1");
    if (first.isEmpty() || last.isEmpty()) return Optional.empty();
    if (first.get().isAfter(last.get())) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "'" + key + "' runs from " + first.get() + " back to " + last.get(),
                  document.locate(fields.pointer(key)))
              .withHint("write it as [\"" + last.get() + "\", \"" + first.get() + "\"]"));
    }
    return Optional.of(new Dates(first.get(), last.get()));
  }

  private Optional<LocalDate> date(JsonFields fields, String key) {
    return fields.has(key) ? date(fields.node().get(key), fields.pointer(key)) : Optional.empty();
  }

  /**
   * A date the schema has seen has the shape yyyy-mm-dd; only a day that does not exist is left to
   * report.
   */
  private Optional<LocalDate> date(JsonNode node, String pointer) {
    try {
      return Optional.of(LocalDate.parse(node.asText()));
    } catch (DateTimeParseException e) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "'" + node.asText() + "' is not a date that exists",
                  document.locate(pointer))
              .withHint("write a real calendar date, such as \"2024-02-29\""));
      return Optional.empty();
    }
  }

  // ---- names -----------------------------------------------------------------------------------

  private void checkForm(JsonFields entry) {
    String form = entry.text("form");
    if (!forms.containsKey(form) && !brokenIds.contains(form)) {
      Issue issue =
          Issue.error(
              IssueCode.UNKNOWN_FORM,
              "unknown form '" + form + "'",
              document.locate(entry.pointer("form")));
      issues.add(
          NameSuggester.hint(form, forms.keySet())
              .map(issue::withHint)
              .orElse(
                  issue.withHint("forms of this registry: " + String.join(", ", forms.keySet()))));
    }
  }

  /**
   * The variables a {@code variables} key names: those with its id in every form, or with {@code
   * "<form>.<id>"} in that form, repeat rows included. A key that names neither a variable nor a
   * repeat group is reported, unless a file that failed its schema may hold it.
   */
  private List<Variable> named(String key, JsonFields entry) {
    int dot = key.indexOf('.');
    String id = dot < 0 ? key : key.substring(dot + 1);
    Map<String, Form> scope = forms;
    if (dot >= 0) {
      String formId = key.substring(0, dot);
      Form form = forms.get(formId);
      if (form == null) {
        if (!brokenIds.contains(formId)) {
          Issue issue =
              Issue.error(
                  IssueCode.UNKNOWN_FORM,
                  "'" + key + "' names unknown form '" + formId + "'",
                  document.locateKey(entry.pointer()));
          issues.add(
              NameSuggester.hint(formId, forms.keySet())
                  .map(issue::withHint)
                  .orElse(
                      issue.withHint(
                          "a key is a variable id, or \"<form>.<id>\" with a form of this registry")));
        }
        return List.of();
      }
      scope = Map.of(formId, form);
    }
    List<FormItem> items = new ArrayList<>();
    for (Form form : scope.values()) {
      ItemWalker.all(form.items()).stream()
          .map(PlacedItem::item)
          .filter(item -> item instanceof Variable || item instanceof RepeatGroup)
          .forEach(items::add);
    }
    List<Variable> variables = new ArrayList<>();
    items.stream()
        .filter(item -> item.id().equals(id) && item instanceof Variable)
        .forEach(v -> variables.add((Variable) v));
    if (items.stream().noneMatch(item -> item.id().equals(id)) && brokenIds.isEmpty()) {
      Issue issue =
          Issue.error(
              IssueCode.UNKNOWN_VARIABLE,
              "'"
                  + key
                  + "' names no variable or repeat group"
                  + (dot < 0 ? " of any form" : " of form '" + key.substring(0, dot) + "'"),
              document.locateKey(entry.pointer()));
      issues.add(
          NameSuggester.hint(id, items.stream().map(FormItem::id).distinct().toList())
              .map(issue::withHint)
              .orElse(issue));
    }
    return variables;
  }

  /**
   * Reports {@code values} and numeric {@code weights} of {@code spec} (and its cases) that {@code
   * variable} cannot take.
   */
  private void checkFits(Distribution spec, Variable variable, JsonFields entry) {
    for (int i = 0; i < spec.values().size(); i++) {
      Object value = spec.values().get(i);
      if (!fits(value, variable.type())) {
        issues.add(
            Issue.error(
                    IssueCode.TYPE_MISMATCH,
                    "value "
                        + entry.node().path("values").get(i)
                        + " does not fit variable '"
                        + variable.id()
                        + "' of type '"
                        + variable.type().jsonName()
                        + "'",
                    document.locate(entry.pointer("values") + "/" + i))
                .withHint(expected(variable.type())));
      }
    }
    if (variable.type().isNumeric()) {
      for (String weight : spec.weights().keySet()) {
        if (!parses(() -> new BigDecimal(weight))) {
          issues.add(
              Issue.error(
                      IssueCode.TYPE_MISMATCH,
                      "weight key '"
                          + weight
                          + "' is not a number, but variable '"
                          + variable.id()
                          + "' is a number",
                      document.locateKey(
                          entry.pointer("weights") + "/" + JsonDocument.escape(weight)))
                  .withHint("write the numbers to draw as keys, such as \"2.5\""));
        }
      }
    }
    spec.cases()
        .forEach(
            (value, distribution) ->
                checkFits(
                    distribution,
                    variable,
                    new JsonFields(
                        entry.node().path("cases").get(value),
                        entry.pointer("cases") + "/" + JsonDocument.escape(value))));
  }

  private static boolean fits(Object value, VariableType type) {
    switch (type) {
      case INTEGER:
      case DECIMAL:
        return value instanceof BigDecimal;
      case BOOLEAN:
        return value instanceof Boolean;
      case DATE:
        return value instanceof String text && parses(() -> LocalDate.parse(text));
      case YEARMONTH:
        return value instanceof String text && parses(() -> YearMonth.parse(text));
      case DATETIME:
        return value instanceof String text && parses(() -> LocalDateTime.parse(text));
      case CODES:
        return value instanceof List;
      default:
        return value instanceof String;
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException | NumberFormatException e) {
      return false;
    }
  }

  private static String expected(VariableType type) {
    switch (type) {
      case INTEGER:
        return "write a number, such as 3";
      case DECIMAL:
        return "write a number, such as 2.5";
      case BOOLEAN:
        return "write true or false";
      case DATE:
        return "write a date, such as \"2024-01-31\"";
      case YEARMONTH:
        return "write a year and month, such as \"2024-01\"";
      case DATETIME:
        return "write a date and time, such as \"2024-01-31T08:30\"";
      case CODES:
        return "write a list of codes, such as [\"a\", \"b\"]";
      default:
        return "write a text in quotes";
    }
  }
}
