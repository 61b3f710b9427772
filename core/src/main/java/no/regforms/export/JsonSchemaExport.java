package no.regforms.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.Bound;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Rule;
import no.regforms.definition.Variable;

/**
 * One JSON Schema (draft-07) per form: the record envelope and its values, with types, formats,
 * numeric ranges, codes as enums, missing-value reasons and repeat-group arrays.
 *
 * <p>The schema is a necessary condition: every record the {@link
 * no.regforms.validation.RecordValidator} accepts, the schema accepts. What JSON Schema cannot say
 * (skip logic, required-if, date ranges, cross-field rules, code validity dates, plausible ranges)
 * is left to the validator and listed as notes.
 */
final class JsonSchemaExport {

  static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

  /** Month and day of any year: 31-day months, 30-day months, February up to the 28th. */
  private static final String MONTH_DAY =
      "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
          + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))";

  /**
   * 29 February of a leap year: divisible by 4 and not by 100, or by 400 (Gregorian, as java.time).
   */
  private static final String LEAP_DAY =
      "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29";

  private static final String CALENDAR_DATE = "(?:[0-9]{4}-" + MONTH_DAY + "|" + LEAP_DAY + ")";

  /**
   * A date that exists: the pattern alone rejects 2012-13-45 and 2023-02-30, portably across
   * validators.
   */
  static final String DATE = "^" + CALENDAR_DATE + "$";

  static final String YEARMONTH = "^[0-9]{4}-(?:0[1-9]|1[0-2])$";
  static final String DATETIME =
      "^" + CALENDAR_DATE + "T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?$";

  private final Registry registry;
  private final List<ExportNote> notes = new ArrayList<>();

  JsonSchemaExport(Registry registry) {
    this.registry = registry;
  }

  /** The name of the schema file of {@code form}. */
  static String fileName(Form form) {
    return "jsonschema/" + form.id() + ".schema.json";
  }

  ExportResult export() {
    List<ExportFile> files = new ArrayList<>();
    for (Form form : registry.forms().values()) {
      files.add(
          new ExportFile(
              fileName(form), "application/schema+json", JsonOutput.write(schema(form))));
    }
    return new ExportResult(ExportFormat.JSONSCHEMA, files, notes);
  }

  private ObjectNode schema(Form form) {
    ObjectNode root = JsonOutput.object();
    root.put("$schema", DRAFT_07);
    root.put("$id", "urn:regforms:" + registry.id() + ":" + form.id() + ":" + form.version());
    root.put("title", form.title().in("nb"));
    root.put(
        "description",
        "Record of form '"
            + form.id()
            + "' of registry '"
            + registry.id()
            + "', version "
            + form.version()
            + ". Checks types, formats, numeric ranges, codes, missing-value reasons and row counts;"
            + " skip logic, required-if, date ranges and cross-field rules are checked by the regforms validator only.");
    root.put("type", "object");
    // Every record carries its values (the writer always writes them); requiring the object also
    // makes the schema check the variables required inside it.
    root.putArray("required").add("form").add("values");
    ObjectNode envelope = root.putObject("properties");
    envelope.putObject("registry").put("const", registry.id());
    envelope.putObject("form").put("const", form.id());
    for (String key : List.of("version", "id", "patient", "unit")) {
      envelope.putObject(key).put("type", "string");
    }
    ((ObjectNode) envelope.get("unit")).put("description", "RESH id of the reporting unit");
    if (!form.links().isEmpty()) {
      // Not required here: records of versions before a link existed carry none.
      ObjectNode links = envelope.putObject("links");
      links.put("type", "object");
      links.put("description", "The ids of the records this one belongs to, by link id");
      ObjectNode linkIds = links.putObject("properties");
      form.links().forEach(link -> linkIds.putObject(link.id()).put("type", "string"));
      links.put("additionalProperties", false);
    }
    ObjectNode values = envelope.putObject("values");
    values.put("type", "object");
    fillObject(form, values, form.items());
    for (Rule rule : form.rules()) {
      note(
          form,
          rule.id(),
          "cross-field rule '" + rule.check().text() + "' is checked by the validator only",
          rule.location());
    }
    return root;
  }

  /**
   * Adds {@code properties}, {@code required} and {@code additionalProperties} for {@code items} to
   * {@code object}.
   */
  private void fillObject(Form form, ObjectNode object, List<FormItem> items) {
    ObjectNode properties = object.putObject("properties");
    ArrayNode required = JsonOutput.array();
    addItems(form, properties, required, items);
    if (!required.isEmpty()) {
      object.set("required", required);
    }
    object.put("additionalProperties", false);
  }

  private void addItems(
      Form form, ObjectNode properties, ArrayNode required, List<FormItem> items) {
    for (PlacedItem placed : ItemWalker.scope(items)) {
      FormItem item = placed.item();
      boolean hidden = !placed.conditions().isEmpty();
      if (item instanceof Variable variable) {
        properties.set(variable.id(), variable(form, variable, hidden));
        // Only a variable that is always shown must always be present (a hidden one must be
        // absent).
        if (variable.required() && !hidden && !variable.isComputed()) {
          required.add(variable.id());
        }
        if (item.visibleIf().isPresent()) {
          note(
              form,
              variable.id(),
              "skip logic 'visibleIf: "
                  + item.visibleIf().get().text()
                  + "' (a hidden variable must have no value) is checked by the validator only",
              variable.location());
        }
        variable
            .requiredIf()
            .ifPresent(
                f ->
                    note(
                        form,
                        variable.id(),
                        "'requiredIf: " + f.text() + "' is checked by the validator only",
                        variable.location()));
      } else if (item instanceof RepeatGroup repeat) {
        properties.set(repeat.id(), repeat(form, repeat, hidden));
      }
    }
  }

  private ObjectNode repeat(Form form, RepeatGroup repeat, boolean hidden) {
    ObjectNode array = JsonOutput.object();
    array.put("title", repeat.label().in("nb"));
    array.put("type", "array");
    if (repeat.min() > 0) {
      if (hidden) {
        note(
            form,
            repeat.id(),
            "at least "
                + repeat.min()
                + " rows when shown: checked by the validator only,"
                + " because a hidden group has no rows",
            repeat.location());
      } else {
        array.put("minItems", repeat.min());
      }
    }
    repeat.max().ifPresent(max -> array.put("maxItems", max));
    ObjectNode row = array.putObject("items");
    row.put("type", "object");
    fillObject(form, row, repeat.items());
    return array;
  }

  private ObjectNode variable(Form form, Variable variable, boolean hidden) {
    ObjectNode node = JsonOutput.object();
    variable.label().ifPresent(label -> node.put("title", label.in("nb")));
    if (variable.isComputed()) {
      node.put(
          "description",
          "Computed by the registry: "
              + variable.compute().get().text()
              + ". A value given in a record is ignored.");
      node.put("readOnly", true);
      return node;
    }
    variable
        .help()
        .or(variable::description)
        .ifPresent(help -> node.put("description", help.in("nb")));
    List<ObjectNode> alternatives = new ArrayList<>();
    alternatives.add(value(form, variable));
    if (!variable.missing().isEmpty()) {
      ObjectNode missing = JsonOutput.object();
      missing.put("type", "object");
      missing.putArray("required").add("missing");
      missing.putObject("properties").putObject("missing").set("enum", strings(variable.missing()));
      missing.put("additionalProperties", false);
      alternatives.add(missing);
    }
    if (!variable.required() || hidden) {
      // The validator reads null as "not filled in", which a hidden or optional variable may be.
      ObjectNode empty = JsonOutput.object();
      empty.put("type", "null");
      alternatives.add(empty);
    }
    if (alternatives.size() == 1) {
      node.setAll(alternatives.get(0));
    } else {
      ArrayNode anyOf = node.putArray("anyOf");
      alternatives.forEach(anyOf::add);
    }
    return node;
  }

  private ObjectNode value(Form form, Variable variable) {
    ObjectNode node = JsonOutput.object();
    switch (variable.type()) {
      case INTEGER:
      case DECIMAL:
        node.put(
            "type",
            variable.type() == no.regforms.definition.VariableType.INTEGER ? "integer" : "number");
        variable.range().flatMap(Range::numericMin).ifPresent(min -> node.put("minimum", min));
        variable.range().flatMap(Range::numericMax).ifPresent(max -> node.put("maximum", max));
        step(form, variable).ifPresent(step -> node.put("multipleOf", step));
        variable
            .decimals()
            .ifPresent(
                d -> {
                  if (variable.type() == no.regforms.definition.VariableType.DECIMAL) {
                    note(
                        form,
                        variable.id(),
                        "at most " + d + " decimals: checked by the validator only",
                        variable.location());
                  }
                });
        variable
            .plausibleRange()
            .ifPresent(
                r ->
                    note(
                        form,
                        variable.id(),
                        "plausible range " + r + " is a warning, not an error: not in the schema",
                        variable.location()));
        break;
      case TEXT:
        node.put("type", "string");
        variable.maxLength().ifPresent(max -> node.put("maxLength", max));
        variable.pattern().ifPresent(p -> node.put("pattern", "^(?:" + p + ")$"));
        break;
      case BOOLEAN:
        node.put("type", "boolean");
        break;
      case DATE:
        node.put("type", "string");
        node.put("format", "date");
        node.put("pattern", DATE);
        dateRangeNote(form, variable);
        break;
      case YEARMONTH:
        node.put("type", "string");
        node.put("pattern", YEARMONTH);
        dateRangeNote(form, variable);
        break;
      case DATETIME:
        node.put("type", "string");
        node.put("pattern", DATETIME);
        break;
      case CODE:
        node.put("type", "string");
        node.set("enum", codes(form, variable));
        break;
      case CODES:
        node.put("type", "array");
        ObjectNode items = node.putObject("items");
        items.put("type", "string");
        items.set("enum", codes(form, variable));
        node.put("uniqueItems", true);
        variable.minChoices().ifPresent(min -> node.put("minItems", min));
        variable.maxChoices().ifPresent(max -> node.put("maxItems", max));
        break;
      default:
        throw new IllegalStateException("unhandled type " + variable.type());
    }
    return node;
  }

  /**
   * The step as {@code multipleOf}, when the steps start at a multiple of it and it is exact in
   * binary.
   */
  private Optional<BigDecimal> step(Form form, Variable variable) {
    if (variable.step().isEmpty()) return Optional.empty();
    BigDecimal step = variable.step().get();
    BigDecimal base = variable.range().flatMap(Range::numericMin).orElse(BigDecimal.ZERO);
    boolean aligned = base.remainder(step).signum() == 0;
    boolean exact = new BigDecimal(step.doubleValue()).compareTo(step) == 0;
    if (aligned && exact) return Optional.of(step);
    note(
        form,
        variable.id(),
        "step "
            + step.toPlainString()
            + " from "
            + base.toPlainString()
            + " is checked by the validator only",
        variable.location());
    return Optional.empty();
  }

  private void dateRangeNote(Form form, Variable variable) {
    variable
        .range()
        .ifPresent(
            range ->
                note(
                    form,
                    variable.id(),
                    "date range ["
                        + bound(range.min())
                        + ", "
                        + bound(range.max())
                        + "] is checked by the validator only (JSON Schema cannot compare dates)",
                    variable.location()));
  }

  private static String bound(Bound bound) {
    return bound.toString();
  }

  private ArrayNode codes(Form form, Variable variable) {
    CodeList list = registry.codeList(variable.codeList().orElseThrow()).orElseThrow();
    if (list.codes().stream().anyMatch(c -> c.validFrom().isPresent() || c.validTo().isPresent())) {
      note(
          form,
          variable.id(),
          "validity dates of codes in '" + list.id() + "' are checked by the validator only",
          variable.location());
    }
    return strings(list.codes().stream().map(no.regforms.definition.Code::code).toList());
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JsonOutput.array();
    values.forEach(array::add);
    return array;
  }

  private void note(
      Form form, String item, String message, no.regforms.diagnostic.SourceLocation location) {
    notes.add(new ExportNote(ExportFormat.JSONSCHEMA, form.id(), item, message, location));
  }
}
