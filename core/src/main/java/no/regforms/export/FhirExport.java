package no.regforms.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.MeasureTag;
import no.regforms.definition.Note;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Respondent;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import no.regforms.definition.VersionHistory;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.parser.Expr;

/**
 * FHIR R4 Questionnaires for the patient forms ({@code respondent: patient}), following
 * Helsenorge's {@code sdf-Questionnaire} profile as far as the definition allows: {@code linkId} =
 * variable id, answer options with {@code ordinalValue} for scored codes, {@code enableWhen} for
 * simple conditions and a FHIRPath {@code enableWhenExpression} for the rest, value limits, help
 * items and computed totals with {@code sdf-calculatedExpression}. Plausible ranges, date ranges up
 * to "today" and conditions without a FHIRPath counterpart are noted, not exported.
 */
final class FhirExport {

  static final String SDF_PROFILE = "http://ehelse.no/fhir/StructureDefinition/sdf-Questionnaire";
  static final String ITEM_CONTROL =
      "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
  static final String ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";
  static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
  static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
  static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
  static final String MAX_DECIMAL_PLACES =
      "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces";
  static final String REGEX = "http://hl7.org/fhir/StructureDefinition/regex";
  static final String ENTRY_FORMAT = "http://hl7.org/fhir/StructureDefinition/entryFormat";
  static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
  static final String VALIDATION_TEXT = "http://ehelse.no/fhir/StructureDefinition/validationtext";
  static final String CALCULATED_EXPRESSION =
      "http://ehelse.no/fhir/StructureDefinition/sdf-calculatedExpression";
  static final String SDC_CALCULATED_EXPRESSION =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
  static final String ENABLE_WHEN_EXPRESSION =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
  static final String AUTHENTICATION =
      "http://ehelse.no/fhir/StructureDefinition/sdf-authenticationrequirement";

  /**
   * The coding system the sdf-authenticationrequirement profile fixes (a ValueSet URL, as the
   * profile has it).
   */
  static final String AUTHENTICATION_SYSTEM =
      "http://ehelse.no/fhir/ValueSet/AuthenticationRequirement";

  /**
   * Where the answers go: the URL Helsenorge's form builder and form filler read. The sdf profile's
   * slice names {@code sdf-questionnaire-endpoint}; neither of Helsenorge's tools reads that one.
   */
  static final String ENDPOINT = "http://ehelse.no/fhir/StructureDefinition/sdf-endpoint";

  static final String SCORING_SYSTEM = "http://ehelse.no/scoringFormulas";
  static final String SECURITY_SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.7618";

  /**
   * The code system of missing-value reasons offered as answers ({@code {"missing": code}} in a
   * record).
   */
  static final String MISSING_REASON_SYSTEM = "urn:regforms:missing-reason";

  /** The code system of the PROM/PREM tags a Questionnaire's {@code meta.tag} carries. */
  static final String MEASURE_TAG_SYSTEM = "urn:regforms:measure-tag";

  private final Registry registry;
  private final List<ExportNote> notes = new ArrayList<>();

  FhirExport(Registry registry) {
    this.registry = registry;
  }

  static String fileName(Form form) {
    return "fhir/Questionnaire-" + form.id() + ".json";
  }

  ExportResult export() {
    List<ExportFile> files = new ArrayList<>();
    for (Form form : registry.forms().values()) {
      if (form.respondent() != Respondent.PATIENT) continue;
      files.add(
          new ExportFile(
              fileName(form),
              "application/fhir+json",
              JsonOutput.write(new FormExport(form).questionnaire())));
    }
    if (files.isEmpty()) {
      notes.add(
          new ExportNote(
              ExportFormat.FHIR,
              "",
              "",
              "the registry has no patient forms; nothing to export",
              SourceLocation.UNKNOWN));
    }
    return new ExportResult(ExportFormat.FHIR, files, notes);
  }

  /** The export of one form. */
  private final class FormExport {
    private final Form form;
    private final Map<String, Variable> exported = new LinkedHashMap<>();
    private final FhirPath fhirPath;

    FormExport(Form form) {
      this.form = form;
      for (FormWalk.Entry entry : FormWalk.entries(form)) {
        // Computed values are nobody's answer: the questionnaire calculates them, whoever the
        // definition names.
        if (isForPatient(entry.variable()) || entry.variable().isComputed()) {
          exported.put(entry.variable().id(), entry.variable());
        }
      }
      this.fhirPath = new FhirPath(exported);
    }

