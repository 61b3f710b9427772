package no.regforms.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.FormScope;
import no.regforms.definition.Indicator;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.MeasureTag;
import no.regforms.definition.Note;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Rule;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import no.regforms.definition.VersionHistory;
import no.regforms.presentation.MessageCatalogue;
import no.regforms.presentation.Templates;

/**
 * The canonical codebook of registry statisticians (23 columns, one row per category value, every
 * variable field filled down on each of its rows) as CSV, and a readable HTML codebook rendered
 * from view records with the shared {@link Templates}, which HTML-escape every reference; a second
 * HTML file, the developer view, also shows the registry developers' notes.
 */
final class CodebookExport {

  static final String CSV_FILE = "codebook/codebook.csv";
  static final String HTML_FILE = "codebook/codebook.html";

  /**
   * The same codebook with the registry developers' notes, for the people who maintain the
   * definition.
   */
  static final String DEVELOPER_HTML_FILE = "codebook/codebook-developer.html";

  static final String TEMPLATE = "templates/export/codebook.html.vm";

  /** The canonical codebook's columns, in order (rapwhale {@code kb_til_kanonisk_form}). */
  static final List<String> COLUMNS =
      List.of(
          "skjema_id",
          "skjemanamn",
          "kategori",
          "innleiing",
          "variabel_id",
          "variabeletikett",
          "forklaring",
          "variabeltype",
          "eining",
          "unik",
          "obligatorisk",
          "verdi",
          "verditekst",
          "manglande",
          "desimalar",
          "min",
          "maks",
          "min_rimeleg",
          "maks_rimeleg",
          "kommentar_rimeleg",
          "utrekningsformel",
          "logikk",
          "kommentar");

  /** The HTML codebook's own texts: Nynorsk, the language of the canonical codebook's columns. */
  private static final MessageCatalogue TEXTS = MessageCatalogue.of("nn");

  /**
   * The template's fixed texts ({@code $t.name}), keys {@code codebook.<name>} of the catalogue.
   */
  private static final List<String> TEMPLATE_TEXTS =
      List.of(
          "title",
          "developerTitle",
          "developerIntro",
          "registry",
          "definitionVersion",
          "owner",
          "legalBasis",
          "forms",
          "version",
          "id",
          "text",
          "properties",
          "shownWhen",
          "rules",
          "check",
          "appliesWhen",
          "severity",
          "message",
          "codeLists",
          "system",
          "code",
          "score",
          "valid",
          "indicators",
          "type",
          "form",
          "minDenominator",
          "levels",
          "part",
          "formula",
          "inWords");

  private final Registry registry;

  CodebookExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    return new ExportResult(
        ExportFormat.CODEBOOK,
        List.of(
            new ExportFile(CSV_FILE, "text/csv", csv().toCsv(';')),
            new ExportFile(HTML_FILE, "text/html", html(false)),
            new ExportFile(DEVELOPER_HTML_FILE, "text/html", html(true))),
        List.of());
  }

  // ---- CSV --------------------------------------------------------------------------------------

  CsvTable csv() {
    CsvTable table = new CsvTable(COLUMNS);
    for (Form form : registry.forms().values()) {
      for (FormWalk.Entry entry : FormWalk.entries(form)) {
        Variable v = entry.variable();
        List<String[]> values = new ArrayList<>();
        v.codeList()
            .flatMap(registry::codeList)
            .ifPresent(
                list ->
                    list.codes()
                        .forEach(
                            c -> values.add(new String[] {c.code(), c.label().in("nb"), "nei"})));
        for (String reason : v.missing()) {
          String label =
              Optional.ofNullable(registry.missingReasons().get(reason))
                  .map(t -> t.in("nb"))
                  .orElse(reason);
          values.add(new String[] {reason, label, "ja"});
        }
        if (values.isEmpty()
            || (!v.type().isCoded() && values.stream().allMatch(x -> x[2].equals("ja")))) {
          values.add(0, new String[] {"", "", "nei"});
        }
        for (String[] value : values) {
          table.add(
              List.of(
                  form.id(),
                  form.title().in("nb"),
                  entry
                      .repeat()
                      .map(r -> r.label().in("nb"))
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
                  comment(form, entry)));
        }
      }
    }
    return table;
  }

  private String comment(Form form, FormWalk.Entry entry) {
    List<String> parts = new ArrayList<>();
    Variable v = entry.variable();
    versions(form, v).ifPresent(parts::add);
    tags(form, v).ifPresent(parts::add);
    if (form.scope() == FormScope.UNIT) parts.add("skjema per eining (ingen pasient)");
    entry.repeat().ifPresent(r -> parts.add("rad i gruppa " + r.id()));
    if (v.type() == no.regforms.definition.VariableType.CODES) parts.add("fleirval");
    if (v.type() == no.regforms.definition.VariableType.YEARMONTH)
      parts.add("år og månad (yyyy-mm)");
    v.requiredIf().ifPresent(f -> parts.add("obligatorisk når " + f.text()));
    v.pattern().ifPresent(p -> parts.add("mønster " + p));
    v.maxLength().ifPresent(m -> parts.add("maks " + m + " teikn"));
    v.step().ifPresent(s -> parts.add("steg " + s.toPlainString()));
    return String.join("; ", parts);
  }

  // ---- HTML -------------------------------------------------------------------------------------

  /** The readable codebook; {@code developer} adds every element's notes. */
  String html(boolean developer) {
    Map<String, Object> model = new HashMap<>();
    model.put("developer", developer);
    model.put("t", TEXTS.texts("codebook.", TEMPLATE_TEXTS));
    model.put("registry", registryView());
    model.put("forms", registry.forms().values().stream().map(this::formView).toList());
    model.put(
        "codeLists",
        registry.codeLists().values().stream().map(CodebookExport::codeListView).toList());
    model.put(
        "indicators", registry.indicators().values().stream().map(this::indicatorView).toList());
    return Templates.classpath().merge(TEMPLATE, model);
  }

  // ---- the view records the template reads (texts in Bokmål; empty strings for what is absent)
  // ----

  /** The registry's heading. */
  public record RegistryView(
      String id,
      String title,
      String description,
      String version,
      String owner,
      String legalBasis,
      String notes) {}

  /** A form: its items in order, nested items with a greater {@code depth}, and its rules. */
  public record FormView(
      String id,
      String title,
      String description,
      String version,
      String respondent,
      String notes,
      List<ItemView> items,
      List<RuleView> rules) {}

  /** A row of a form's table: a section, repeat group, note or variable. */
  public record ItemView(
      int depth,
      String id,
      String kind,
      String label,
      String help,
      List<String> details,
      String visibleIf,
      String visibleIfWords,
      String notes) {}

  /** A rule with its expressions as written and in words. */
  public record RuleView(
      String id,
      String severity,
      String check,
      String checkWords,
      String when,
      String whenWords,
      String message,
      String notes) {}

  /** A code list and its codes. */
  public record CodeListView(
      String id, String title, String system, String notes, List<CodeView> codes) {}

  /** A code; {@code valid} is its validity period, empty when always valid. */
  public record CodeView(String code, String label, String score, String notes, String valid) {}

  /** An indicator with its formulas. */
  public record IndicatorView(
      String id,
      String title,
      String description,
      String type,
      String form,
      List<FormulaView> formulas,
      String levels,
      String minDenominator,
      String notes) {}

  /** One of an indicator's formulas, as written and in words. */
  public record FormulaView(String role, String text, String words) {}

  private RegistryView registryView() {
    return new RegistryView(
        registry.id(),
        registry.title().in("nb"),
        registry.description().map(t -> t.in("nb")).orElse(""),
        registry.version(),
        registry.owner().map(o -> o.name().in("nb")).orElse(""),
        registry.legalBasis().map(t -> t.in("nb")).orElse(""),
        registry.notes().orElse(""));
  }

  private FormView formView(Form form) {
    Map<String, String> labels = new LinkedHashMap<>();
    FormWalk.entries(form)
        .forEach(e -> labels.put(e.variable().id(), e.variable().labelOrId().in("nb")));
    form.repeats().values().forEach(r -> labels.put(r.id(), r.label().in("nb")));
    FormulaInWords words = FormulaInWords.of(labels);
    List<ItemView> items = new ArrayList<>();
    items(form, form.items(), words, items);
    List<RuleView> rules = new ArrayList<>();
    for (Rule rule : form.rules()) {
      rules.add(
          new RuleView(
              rule.id(),
              rule.severity().name().toLowerCase(Locale.ROOT),
              rule.check().text(),
              words.words(rule.check()),
              rule.when().map(f -> f.text()).orElse(""),
              rule.when().map(words::words).orElse(""),
              rule.message().in("nb"),
              rule.notes().orElse("")));
    }
    return new FormView(
        form.id(),
        form.title().in("nb"),
        form.description().map(t -> t.in("nb")).orElse(""),
        form.version(),
        form.respondent().name().toLowerCase(Locale.ROOT),
        form.notes().orElse(""),
        items,
        rules);
  }

  /**
   * The first and last definition version that had {@code v} ("versjon 2019.1–2025.1"), when the
   * registry has a history; the canonical columns have no place for it, so it goes in the comment.
   */
  private Optional<String> versions(Form form, Variable v) {
    if (registry.history().names().size() < 2) return Optional.empty();
    VersionHistory.Lifespan lifespan = registry.history().variable(form.id(), v.id());
    return Optional.of(
        TEXTS.text(
            "codebook.detail.versions",
            lifespan.first()
                + (lifespan.first().equals(lifespan.last()) ? "" : "–" + lifespan.last())));
  }

  private void items(Form form, List<FormItem> items, FormulaInWords words, List<ItemView> out) {
    for (PlacedItem placed : ItemWalker.all(items)) {
      FormItem item = placed.item();
      int depth = placed.depth();
      String visibleIf = item.visibleIf().map(f -> f.text()).orElse("");
      String visibleIfWords = item.visibleIf().map(words::words).orElse("");
      if (item instanceof Section s) {
        out.add(
            new ItemView(
                depth,
                item.id(),
                "section",
                s.title().in("nb"),
                s.help().map(t -> t.in("nb")).orElse(""),
                List.of(),
                visibleIf,
                visibleIfWords,
                s.notes().orElse("")));
      } else if (item instanceof RepeatGroup r) {
        out.add(
            new ItemView(
                depth,
                item.id(),
                "repeat",
                r.label().in("nb"),
                r.help().map(t -> t.in("nb")).orElse(""),
                List.of(
                    TEXTS.text(
                        "codebook.rows",
                        String.valueOf(r.min()),
                        r.max().map(String::valueOf).orElse(""))),
                visibleIf,
                visibleIfWords,
                r.notes().orElse("")));
      } else if (item instanceof Note n) {
        out.add(
            new ItemView(
                depth,
                item.id(),
                "note",
                n.text().in("nb"),
                "",
                List.of(),
                visibleIf,
                visibleIfWords,
                n.notes().orElse("")));
      } else if (item instanceof Variable v) {
        out.add(
            new ItemView(
                depth,
                item.id(),
                "variable",
                v.labelOrId().in("nb"),
                v.help().or(v::description).map(t -> t.in("nb")).orElse(""),
                details(form, v, words),
                visibleIf,
                visibleIfWords,
                v.notes().orElse("")));
      }
    }
  }

  private List<String> details(Form form, Variable v, FormulaInWords words) {
    List<String> details = new ArrayList<>();
    details.add(
        TEXTS.text(
                "codebook.detail.type",
                v.type().jsonName() + v.codeList().map(c -> " (" + c + ")").orElse(""))
            + v.unit().map(u -> TEXTS.text("codebook.detail.unit", u)).orElse(""));
    if (v.required()) details.add(TEXTS.text("codebook.detail.required"));
    v.requiredIf()
        .ifPresent(f -> details.add(TEXTS.text("codebook.detail.requiredIf", words.words(f))));
    v.range().ifPresent(r -> details.add(TEXTS.text("codebook.detail.range", r.toString())));
    v.plausibleRange()
        .ifPresent(r -> details.add(TEXTS.text("codebook.detail.plausibleRange", r.toString())));
    v.decimals()
        .ifPresent(d -> details.add(TEXTS.text("codebook.detail.decimals", String.valueOf(d))));
    v.maxLength()
        .ifPresent(m -> details.add(TEXTS.text("codebook.detail.maxLength", String.valueOf(m))));
    v.pattern().ifPresent(p -> details.add(TEXTS.text("codebook.detail.pattern", p)));
    if (!v.missing().isEmpty())
      details.add(TEXTS.text("codebook.detail.missing", String.join(", ", v.missing())));
    v.compute()
        .ifPresent(
            f -> details.add(TEXTS.text("codebook.detail.computed", f.text(), words.words(f))));
    versions(form, v).ifPresent(details::add);
    tags(form, v).ifPresent(details::add);
    return details;
  }

  /**
   * The variable's PROM/PREM tags ("PROM"), its own or its form's; the canonical columns have no
   * place for them.
   */
  private static Optional<String> tags(Form form, Variable v) {
    List<MeasureTag> tags = form.tagsOf(v);
    return tags.isEmpty()
        ? Optional.empty()
        : Optional.of(tags.stream().map(MeasureTag::label).collect(Collectors.joining(", ")));
  }

  private static CodeListView codeListView(CodeList list) {
    List<CodeView> codes = new ArrayList<>();
    for (Code code : list.codes()) {
      codes.add(
          new CodeView(
              code.code(),
              code.label().in("nb"),
              CodebookTerms.score(code),
              code.notes().orElse(""),
              code.validFrom().map(Object::toString).orElse("")
                  + (code.validFrom().isPresent() || code.validTo().isPresent()
                      ? "–" + code.validTo().map(Object::toString).orElse("")
                      : "")));
    }
    return new CodeListView(
        list.id(),
        list.title().in("nb"),
        list.system()
            + list.systemOid().map(o -> ", OID " + o).orElse("")
            + list.systemVersion().map(v -> TEXTS.text("codebook.systemVersion", v)).orElse(""),
        list.notes().orElse(""),
        codes);
  }

  private IndicatorView indicatorView(Indicator indicator) {
    Map<String, String> labels = new LinkedHashMap<>();
    registry
        .form(indicator.form())
        .ifPresent(
            form -> {
              FormWalk.entries(form)
                  .forEach(e -> labels.put(e.variable().id(), e.variable().labelOrId().in("nb")));
              form.repeats().values().forEach(r -> labels.put(r.id(), r.label().in("nb")));
            });
    registry.forms().values().forEach(f -> labels.putIfAbsent(f.id(), f.title().in("nb")));
    FormulaInWords words = FormulaInWords.of(labels);
    List<FormulaView> formulas = new ArrayList<>();
    formulas.add(formula(TEXTS.text("codebook.role.period"), indicator.period(), words));
    formulas.add(formula(TEXTS.text("codebook.role.denominator"), indicator.denominator(), words));
    indicator
        .numerator()
        .ifPresent(f -> formulas.add(formula(TEXTS.text("codebook.role.numerator"), f, words)));
    indicator
        .value()
        .ifPresent(f -> formulas.add(formula(TEXTS.text("codebook.role.value"), f, words)));
    indicator
        .exclusions()
        .forEach(
            e ->
                formulas.add(
                    formula(TEXTS.text("codebook.role.exclusion", e.id()), e.when(), words)));
    List<String> notes = new ArrayList<>();
    indicator.notes().ifPresent(notes::add);
    indicator.exclusions().forEach(e -> e.notes().ifPresent(n -> notes.add(e.id() + ": " + n)));
    return new IndicatorView(
        indicator.id(),
        indicator.title().in("nb"),
        indicator.description().map(t -> t.in("nb")).orElse(""),
        indicator.type().name().toLowerCase(Locale.ROOT),
        indicator.form(),
        formulas,
        indicator
            .levels()
            .map(
                l ->
                    TEXTS.text(
                        l.higherIsBetter()
                            ? "codebook.levels.higherIsBetter"
                            : "codebook.levels.lowerIsBetter",
                        l.high().toPlainString(),
                        l.medium().toPlainString()))
            .orElse(""),
        indicator.minDenominator().map(String::valueOf).orElse(""),
        String.join("\n", notes));
  }

  private static FormulaView formula(
      String role, no.regforms.definition.Formula formula, FormulaInWords words) {
    return new FormulaView(role, formula.text(), words.words(formula));
  }
}
