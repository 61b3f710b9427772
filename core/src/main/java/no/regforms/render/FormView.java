package no.regforms.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.DependencyGraph;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
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
import no.regforms.validation.Messages;

/**
 * The view of one form in one language: the item tree the templates walk (maps, so templates read
 * {@code $item.label}), the model the page's script reads (JSON), and the form's expressions
 * compiled to JavaScript. Built once per rendering; not shared.
 */
final class FormView {

  /** Forms with at most this many codes show radio buttons; more get a drop-down list. */
  static final int MAX_RADIO_CODES = 6;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Registry registry;
  private final Form form;
  private final String lang;
  private final UiTexts texts;
  private final List<String> functions = new ArrayList<>();
  private boolean usesRegex;
  private final ObjectNode model = JSON.createObjectNode();
  private final List<Map<String, Object>> items;

  FormView(Registry registry, Form form, String lang, UiTexts texts, Optional<String> submitUrl) {
    this.registry = registry;
    this.form = form;
    this.lang = lang;
    this.texts = texts;
    model.put("registry", registry.id());
    model.put("form", form.id());
    model.put("version", form.version().isEmpty() ? registry.version() : form.version());
    model.put("lang", lang);
    submitUrl.ifPresent(url -> model.put("submitUrl", url));
    form.dateVariable().ifPresent(d -> model.put("dateVariable", d));
    model.set("ui", texts.json(lang));
    model.set("codeValidity", codeValidity());
    model.set("scope", scope(form.items(), form.graph(), ""));
    model.set("rules", rules());
    this.items = views(form.items(), "", null);
  }