    private boolean isForPatient(Variable v) {
      return v.respondent().orElse(form.respondent()) == Respondent.PATIENT;
    }

    ObjectNode questionnaire() {
      ObjectNode q = JsonOutput.object();
      q.put("resourceType", "Questionnaire");
      q.put("id", (registry.id() + "-" + form.id()).replace('_', '-'));
      ObjectNode meta = q.putObject("meta");
      meta.putArray("profile").add(SDF_PROFILE);
      ObjectNode security = meta.putArray("security").addObject();
      security.put("system", SECURITY_SYSTEM).put("code", "3").put("display", "Helsehjelp (Full)");
      List<MeasureTag> tags =
          exported.values().stream()
              .flatMap(v -> form.tagsOf(v).stream())
              .distinct()
              .sorted()
              .toList();
      if (!tags.isEmpty()) {
        ArrayNode tag = meta.putArray("tag");
        for (MeasureTag t : tags) {
          tag.addObject()
              .put("system", MEASURE_TAG_SYSTEM)
              .put("code", t.key())
              .put(
                  "display",
                  t == MeasureTag.PROM
                      ? "Patient-reported outcome measure"
                      : "Patient-reported experience measure");
        }
      }
      q.put("language", "nb-NO");
      ArrayNode extensions = q.putArray("extension");
      ObjectNode authentication = extension(AUTHENTICATION);
      authentication
          .putObject("valueCoding")
          .put("system", AUTHENTICATION_SYSTEM)
          .put("code", "3")
          .put("display", "Required");
      extensions.add(authentication);
      registry
          .helsenorgeEndpoint()
          .ifPresent(
              endpoint ->
                  extensions.add(
                      extension(ENDPOINT)
                          .set("valueReference", JsonOutput.object().put("reference", endpoint))));
      q.put("url", "urn:regforms:questionnaire:" + registry.id() + ":" + form.id());
      q.putArray("identifier")
          .addObject()
          .put("system", "urn:regforms:form")
          .put("value", registry.id() + "." + form.id());
      // A registry with a history versions its Questionnaires by the definition version exported.
      String version = registry.history().names().size() > 1 ? registry.version() : form.version();
      if (!version.isEmpty()) q.put("version", version);
      q.put("name", name(registry.id() + "_" + form.id()));
      q.put("title", form.title().in("nb"));
      q.put("status", "draft");
      q.putArray("subjectType").add("Patient");
      registry.owner().ifPresent(o -> q.put("publisher", o.name().in("nb")));
      form.description().ifPresent(d -> q.put("description", d.in("nb")));
      effectivePeriod(registry, form, q);
      q.putArray("item").addAll(ItemWalker.tree(form.items(), this::item));
      return q;
    }

    /**
     * The Questionnaire's effective period: the form's own validity, else the days of the versions
     * it lived in (from the first version's date to the day before the version that dropped it).
     */
    private static void effectivePeriod(Registry registry, Form form, ObjectNode q) {
      VersionHistory.Lifespan lifespan = registry.history().form(form.id());
      Optional<java.time.LocalDate> start =
          form.validFrom().or(() -> registry.history().firstDay(lifespan));
      Optional<java.time.LocalDate> end =
          form.validTo().or(() -> registry.history().lastDay(lifespan));
      if (start.isEmpty() && end.isEmpty()) return;
      ObjectNode period = q.putObject("effectivePeriod");
      start.ifPresent(d -> period.put("start", d.toString()));
      end.ifPresent(d -> period.put("end", d.toString()));
    }

