package no.regforms.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.DependencyGraph;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.InclusionCriterion;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.Note;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Rule;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.expression.js.JavaScriptEmitter;
import no.regforms.presentation.MessageCatalogue;

/**
 * The view of one form in one language: the item tree the templates walk (view records, read as
 * {@code $item.label}), the model the page's script reads (JSON), and the form's expressions
 * compiled to JavaScript. Texts come from the definition and the {@link MessageCatalogue}. Built
 * once per rendering; not shared.
 *
 * <p>The model's keys are those {@code form.js} reads: a scope is {@code {items, variables,
 * repeats, order, affected, repeat}}; an item {@code {parent, kind, visibleIf}}; a variable {@code
 * {type, required, requiredIf, compute, codeList, missing, range, plausibleRange, step, stepBase,
 * decimals, maxLength, pattern, minChoices, maxChoices, messages}}, its messages keyed by the check
 * that raises them; a repeat group {@code {min, max, messages, scope}}; a rule {@code {id, check,
 * when, severity, message, variables}}. Expressions are indexes into the compiled functions.
 */
final class FormView {

  /** Forms with at most this many codes show radio buttons; more get a drop-down list. */
  static final int MAX_RADIO_CODES = 6;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Registry registry;
  private final Form form;
  private final String lang;
  private final MessageCatalogue texts;
  private final List<String> functions = new ArrayList<>();
  private boolean usesRegex;
  private final ObjectNode model = JSON.createObjectNode();
  private final List<ItemView> items;

  FormView(Registry registry, Form form, String lang, Optional<String> submitUrl) {
    this.registry = registry;
    this.form = form;
    this.lang = lang;
    this.texts = MessageCatalogue.of(lang);
    model.put("registry", registry.id());
    model.put("form", form.id());
    model.put("version", form.version().isEmpty() ? registry.version() : form.version());
    model.put("lang", lang);
    submitUrl.ifPresent(url -> model.put("submitUrl", url));
    form.dateVariable().ifPresent(d -> model.put("dateVariable", d));
    model.set("ui", JSON.valueToTree(FormRenderer.uiTexts(texts)));
    model.set("codeValidity", codeValidity());
    model.set("scope", scope(form.items(), form.graph(), ""));
    model.set("rules", rules());
    model.set("inclusion", inclusion());
    this.items = ItemWalker.tree(form.items(), this::view);
  }

  List<ItemView> items() {
    return items;
  }

  /** The model as JSON text safe inside a {@code <script>} element. */
  String modelJson() {
    try {
      return scriptSafe(JSON.writeValueAsString(model));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("model is not serialisable", e);
    }
  }

  /**
   * Whether a pattern or a {@code matches} call is on the form, so the page needs the regex engine.
   */
  boolean usesRegex() {
    return usesRegex;
  }

  /** The compiled expressions as a JavaScript array literal; the model refers to them by index. */
  String functionsJs() {
    return "[\n" + String.join(",\n", functions) + "\n]";
  }

