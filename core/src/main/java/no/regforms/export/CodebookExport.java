package no.regforms.export;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Indicator;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.Note;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Registry;
import no.regforms.definition.Rule;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * The canonical codebook of registry statisticians (23 columns, one row per category value, every
 * variable field filled down on each of its rows) as CSV, and a readable HTML codebook rendered
 * with Velocity, in which every reference is HTML-escaped on insertion; a second HTML file, the
 * developer view, also shows the registry developers' notes.
 */
final class CodebookExport {

  static final String CSV_FILE = "codebook/codebook.csv";
  static final String HTML_FILE = "codebook/codebook.html";
  /** The same codebook with the registry developers' notes, for the people who maintain the definition. */
  static final String DEVELOPER_HTML_FILE = "codebook/codebook-developer.html";
  static final String TEMPLATE = "templates/export/codebook.html.vm";

  /** The canonical codebook's columns, in order (rapwhale {@code kb_til_kanonisk_form}). */
  static final List<String> COLUMNS = List.of("skjema_id", "skjemanamn", "kategori", "innleiing", "variabel_id",
      "variabeletikett", "forklaring", "variabeltype", "eining", "unik", "obligatorisk", "verdi", "verditekst",
      "manglande", "desimalar", "min", "maks", "min_rimeleg", "maks_rimeleg", "kommentar_rimeleg",
      "utrekningsformel", "logikk", "kommentar");

  private final Registry registry;

  CodebookExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    return new ExportResult(ExportFormat.CODEBOOK, List.of(
        new ExportFile(CSV_FILE, "text/csv", csv().toCsv(';')),
        new ExportFile(HTML_FILE, "text/html", html(false)),
        new ExportFile(DEVELOPER_HTML_FILE, "text/html", html(true))), List.of());
  }

  // ---- CSV --------------------------------------------------------------------------------------

  CsvTable csv() {
    CsvTable table = new CsvTable(COLUMNS);
    for (Form form : registry.forms().values()) {
      for (FormWalk.Entry entry : FormWalk.entries(form)) {
        Variable v = entry.variable();
        List<String[]> values = new ArrayList<>();
        v.codeList().flatMap(registry::codeList).ifPresent(list -> list.codes()
            .forEach(c -> values.add(new String[] {c.code(), c.label().in("nb"), "nei"})));
        for (String reason : v.missing()) {
          String label = Optional.ofNullable(registry.missingReasons().get(reason)).map(t -> t.in("nb")).orElse(reason);
          values.add(new String[] {reason, label, "ja"});
        }
        if (values.isEmpty() || (!v.type().isCoded() && values.stream().allMatch(x -> x[2].equals("ja")))) {
          values.add(0, new String[] {"", "", "nei"});
        }
        for (String[] value : values) {
          table.add(List.of(
              form.id(),
              form.title().in("nb"),
              entry.repeat().map(r -> r.label().in("nb"))
                  .orElseGet(() -> entry.section().map(s -> s.title().in("nb")).orElse("")),
              entry.section().flatMap(Section::help).map(t -> t.in("nb")).orElse(""),
              v.id(),
              v.labelOrId().in("nb"),
              v.help().or(v::description).map(t -> t.in("nb")).orElse(""),
              CodebookTerms.variableType(v),
              v.unit().orElse(""),
              "nei",
              v.required() ? "ja" : "nei",
              value[0],
              value[1],
              value[2],
              CodebookTerms.decimals(v),
              CodebookTerms.min(v.range()),
              CodebookTerms.max(v.range()),
              CodebookTerms.min(v.plausibleRange()),
              CodebookTerms.max(v.plausibleRange()),
              v.plausibleRange().isPresent() ? "utanfor gir åtvaring som må stadfestast" : "",
              v.compute().map(f -> f.text()).orElse(""),
              CodebookTerms.conditions(entry.conditions()),
              comment(entry)));
        }
      }
    }
    return table;
  }

  private static String comment(FormWalk.Entry entry) {
    List<String> parts = new ArrayList<>();
    Variable v = entry.variable();
    entry.repeat().ifPresent(r -> parts.add("rad i gruppa " + r.id()));
    if (v.type() == no.regforms.definition.VariableType.CODES) parts.add("fleirval");
    if (v.type() == no.regforms.definition.VariableType.YEARMONTH) parts.add("år og månad (yyyy-mm)");
    v.requiredIf().ifPresent(f -> parts.add("obligatorisk når " + f.text()));
    v.pattern().ifPresent(p -> parts.add("mønster " + p));
    v.maxLength().ifPresent(m -> parts.add("maks " + m + " teikn"));
    v.step().ifPresent(s -> parts.add("steg " + s.toPlainString()));
    return String.join("; ", parts);
  }

  // ---- HTML -------------------------------------------------------------------------------------

  /** The readable codebook; {@code developer} adds every element's notes. */
  String html(boolean developer) {
    VelocityEngine engine = new VelocityEngine();
    engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
    engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
    engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
    // Every reference is escaped as it is inserted: definition texts never reach the page as markup.
    engine.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION,
        HtmlEscaping.class.getName());
    engine.init();
    Template template = engine.getTemplate(TEMPLATE, "UTF-8");
    VelocityContext context = new VelocityContext();
    context.put("developer", developer);
    context.put("registry", registryView());
    context.put("forms", registry.forms().values().stream().map(this::formView).toList());
    context.put("codeLists", registry.codeLists().values().stream().map(CodebookExport::codeListView).toList());
    context.put("indicators", registry.indicators().values().stream().map(this::indicatorView).toList());
    StringWriter out = new StringWriter();
    template.merge(context, out);
    return out.toString();
  }

  private Map<String, Object> registryView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", registry.id());
    view.put("title", registry.title().in("nb"));
    view.put("description", registry.description().map(t -> t.in("nb")).orElse(""));
    view.put("version", registry.version());
    view.put("owner", registry.owner().map(o -> o.name().in("nb")).orElse(""));
    view.put("legalBasis", registry.legalBasis().map(t -> t.in("nb")).orElse(""));
    view.put("notes", registry.notes().orElse(""));
    return view;
  }

  private Map<String, Object> formView(Form form) {
    Map<String, String> labels = new LinkedHashMap<>();
    FormWalk.entries(form).forEach(e -> labels.put(e.variable().id(), e.variable().labelOrId().in("nb")));
    form.repeats().values().forEach(r -> labels.put(r.id(), r.label().in("nb")));
    FormulaInWords words = FormulaInWords.of(labels);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", form.id());
    view.put("title", form.title().in("nb"));
    view.put("description", form.description().map(t -> t.in("nb")).orElse(""));
    view.put("version", form.version());
    view.put("respondent", form.respondent().name().toLowerCase(Locale.ROOT));
    view.put("notes", form.notes().orElse(""));
    List<Map<String, Object>> items = new ArrayList<>();
    items(form.items(), words, items);
    view.put("items", items);
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Rule rule : form.rules()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", rule.id());
      r.put("severity", rule.severity().name().toLowerCase(Locale.ROOT));
      r.put("check", rule.check().text());
      r.put("checkWords", words.words(rule.check()));
      r.put("when", rule.when().map(f -> f.text()).orElse(""));
      r.put("whenWords", rule.when().map(words::words).orElse(""));
      r.put("message", rule.message().in("nb"));
      r.put("notes", rule.notes().orElse(""));
      rules.add(r);
    }
    view.put("rules", rules);
    return view;
  }

  private void items(List<FormItem> items, FormulaInWords words, List<Map<String, Object>> out) {
    for (PlacedItem placed : ItemWalker.all(items)) {
      FormItem item = placed.item();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("depth", placed.depth());
      view.put("id", item.id());
      view.put("visibleIf", item.visibleIf().map(f -> f.text()).orElse(""));
      view.put("visibleIfWords", item.visibleIf().map(words::words).orElse(""));
      view.put("details", List.of());
      if (item instanceof Section s) {
        view.put("kind", "section");
        view.put("label", s.title().in("nb"));
        view.put("help", s.help().map(t -> t.in("nb")).orElse(""));
        view.put("notes", s.notes().orElse(""));
      } else if (item instanceof RepeatGroup r) {
        view.put("kind", "repeat");
        view.put("label", r.label().in("nb"));
        view.put("help", r.help().map(t -> t.in("nb")).orElse(""));
        view.put("details", List.of("rader: " + r.min() + "–" + r.max().map(String::valueOf).orElse("")));
        view.put("notes", r.notes().orElse(""));
      } else if (item instanceof Note n) {
        view.put("kind", "note");
        view.put("label", n.text().in("nb"));
        view.put("help", "");
        view.put("notes", n.notes().orElse(""));
      } else if (item instanceof Variable v) {
        view.put("kind", "variable");
        view.put("label", v.labelOrId().in("nb"));
        view.put("help", v.help().or(v::description).map(t -> t.in("nb")).orElse(""));
        view.put("details", details(v, words));
        view.put("notes", v.notes().orElse(""));
      }
      out.add(view);
    }
  }

  private List<String> details(Variable v, FormulaInWords words) {
    List<String> details = new ArrayList<>();
    details.add("type: " + v.type().jsonName() + v.codeList().map(c -> " (" + c + ")").orElse("")
        + v.unit().map(u -> ", eining " + u).orElse(""));
    if (v.required()) details.add("obligatorisk");
    v.requiredIf().ifPresent(f -> details.add("obligatorisk når: " + words.words(f)));
    v.range().ifPresent(r -> details.add("gyldig område: " + r));
    v.plausibleRange().ifPresent(r -> details.add("rimeleg område: " + r));
    v.decimals().ifPresent(d -> details.add("desimalar: " + d));
    v.maxLength().ifPresent(m -> details.add("maks teikn: " + m));
    v.pattern().ifPresent(p -> details.add("mønster: " + p));
    if (!v.missing().isEmpty()) details.add("manglande verdi: " + String.join(", ", v.missing()));
    v.compute().ifPresent(f -> details.add("utrekna: " + f.text() + " = " + words.words(f)));
    return details;
  }

  private static Map<String, Object> codeListView(CodeList list) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", list.id());
    view.put("title", list.title().in("nb"));
    view.put("system", list.system() + list.systemOid().map(o -> ", OID " + o).orElse("")
        + list.systemVersion().map(v -> ", versjon " + v).orElse(""));
    view.put("notes", list.notes().orElse(""));
    List<Map<String, String>> codes = new ArrayList<>();
    for (Code code : list.codes()) {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("code", code.code());
      c.put("label", code.label().in("nb"));
      c.put("score", CodebookTerms.score(code));
      c.put("notes", code.notes().orElse(""));
      c.put("valid", code.validFrom().map(Object::toString).orElse("") + (code.validFrom().isPresent() || code.validTo().isPresent()
          ? "–" + code.validTo().map(Object::toString).orElse("") : ""));
      codes.add(c);
    }
    view.put("codes", codes);
    return view;
  }

  private Map<String, Object> indicatorView(Indicator indicator) {
    Map<String, String> labels = new LinkedHashMap<>();
    registry.form(indicator.form()).ifPresent(form -> {
      FormWalk.entries(form).forEach(e -> labels.put(e.variable().id(), e.variable().labelOrId().in("nb")));
      form.repeats().values().forEach(r -> labels.put(r.id(), r.label().in("nb")));
    });
    registry.forms().values().forEach(f -> labels.putIfAbsent(f.id(), f.title().in("nb")));
    FormulaInWords words = FormulaInWords.of(labels);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", indicator.id());
    view.put("title", indicator.title().in("nb"));
    view.put("description", indicator.description().map(t -> t.in("nb")).orElse(""));
    view.put("type", indicator.type().name().toLowerCase(Locale.ROOT));
    view.put("form", indicator.form());
    List<Map<String, String>> formulas = new ArrayList<>();
    formulas.add(formula("periode", indicator.period(), words));
    formulas.add(formula("nemnar", indicator.denominator(), words));
    indicator.numerator().ifPresent(f -> formulas.add(formula("teljar", f, words)));
    indicator.value().ifPresent(f -> formulas.add(formula("verdi", f, words)));
    indicator.exclusions().forEach(e -> formulas.add(formula("unnateke (" + e.id() + ")", e.when(), words)));
    view.put("formulas", formulas);
    view.put("levels", indicator.levels().map(l -> (l.higherIsBetter() ? "høgare er betre" : "lågare er betre")
        + ", høg frå " + l.high().toPlainString() + ", middels frå " + l.medium().toPlainString()).orElse(""));
    view.put("minDenominator", indicator.minDenominator().map(String::valueOf).orElse(""));
    List<String> notes = new ArrayList<>();
    indicator.notes().ifPresent(notes::add);
    indicator.exclusions().forEach(e -> e.notes().ifPresent(n -> notes.add(e.id() + ": " + n)));
    view.put("notes", String.join("\n", notes));
    return view;
  }

  private static Map<String, String> formula(String role, no.regforms.definition.Formula formula, FormulaInWords words) {
    Map<String, String> view = new LinkedHashMap<>();
    view.put("role", role);
    view.put("text", formula.text());
    view.put("words", words.words(formula));
    return view;
  }
}