    /**
     * The Questionnaire item of {@code placed}, nested as the form nests; empty for what stays out.
     */
    private Optional<ObjectNode> item(PlacedItem placed, Supplier<List<ObjectNode>> inside) {
      FormItem item = placed.item();
      if (item instanceof Section s) {
        ObjectNode group = JsonOutput.object();
        group.put("linkId", s.id());
        group.put("text", s.title().in("nb"));
        group.put("type", "group");
        condition(s.id(), s.visibleIf(), group);
        ArrayNode children = group.putArray("item");
        s.help().ifPresent(h -> children.add(help(s.id(), h)));
        children.addAll(inside.get());
        return children.isEmpty() ? Optional.empty() : Optional.of(group);
      } else if (item instanceof RepeatGroup r) {
        ObjectNode group = JsonOutput.object();
        group.put("linkId", r.id());
        group.put("text", r.label().in("nb"));
        group.put("type", "group");
        group.put("repeats", true);
        if (r.min() > 0 && r.visibleIf().isEmpty()) group.put("required", true);
        condition(r.id(), r.visibleIf(), group);
        ArrayNode children = group.putArray("item").addAll(inside.get());
        return children.isEmpty() ? Optional.empty() : Optional.of(group);
      } else if (item instanceof Note n) {
        ObjectNode display = JsonOutput.object();
        display.put("linkId", n.id());
        display.put("text", n.text().in("nb"));
        display.put("type", "display");
        condition(n.id(), n.visibleIf(), display);
        return Optional.of(display);
      } else if (item instanceof Variable v) {
        if (!exported.containsKey(v.id())) {
          note(
              v.id(),
              "answered by the clinician, not the patient: left out of the questionnaire",
              v.location());
          return Optional.empty();
        }
        return Optional.of(variable(v));
      }
      return Optional.empty();
    }

    private ObjectNode variable(Variable v) {
      ObjectNode item = JsonOutput.object();
      ArrayNode extensions = JsonOutput.array();
      item.put("linkId", v.id());
      item.put("text", v.labelOrId().in("nb"));
      item.put("type", type(v));
      condition(v.id(), v.visibleIf(), item);
      if (v.isComputed()) {
        computed(v, item, extensions);
      } else if (v.required()) {
        item.put("required", true);
      }
      v.requiredIf()
          .ifPresent(
              f ->
                  note(
                      v.id(),
                      "'requiredIf: " + f.text() + "' has no Questionnaire counterpart",
                      v.location()));
      limits(v, item, extensions);
      if (v.type().isCoded()) {
        options(v, item, extensions);
      }
      if (v.type() == no.regforms.definition.VariableType.YEARMONTH) {
        extensions.add(extension(ENTRY_FORMAT).put("valueString", "YYYY-MM"));
      }
      // Units are free text in definitions (kg, dager, timer/uke), not all UCUM: give the display
      // only.
      v.unit()
          .ifPresent(
              u ->
                  extensions.add(
                      extension(UNIT).set("valueCoding", JsonOutput.object().put("display", u))));
      if (!extensions.isEmpty()) item.withArray("extension").addAll(extensions);
      if (!v.missing().isEmpty() && v.type() != no.regforms.definition.VariableType.CODE) {
        note(
            v.id(),
            "missing-value reasons " + v.missing() + " have no Questionnaire counterpart",
            v.location());
      }
      v.help().ifPresent(h -> item.putArray("item").add(help(v.id(), h)));
      // FHIR puts extensions first in an element by convention; keep linkId, text, type readable
      // after them.
      return reorder(item);
    }

    private String type(Variable v) {
      switch (v.type()) {
        case INTEGER:
          return "integer";
        case DECIMAL:
          return "decimal";
        case TEXT:
          return v.maxLength().map(max -> max <= 250).orElse(false) ? "string" : "text";
        case BOOLEAN:
          return "boolean";
        case DATE:
        case YEARMONTH:
          return "date";
        case DATETIME:
          return "dateTime";
        default:
          return "choice";
      }
    }

    private void computed(Variable v, ObjectNode item, ArrayNode extensions) {
      item.put("readOnly", true);
      Formula compute = v.compute().orElseThrow();
      Translation translation = fhirPath.translate(compute.compiled());
      Optional<String> expression = translation.text();
      if (expression.isEmpty()) {
        note(
            v.id(),
            "computed value '"
                + compute.text()
                + "' has no FHIRPath translation ("
                + translation.reason()
                + "); the item is read-only without a formula",
            compute.location());
        return;
      }
      // Helsenorge's form filler reads its own extension, SDC form fillers (LHC-Forms) the standard
      // one.
      for (String url : List.of(CALCULATED_EXPRESSION, SDC_CALCULATED_EXPRESSION)) {
        extensions.add(expressionExtension(url, compute.text(), expression.get()));
      }
      Expr syntax = compute.compiled().syntax();
      boolean total =
          syntax instanceof Expr.Call c
                  && (c.function().equals("sum") || c.function().equals("mean"))
              || syntax instanceof Expr.Call r
                  && r.function().equals("round")
                  && r.arguments().get(0) instanceof Expr.Binary;
      if (total) {
        item.putArray("code")
            .addObject()
            .put("system", SCORING_SYSTEM)
            .put("code", "TS")
            .put("display", "Total score");
      }
    }