  /** JSON with {@code < > &} as escapes, so no {@code </script>} or {@code <!--} can appear. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }

  private String text(LocalizedText text) {
    return text.in(lang);
  }

  private Integer function(Optional<Formula> formula) {
    return formula
        .map(
            f -> {
              functions.add(JavaScriptEmitter.emit(f.compiled()));
              usesRegex |= JavaScriptEmitter.usesRegex(f.compiled());
              return functions.size() - 1;
            })
        .orElse(null);
  }

  // ---- the model the script reads ------------------------------------------------------------

  private ObjectNode codeValidity() {
    ObjectNode lists = JSON.createObjectNode();
    for (CodeList list : registry.codeLists().values()) {
      ObjectNode codes = JSON.createObjectNode();
      for (Code code : list.codes()) {
        if (code.validFrom().isPresent() || code.validTo().isPresent()) {
          ArrayNode span = codes.putArray(code.code());
          code.validFrom().ifPresentOrElse(d -> span.add(d.toEpochDay()), span::addNull);
          code.validTo().ifPresentOrElse(d -> span.add(d.toEpochDay()), span::addNull);
        }
      }
      if (!codes.isEmpty()) {
        lists.set(list.id(), codes);
      }
    }
    return lists;
  }

  private ObjectNode scope(List<FormItem> items, DependencyGraph graph, String repeatId) {
    ObjectNode scope = JSON.createObjectNode();
    ObjectNode itemNodes = scope.putObject("items");
    ObjectNode vars = scope.putObject("variables");
    ObjectNode repeats = scope.putObject("repeats");
    index(items, itemNodes, vars, repeats, graph);
    // The evaluation order and, per item, the items that read it directly: the page works out a
    // change's cascade from these (DependencyGraph.affectedBy), so the model grows with the edges,
    // not with every item's transitive dependents.
    ArrayNode order = scope.putArray("order");
    ObjectNode readers = scope.putObject("readers");
    for (String id : graph.order()) {
      order.add(id);
      for (String read : graph.dependencies(id)) {
        (readers.has(read) ? (ArrayNode) readers.get(read) : readers.putArray(read)).add(id);
      }
    }
    scope.put("repeat", repeatId);
    return scope;
  }

  private void index(
      List<FormItem> items,
      ObjectNode itemNodes,
      ObjectNode vars,
      ObjectNode repeats,
      DependencyGraph graph) {
    for (PlacedItem placed : ItemWalker.scope(items)) {
      FormItem item = placed.item();
      ObjectNode node = itemNodes.putObject(item.id());
      node.put("parent", placed.section().map(Section::id).orElse(null));
      Integer visible = function(item.visibleIf());
      if (visible != null) {
        node.put("visibleIf", visible);
      }
      if (item instanceof Section) {
        node.put("kind", "section");
      } else if (item instanceof Note) {
        node.put("kind", "note");
      } else if (item instanceof Variable variable) {
        node.put("kind", "variable");
        vars.set(variable.id(), variable(variable));
      } else if (item instanceof RepeatGroup repeat) {
        node.put("kind", "repeat");
        ObjectNode r = repeats.putObject(repeat.id());
        r.put("min", repeat.min());
        repeat.max().ifPresent(max -> r.put("max", max));
        ObjectNode rowMessages = r.putObject("messages");
        rowMessages.put("min", texts.count("record.tooFewRows", repeat.min()));
        repeat
            .max()
            .ifPresent(max -> rowMessages.put("max", texts.count("record.tooManyRows", max)));
        r.set(
            "scope", scope(repeat.items(), graph.rowGraph(repeat.id()).orElseThrow(), repeat.id()));
      }
    }
  }

  private ObjectNode variable(Variable v) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", v.type().jsonName());
    node.put("required", v.required());
    Integer requiredIf = function(v.requiredIf());
    if (requiredIf != null) {
      node.put("requiredIf", requiredIf);
    }
    Integer compute = function(v.compute());
    if (compute != null) {
      node.put("compute", compute);
    }
    v.codeList().ifPresent(list -> node.put("codeList", list));
    ArrayNode missing = node.putArray("missing");
    v.missing().forEach(missing::add);
    ObjectNode msg = node.putObject("messages");
    msg.put("required", texts.text("record.required"));
    if (v.type() == VariableType.INTEGER) {
      msg.put("type", texts.text("record.invalidType", texts.text("record.type.integer")));
    }
    switch (v.type()) {
      case DATE:
        msg.put("format", texts.text("record.invalidFormat", "yyyy-mm-dd"));
        break;
      case YEARMONTH:
        msg.put("format", texts.text("record.invalidFormat", "yyyy-mm"));
        break;
      case DATETIME:
        msg.put("format", texts.text("record.invalidFormat", "yyyy-mm-ddThh:mm"));
        break;
      default:
        break;
    }
    v.range()
        .ifPresent(
            range -> {
              node.set("range", bounds(range));
              msg.put(
                  "range",
                  texts.text("record.outOfRange", display(range.min()), display(range.max())));
            });
    v.plausibleRange()
        .ifPresent(
            range -> {
              node.set("plausibleRange", bounds(range));
              msg.put(
                  "plausibleRange",
                  texts.text("record.implausible", range.min().toString(), range.max().toString()));
            });
    v.step()
        .ifPresent(
            step -> {
              BigDecimal base = v.range().flatMap(Range::numericMin).orElse(BigDecimal.ZERO);
              node.put("step", step.toPlainString());
              node.put("stepBase", base.toPlainString());
              msg.put(
                  "step", texts.text("record.step", step.toPlainString(), base.toPlainString()));
            });
    v.decimals()
        .ifPresent(
            d -> {
              node.put("decimals", d);
              msg.put("decimals", texts.count("record.tooManyDecimals", d));
            });
    v.maxLength()
        .ifPresent(
            max -> {
              node.put("maxLength", max);
              msg.put("maxLength", texts.count("record.tooLong", max));
            });
    v.pattern()
        .ifPresent(
            pattern -> {
              node.put("pattern", pattern);
              usesRegex = true;
              msg.put("pattern", texts.text("record.patternMismatch"));
            });
    v.codeList()
        .ifPresent(list -> msg.put("codeNotValid", texts.text("record.codeNotValid", list)));
    v.minChoices()
        .ifPresent(
            min -> {
              node.put("minChoices", min);
              msg.put("minChoices", texts.text("record.tooFewChoices", min));
            });
    v.maxChoices()
        .ifPresent(
            max -> {
              node.put("maxChoices", max);
              msg.put("maxChoices", texts.text("record.tooManyChoices", max));
            });
    return node;
  }

  /** The bounds as the script compares them: decimal text, epoch day, month index or "today". */
  private static ObjectNode bounds(Range range) {
    ObjectNode node = JSON.createObjectNode();
    bound(node, "min", range.min());
    bound(node, "max", range.max());
    return node;
  }