  List<Map<String, Object>> items() {
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

  /** Whether a pattern or a {@code matches} call is on the form, so the page needs the regex engine. */
  boolean usesRegex() {
    return usesRegex;
  }

  /** The compiled expressions as a JavaScript array literal; the model refers to them by index. */
  String functionsJs() {
    return "[\n" + String.join(",\n", functions) + "\n]";
  }

  /** JSON with {@code < > &} as escapes, so no {@code </script>} or {@code <!--} can appear. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private String text(LocalizedText text) {
    return text.in(lang);
  }

  private Integer function(Optional<Formula> formula) {
    return formula.map(f -> {
      functions.add(JavaScriptEmitter.emit(f.compiled()));
      usesRegex |= JavaScriptEmitter.usesRegex(f.compiled());
      return functions.size() - 1;
    }).orElse(null);
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
    ObjectNode vars = scope.putObject("vars");
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

  private void index(List<FormItem> items, ObjectNode itemNodes, ObjectNode vars, ObjectNode repeats, DependencyGraph graph) {
    for (PlacedItem placed : ItemWalker.scope(items)) {
      FormItem item = placed.item();
      ObjectNode node = itemNodes.putObject(item.id());
      node.put("parent", placed.section().map(Section::id).orElse(null));
      Integer visible = function(item.visibleIf());
      if (visible != null) {
        node.put("vis", visible);
      }
      if (item instanceof Section) {
        node.put("k", "s");
      } else if (item instanceof Note) {
        node.put("k", "n");
      } else if (item instanceof Variable variable) {
        node.put("k", "v");
        vars.set(variable.id(), variable(variable));
      } else if (item instanceof RepeatGroup repeat) {
        node.put("k", "r");
        ObjectNode r = repeats.putObject(repeat.id());
        r.put("min", repeat.min());
        repeat.max().ifPresent(max -> r.put("max", max));
        r.put("few", text(Messages.tooFewRows(repeat.min())));
        repeat.max().ifPresent(max -> r.put("many", text(Messages.tooManyRows(max))));
        r.set("scope", scope(repeat.items(), graph.rowGraph(repeat.id()).orElseThrow(), repeat.id()));
      }
    }
  }

  private ObjectNode variable(Variable v) {
    ObjectNode node = JSON.createObjectNode();
    node.put("t", v.type().jsonName());
    node.put("req", v.required());
    Integer requiredIf = function(v.requiredIf());
    if (requiredIf != null) {
      node.put("reqIf", requiredIf);
    }
    Integer compute = function(v.compute());
    if (compute != null) {
      node.put("comp", compute);
    }
    v.codeList().ifPresent(list -> node.put("codeList", list));
    ArrayNode missing = node.putArray("missing");
    v.missing().forEach(missing::add);
    ObjectNode msg = node.putObject("msg");
    msg.put("required", text(Messages.required()));
    if (v.type() == VariableType.INTEGER) {
      msg.put("type", text(Messages.invalidType("et heltall", "a whole number")));
    }
    switch (v.type()) {
      case DATE:
        msg.put("format", text(Messages.invalidFormat("yyyy-mm-dd")));
        break;
      case YEARMONTH:
        msg.put("format", text(Messages.invalidFormat("yyyy-mm")));
        break;
      case DATETIME:
        msg.put("format", text(Messages.invalidFormat("yyyy-mm-ddThh:mm")));
        break;
      default:
        break;
    }
    v.range().ifPresent(range -> {
      node.set("range", bounds(range));
      msg.put("range", text(Messages.outOfRange(display(range.min()), display(range.max()))));
    });
    v.plausibleRange().ifPresent(range -> {
      node.set("plaus", bounds(range));
      msg.put("plaus", text(Messages.implausible(range.min().toString(), range.max().toString())));
    });
    v.step().ifPresent(step -> {
      BigDecimal base = v.range().flatMap(Range::numericMin).orElse(BigDecimal.ZERO);
      node.put("step", step.toPlainString());
      node.put("stepBase", base.toPlainString());
      msg.put("step", text(Messages.step(step.toPlainString(), base.toPlainString())));
    });
    v.decimals().ifPresent(d -> {
      node.put("dec", d);
      msg.put("dec", text(Messages.tooManyDecimals(d)));
    });
    v.maxLength().ifPresent(max -> {
      node.put("maxLen", max);
      msg.put("long", text(Messages.tooLong(max)));
    });
    v.pattern().ifPresent(pattern -> {
      node.put("pattern", pattern);
      usesRegex = true;
      msg.put("pattern", text(Messages.patternMismatch()));
    });
    v.codeList().ifPresent(list -> msg.put("codeNotValid", text(Messages.codeNotValid(list))));
    v.minChoices().ifPresent(min -> {
      node.put("minCh", min);
      msg.put("few", text(Messages.tooFewChoices(min)));
    });
    v.maxChoices().ifPresent(max -> {
      node.put("maxCh", max);
      msg.put("many", text(Messages.tooManyChoices(max)));
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
  private static String display(Bound bound) {
    return bound instanceof Bound.Today ? "i dag/today" : bound.toString();
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
      node.put("sev", rule.severity().name().toLowerCase(java.util.Locale.ROOT));
      node.put("msg", text(rule.message()));
      if (rule.confirm()) {
        node.put("confirm", true);
      }
      ArrayNode vars = node.putArray("vars");
      rule.variables().forEach(vars::add);
    }
    return rules;
  }

  // ---- the tree the templates walk -----------------------------------------------------------

  /**
   * Views of {@code items}; {@code prefix} makes element ids unique ({@code "sessions-__ROW__-"}
   * inside a repeat group's row template, where the script puts a row number).
   */
  private List<Map<String, Object>> views(List<FormItem> items, String prefix, String repeat) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FormItem item : items) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", item.id());
      view.put("domId", "rf-" + prefix + item.id());
      view.put("conditional", item.visibleIf().isPresent());
      if (item instanceof Section section) {
        view.put("kind", "section");
        view.put("title", text(section.title()));
        view.put("help", section.help().map(this::text).orElse(""));
        view.put("items", views(section.items(), prefix, repeat));
      } else if (item instanceof Note note) {
        view.put("kind", "note");
        view.put("text", text(note.text()));
      } else if (item instanceof RepeatGroup group) {
        view.put("kind", "repeat");
        view.put("label", text(group.label()));
        view.put("help", group.help().map(this::text).orElse(""));
        view.put("min", group.min());
        view.put("max", group.max().map(String::valueOf).orElse(""));
        view.put("items", views(group.items(), prefix + group.id() + "-__ROW__-", group.id()));
      } else if (item instanceof Variable variable) {
        view.put("kind", "variable");
        variableView(variable, view);
      }
      out.add(view);
    }
    return out;
  }

  private void variableView(Variable v, Map<String, Object> view) {
    view.put("label", text(v.labelOrId()));
    view.put("help", v.help().map(this::text).orElse(""));
    view.put("required", v.required());
    view.put("requiredIf", v.requiredIf().isPresent());
    view.put("unit", v.unit().orElse(""));
    view.put("type", v.type().jsonName());
    view.put("min", "");
    view.put("max", "");
    view.put("step", "");
    view.put("maxLength", v.maxLength().map(String::valueOf).orElse(""));
    List<Map<String, String>> options = new ArrayList<>();
    String control;
    if (v.isComputed()) {
      control = "computed";
    } else {
      switch (v.type()) {
        case INTEGER:
        case DECIMAL:
          control = "number";
          numberAttributes(v, view);
          break;
        case DATE:
          control = "date";
          view.put("min", v.range().map(Range::min).filter(Bound.Date.class::isInstance).map(Object::toString).orElse("0001-01-01"));
          view.put("max", v.range().map(Range::max).filter(Bound.Date.class::isInstance).map(Object::toString).orElse("9999-12-31"));
          break;
        case YEARMONTH:
          control = "month";
          break;
        case DATETIME:
          control = "datetime-local";
          break;
        case BOOLEAN:
          control = "radio";
          options.add(option(view, "true", texts.text(lang, "yes")));
          options.add(option(view, "false", texts.text(lang, "no")));
          break;
        case CODE:
        case CODES: {
          List<Code> codes = v.codeList().flatMap(registry::codeList).map(CodeList::codes).orElse(List.of());
          for (Code code : codes) {
            options.add(option(view, code.code(), text(code.label())));
          }
          control = v.type() == VariableType.CODES ? "checkbox" : codes.size() <= MAX_RADIO_CODES ? "radio" : "select";
          break;
        }
        default:
          control = v.maxLength().map(max -> max > 200).orElse(false) ? "textarea" : "text";
          break;
      }
    }
    view.put("control", control);
    view.put("options", options);
    List<Map<String, String>> missing = new ArrayList<>();
    if (!v.isComputed()) {
      for (String reason : v.missing()) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("value", reason);
        m.put("label", Optional.ofNullable(registry.missingReasons().get(reason)).map(this::text).orElse(reason));
        m.put("domId", view.get("domId") + "-missing-" + reason);
        missing.add(m);
      }
    }
    view.put("missing", missing);
  }

  private static Map<String, String> option(Map<String, Object> view, String value, String label) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("value", value);
    option.put("label", label);
    option.put("domId", view.get("domId") + "-" + value.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
        + Integer.toHexString(value.hashCode()));
    return option;
  }

  private static void numberAttributes(Variable v, Map<String, Object> view) {
    v.range().flatMap(Range::numericMin).ifPresent(min -> view.put("min", min.toPlainString()));
    v.range().flatMap(Range::numericMax).ifPresent(max -> view.put("max", max.toPlainString()));
    String step;
    if (v.step().isPresent()) {
      step = v.step().get().toPlainString();
    } else if (v.type() == VariableType.INTEGER) {
      step = "1";
    } else {
      step = v.decimals().map(d -> BigDecimal.ONE.movePointLeft(d).toPlainString()).orElse("any");
    }
    view.put("step", step);
  }
}