    private void limits(Variable v, ObjectNode item, ArrayNode extensions) {
      String valueKey =
          v.type() == no.regforms.definition.VariableType.INTEGER
              ? "valueInteger"
              : v.type() == no.regforms.definition.VariableType.DECIMAL
                  ? "valueDecimal"
                  : "valueDate";
      // The sdf profile allows one validationtext per item: the range and the pattern share it.
      List<String> validationTexts = new ArrayList<>();
      v.range()
          .ifPresent(
              range -> {
                List<String> texts = new ArrayList<>();
                bound(v, range.min(), MIN_VALUE, valueKey, extensions, texts);
                bound(v, range.max(), MAX_VALUE, valueKey, extensions, texts);
                if (!texts.isEmpty()) {
                  validationTexts.add(
                      "Gyldig verdi: "
                          + range.min()
                          + " til "
                          + range.max().toString().replace("today", "i dag"));
                }
              });
      v.plausibleRange()
          .ifPresent(
              r ->
                  note(
                      v.id(),
                      "plausible range "
                          + r
                          + " has no Questionnaire counterpart (kept by the validator)",
                      v.location()));
      if (v.type() == no.regforms.definition.VariableType.DECIMAL) {
        v.decimals()
            .ifPresent(d -> extensions.add(extension(MAX_DECIMAL_PLACES).put("valueInteger", d)));
      }
      v.maxLength()
          .ifPresent(
              max -> {
                if (v.type() == no.regforms.definition.VariableType.TEXT) {
                  // maxLength is an element of Questionnaire.item, allowed on string and text
                  // items.
                  item.put("maxLength", max);
                }
              });
      v.pattern()
          .ifPresent(
              p -> {
                // Form fillers test the regex against the answer unanchored (JavaScript
                // RegExp.test); the
                // definition's pattern must match the whole answer, as the validator reads it.
                extensions.add(extension(REGEX).put("valueString", "^(?:" + p + ")$"));
                validationTexts.add("Må følge mønsteret " + p);
              });
      v.step()
          .ifPresent(
              s -> {
                if (!(v.type() == no.regforms.definition.VariableType.INTEGER
                    && s.compareTo(BigDecimal.ONE) == 0)) {
                  note(
                      v.id(),
                      "step " + s.toPlainString() + " has no Questionnaire counterpart",
                      v.location());
                }
              });
      if (!validationTexts.isEmpty()) {
        extensions.add(
            extension(VALIDATION_TEXT).put("valueString", String.join(". ", validationTexts)));
      }
    }

    private void bound(
        Variable v,
        Bound bound,
        String url,
        String valueKey,
        ArrayNode extensions,
        List<String> texts) {
      ObjectNode ext = extension(url);
      if (bound instanceof Bound.Number n) {
        if (valueKey.equals("valueInteger")) ext.put(valueKey, n.value().intValueExact());
        else ext.put(valueKey, n.value());
      } else if (bound instanceof Bound.Date d && valueKey.equals("valueDate")) {
        ext.put(valueKey, d.value().toString());
      } else if (bound instanceof Bound.Month m && valueKey.equals("valueDate")) {
        ext.put(valueKey, m.value().toString());
      } else {
        note(v.id(), "range end '" + bound + "' cannot be a fixed minValue/maxValue", v.location());
        return;
      }
      extensions.add(ext);
      texts.add(bound.toString());
    }