  private static void bound(ObjectNode node, String key, Bound bound) {
    if (bound instanceof Bound.Number n) {
      node.put(key, n.value().toPlainString());
    } else if (bound instanceof Bound.Date d) {
      node.put(key, d.value().toEpochDay());
    } else if (bound instanceof Bound.Month m) {
      node.put(key, m.value().getYear() * 12L + m.value().getMonthValue() - 1);
    } else {
      node.put(key, "today");
    }
  }

  /** A bound as the validator's messages show it. */
  private String display(Bound bound) {
    return bound instanceof Bound.Today ? texts.text("record.today") : bound.toString();
  }

  private ArrayNode rules() {
    ArrayNode rules = JSON.createArrayNode();
    for (Rule rule : form.rules()) {
      ObjectNode node = rules.addObject();
      node.put("id", rule.id());
      node.put("check", function(Optional.of(rule.check())));
      Integer when = function(rule.when());
      if (when != null) {
        node.put("when", when);
      }
      node.put("severity", rule.severity().name().toLowerCase(java.util.Locale.ROOT));
      node.put("message", text(rule.message()));
      if (rule.confirm()) {
        node.put("confirm", true);
      }
      ArrayNode vars = node.putArray("variables");
      rule.variables().forEach(vars::add);
    }
    return rules;
  }

  /**
   * The registry's inclusion criteria on this form: a false check is a form-level {@code
   * not_included} error.
   */
  private ArrayNode inclusion() {
    ArrayNode criteria = JSON.createArrayNode();
    for (InclusionCriterion criterion : registry.inclusion()) {
      if (!criterion.form().equals(form.id())) continue;
      ObjectNode node = criteria.addObject();
      node.put("id", criterion.id());
      node.put("check", function(Optional.of(criterion.check())));
      node.put("message", text(criterion.message()));
    }
    return criteria;
  }

  // ---- the tree the templates walk -----------------------------------------------------------

  /** An item as the templates ({@code items.vm}) read it; {@code kind} picks the macro. */
  public interface ItemView {
    /** {@code section}, {@code note}, {@code repeat} or {@code variable}. */
    String kind();
  }

  /** A section: its items inside a fieldset. */
  public record SectionView(
      String id, String domId, boolean conditional, String title, String help, List<ItemView> items)
      implements ItemView {
    @Override
    public String kind() {
      return "section";
    }
  }

  /** A note: text between the questions. */
  public record NoteView(String id, String domId, boolean conditional, String text)
      implements ItemView {
    @Override
    public String kind() {
      return "note";
    }
  }

  /** A repeat group: the row template's items; {@code max} is empty without a limit. */
  public record RepeatView(
      String id,
      String domId,
      boolean conditional,
      String label,
      String help,
      int min,
      String max,
      List<ItemView> items)
      implements ItemView {
    @Override
    public String kind() {
      return "repeat";
    }
  }

  /**
   * A variable and its control ({@code number}, {@code date}, {@code radio}, {@code select}, ...);
   * {@code min}, {@code max}, {@code step} and {@code maxLength} are attribute values, empty when
   * the control has none.
   */
  public record VariableView(
      String id,
      String domId,
      boolean conditional,
      String label,
      String help,
      boolean required,
      boolean requiredIf,
      String unit,
      String type,
      String control,
      String min,
      String max,
      String step,
      String maxLength,
      List<Choice> options,
      List<Choice> missing)
      implements ItemView {
    @Override
    public String kind() {
      return "variable";
    }
  }

  /** A choice of a radio group, check boxes, drop-down list or the missing-value boxes. */
  public record Choice(String value, String label, String domId) {}