    private void options(Variable v, ObjectNode item, ArrayNode extensions) {
      CodeList list = registry.codeList(v.codeList().orElseThrow()).orElseThrow();
      String system = system(list);
      ArrayNode options = item.putArray("answerOption");
      for (Code code : list.codes()) {
        ObjectNode option = options.addObject();
        // R4 allows ordinalValue on the option and on its coding: SDC form fillers (LHC-Forms) read
        // the option's, Helsenorge's form builder writes and its filler reads the coding's.
        code.score()
            .ifPresent(
                score ->
                    option
                        .putArray("extension")
                        .add(extension(ORDINAL_VALUE).put("valueDecimal", score)));
        ObjectNode coding = option.putObject("valueCoding");
        code.score()
            .ifPresent(
                score ->
                    coding
                        .putArray("extension")
                        .add(extension(ORDINAL_VALUE).put("valueDecimal", score)));
        coding.put("system", system).put("code", code.code()).put("display", code.label().in("nb"));
        if (code.validFrom().isPresent() || code.validTo().isPresent()) {
          note(
              v.id(),
              "validity dates of code '" + code.code() + "' have no Questionnaire counterpart",
              code.location());
        }
      }
      // A single-choice item offers the accepted missing-value reasons as answers of their own
      // system.
      if (v.type() == no.regforms.definition.VariableType.CODE) {
        for (String reason : v.missing()) {
          options
              .addObject()
              .putObject("valueCoding")
              .put("system", MISSING_REASON_SYSTEM)
              .put("code", reason)
              .put(
                  "display",
                  Optional.ofNullable(registry.missingReasons().get(reason))
                      .map(t -> t.in("nb"))
                      .orElse(reason));
        }
      }
      if (v.type() == no.regforms.definition.VariableType.CODES) {
        item.put("repeats", true);
        extensions.add(itemControl("check-box"));
        if (v.minChoices().isPresent() || v.maxChoices().isPresent()) {
          note(v.id(), "minChoices/maxChoices have no Questionnaire counterpart", v.location());
        }
      } else {
        extensions.add(itemControl(list.codes().size() > 8 ? "drop-down" : "radio-button"));
      }
    }

    private String system(CodeList list) {
      return list.systemOid()
          .map(oid -> "urn:oid:" + oid)
          .orElse("urn:regforms:codelist:" + registry.id() + ":" + list.id());
    }

    /**
     * Sets {@code enableWhen} for a simple condition, else a FHIRPath expression extension, else a
     * note.
     */
    private void condition(String id, Optional<Formula> visibleIf, ObjectNode item) {
      if (visibleIf.isEmpty()) return;
      Formula formula = visibleIf.get();
      List<ObjectNode> simple = new ArrayList<>();
      Optional<String> behavior = enableWhen(formula.compiled().syntax(), simple);
      if (behavior.isPresent()) {
        ArrayNode enableWhen = item.putArray("enableWhen");
        simple.forEach(enableWhen::add);
        if (simple.size() > 1) item.put("enableBehavior", behavior.get());
        return;
      }
      Translation translation = fhirPath.translate(formula.compiled());
      Optional<String> expression = translation.text();
      if (expression.isPresent()) {
        item.withArray("extension")
            .add(expressionExtension(ENABLE_WHEN_EXPRESSION, formula.text(), expression.get()));
        return;
      }
      note(
          id,
          "condition '"
              + formula.text()
              + "' has neither an enableWhen nor a FHIRPath form ("
              + translation.reason()
              + "); the item is always shown",
          formula.location());
    }

    /**
     * Fills {@code out} with enableWhen entries for {@code expr} and returns the behaviour, or
     * empty if it is not simple.
     */
    private Optional<String> enableWhen(Expr expr, List<ObjectNode> out) {
      if (expr instanceof Expr.Binary b
          && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
        String behavior = b.op() == Expr.BinaryOp.AND ? "all" : "any";
        List<Expr> parts = new ArrayList<>();
        flatten(b, b.op(), parts);
        for (Expr part : parts) {
          if (part instanceof Expr.In || !single(part, out)) return Optional.empty();
        }
        return Optional.of(behavior);
      }
      if (expr instanceof Expr.In in && !in.negated() && in.operand() instanceof Expr.Name name) {
        for (Expr value : in.items()) {
          Optional<ObjectNode> entry = entry(name.name(), "=", value);
          if (entry.isEmpty()) return Optional.empty();
          out.add(entry.get());
        }
        return Optional.of("any");
      }
      return single(expr, out) ? Optional.of("all") : Optional.empty();
    }

    private void flatten(Expr expr, Expr.BinaryOp op, List<Expr> out) {
      if (expr instanceof Expr.Binary b && b.op() == op) {
        flatten(b.left(), op, out);
        flatten(b.right(), op, out);
      } else {
        out.add(expr);
      }
    }

    private boolean single(Expr expr, List<ObjectNode> out) {
      if (expr instanceof Expr.Binary b
          && b.op().isComparison()
          && b.left() instanceof Expr.Name name) {
        Optional<ObjectNode> entry = entry(name.name(), b.op().symbol(), b.right());
        entry.ifPresent(out::add);
        return entry.isPresent();
      }
      if (expr instanceof Expr.Call c
          && c.arguments().size() == 1
          && c.arguments().get(0) instanceof Expr.Name name
          && (c.function().equals("filled") || c.function().equals("empty"))
          && exported.containsKey(name.name())) {
        ObjectNode entry = JsonOutput.object();
        entry
            .put("question", name.name())
            .put("operator", "exists")
            .put("answerBoolean", c.function().equals("filled"));
        out.add(entry);
        return true;
      }
      if (expr instanceof Expr.Call c
          && c.function().equals("contains")
          && c.arguments().size() == 2
          && c.arguments().get(0) instanceof Expr.Name name) {
        Optional<ObjectNode> entry = entry(name.name(), "=", c.arguments().get(1));
        entry.ifPresent(out::add);
        return entry.isPresent();
      }
      return false;
    }

    private Optional<ObjectNode> entry(String question, String operator, Expr value) {
      Variable v = exported.get(question);
      if (v == null || v.isComputed() && !v.type().isNumeric()) return Optional.empty();
      ObjectNode entry = JsonOutput.object();
      entry.put("question", question).put("operator", operator);
      if (v.type().isCoded() && value instanceof Expr.TextLiteral t) {
        if (!operator.equals("=") && !operator.equals("!=")) return Optional.empty();
        CodeList list = registry.codeList(v.codeList().orElseThrow()).orElseThrow();
        ObjectNode coding = entry.putObject("answerCoding");
        coding.put("system", system(list)).put("code", t.value());
        list.code(t.value()).ifPresent(c -> coding.put("display", c.label().in("nb")));
      } else if (v.type() == no.regforms.definition.VariableType.BOOLEAN
          && value instanceof Expr.BooleanLiteral b) {
        if (!operator.equals("=") && !operator.equals("!=")) return Optional.empty();
        entry.put("answerBoolean", b.value());
      } else if (v.type() == no.regforms.definition.VariableType.INTEGER
          && value instanceof Expr.NumberLiteral n
          && n.value().stripTrailingZeros().scale() <= 0) {
        entry.put("answerInteger", n.value().intValueExact());
      } else if (v.type() == no.regforms.definition.VariableType.DECIMAL
          && value instanceof Expr.NumberLiteral n) {
        entry.put("answerDecimal", n.value());
      } else if (v.type() == no.regforms.definition.VariableType.DATE
          && value instanceof Expr.DateLiteral d) {
        entry.put("answerDate", d.value().toString());
      } else if (v.type() == no.regforms.definition.VariableType.TEXT
          && value instanceof Expr.TextLiteral t) {
        entry.put("answerString", t.value());
      } else {
        return Optional.empty();
      }
      return Optional.of(entry);
    }

    private ObjectNode help(String owner, LocalizedText text) {
      ObjectNode help = JsonOutput.object();
      help.putArray("extension").add(itemControl("help"));
      help.put("linkId", owner + "_help");
      help.put("text", text.in("nb"));
      help.put("type", "display");
      return help;
    }

    private ObjectNode reorder(ObjectNode item) {
      ObjectNode ordered = JsonOutput.object();
      for (String key :
          List.of(
              "extension",
              "linkId",
              "code",
              "text",
              "type",
              "enableWhen",
              "enableBehavior",
              "required",
              "repeats",
              "readOnly",
              "maxLength",
              "answerOption",
              "item")) {
        if (item.has(key)) {
          ordered.set(key, item.get(key));
        }
      }
      return ordered;
    }

    private void note(String item, String message, SourceLocation location) {
      notes.add(new ExportNote(ExportFormat.FHIR, form.id(), item, message, location));
    }
  }

  private static ObjectNode extension(String url) {
    return JsonOutput.object().put("url", url);
  }

  private static ObjectNode expressionExtension(String url, String description, String fhirPath) {
    ObjectNode ext = extension(url);
    ext.putObject("valueExpression")
        .put("description", description)
        .put("language", "text/fhirpath")
        .put("expression", fhirPath);
    return ext;
  }

  private static ObjectNode itemControl(String code) {
    ObjectNode ext = extension(ITEM_CONTROL);
    ext.putObject("valueCodeableConcept")
        .putArray("coding")
        .addObject()
        .put("system", ITEM_CONTROL_SYSTEM)
        .put("code", code);
    return ext;
  }

  /**
   * A Questionnaire name: letters, digits and underscores, starting with a capital (FHIR invariant
   * que-0).
   */
  static String name(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) continue;
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.length() == 0 || !Character.isLetter(out.charAt(0)) ? "Q" + out : out.toString();
  }
}