  /** The view of one item, in the tree {@link ItemWalker#tree} shapes like the form. */
  private Optional<ItemView> view(PlacedItem placed, Supplier<List<ItemView>> inside) {
    FormItem item = placed.item();
    String domId = "rf-" + rowPrefix(placed.enclosing()) + item.id();
    boolean conditional = item.visibleIf().isPresent();
    if (item instanceof Section section) {
      return Optional.of(
          new SectionView(
              item.id(),
              domId,
              conditional,
              text(section.title()),
              section.help().map(this::text).orElse(""),
              inside.get()));
    } else if (item instanceof Note note) {
      return Optional.of(new NoteView(item.id(), domId, conditional, text(note.text())));
    } else if (item instanceof RepeatGroup group) {
      return Optional.of(
          new RepeatView(
              item.id(),
              domId,
              conditional,
              text(group.label()),
              group.help().map(this::text).orElse(""),
              group.min(),
              group.max().map(String::valueOf).orElse(""),
              inside.get()));
    } else if (item instanceof Variable variable) {
      return Optional.of(variableView(variable, domId, conditional));
    }
    return Optional.empty();
  }

  /**
   * What makes element ids unique inside a repeat group's row template: the group and a row
   * placeholder ({@code "sessions-__ROW__-"}) the script replaces with the row's number.
   */
  private static String rowPrefix(List<FormItem> enclosing) {
    StringBuilder prefix = new StringBuilder();
    for (FormItem around : enclosing) {
      if (around instanceof RepeatGroup group) {
        prefix.append(group.id()).append("-__ROW__-");
      }
    }
    return prefix.toString();
  }

  private VariableView variableView(Variable v, String domId, boolean conditional) {
    String min = "";
    String max = "";
    String step = "";
    List<Choice> options = new ArrayList<>();
    String control;
    if (v.isComputed()) {
      control = "computed";
    } else {
      switch (v.type()) {
        case INTEGER:
        case DECIMAL:
          control = "number";
          min = v.range().flatMap(Range::numericMin).map(BigDecimal::toPlainString).orElse("");
          max = v.range().flatMap(Range::numericMax).map(BigDecimal::toPlainString).orElse("");
          step = numberStep(v);
          break;
        case DATE:
          control = "date";
          min =
              v.range()
                  .map(Range::min)
                  .filter(Bound.Date.class::isInstance)
                  .map(Object::toString)
                  .orElse("0001-01-01");
          max =
              v.range()
                  .map(Range::max)
                  .filter(Bound.Date.class::isInstance)
                  .map(Object::toString)
                  .orElse("9999-12-31");
          break;
        case YEARMONTH:
          control = "month";
          break;
        case DATETIME:
          control = "datetime-local";
          break;
        case BOOLEAN:
          control = "radio";
          options.add(option(domId, "true", texts.text("form.yes")));
          options.add(option(domId, "false", texts.text("form.no")));
          break;
        case CODE:
        case CODES:
          {
            List<Code> codes =
                v.codeList().flatMap(registry::codeList).map(CodeList::codes).orElse(List.of());
            for (Code code : codes) {
              options.add(option(domId, code.code(), text(code.label())));
            }
            control =
                v.type() == VariableType.CODES
                    ? "checkbox"
                    : codes.size() <= MAX_RADIO_CODES ? "radio" : "select";
            break;
          }
        default:
          control = v.maxLength().map(length -> length > 200).orElse(false) ? "textarea" : "text";
          break;
      }
    }
    List<Choice> missing = new ArrayList<>();
    if (!v.isComputed()) {
      for (String reason : v.missing()) {
        String label =
            Optional.ofNullable(registry.missingReasons().get(reason))
                .map(this::text)
                .orElse(reason);
        missing.add(new Choice(reason, label, domId + "-missing-" + reason));
      }
    }
    return new VariableView(
        v.id(),
        domId,
        conditional,
        text(v.labelOrId()),
        v.help().map(this::text).orElse(""),
        v.required(),
        v.requiredIf().isPresent(),
        v.unit().orElse(""),
        v.type().jsonName(),
        control,
        min,
        max,
        step,
        v.maxLength().map(String::valueOf).orElse(""),
        options,
        missing);
  }

  private static Choice option(String domId, String value, String label) {
    return new Choice(
        value,
        label,
        domId
            + "-"
            + value.replaceAll("[^A-Za-z0-9_-]", "_")
            + "-"
            + Integer.toHexString(value.hashCode()));
  }

  private static String numberStep(Variable v) {
    if (v.step().isPresent()) {
      return v.step().get().toPlainString();
    }
    if (v.type() == VariableType.INTEGER) {
      return "1";
    }
    return v.decimals().map(d -> BigDecimal.ONE.movePointLeft(d).toPlainString()).orElse("any");
  }
}
