package no.regforms.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.Formula;
import no.regforms.definition.Registry;
import no.regforms.definition.Sensitivity;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.SourceLocation;

/**
 * A REDCap data dictionary (the 18 standard columns) mirroring the registry's forms in their order:
 * one instrument per form and, after it, one per repeat group (to be marked as a repeating
 * instrument), each instrument's fields together as REDCap requires; {@code visibleIf} and
 * enclosing section conditions translated to branching logic that shows a field exactly when
 * regforms does, where REDCap can say it; computed values as {@code calc} fields where the formula
 * translates; hard ranges as min/max with {@code @FORCE-MINMAX}, plausible ranges as min/max
 * without it; the longest text as {@code @CHARLIMIT}. Variable ids that occur in more than one form
 * are renamed {@code <form>_<id>}, because REDCap field names are project-wide. What REDCap cannot
 * hold is a note.
 */
final class RedcapExport {

  static final String FILE = "redcap/data_dictionary.csv";

  /** REDCap's data dictionary header, exactly as REDCap writes it. */
  static final List<String> COLUMNS =
      List.of(
          "Variable / Field Name",
          "Form Name",
          "Section Header",
          "Field Type",
          "Field Label",
          "Choices, Calculations, OR Slider Labels",
          "Field Note",
          "Text Validation Type OR Show Slider Number",
          "Text Validation Min",
          "Text Validation Max",
          "Identifier?",
          "Branching Logic (Show field only if...)",
          "Required Field?",
          "Custom Alignment",
          "Question Number (surveys only)",
          "Matrix Group Name",
          "Matrix Ranking?",
          "Field Annotation");

  static final String RECORD_ID = "record_id";
  static final String FORCE_MINMAX = "@FORCE-MINMAX";
  static final String CHARLIMIT = "@CHARLIMIT=";

  private final Registry registry;
  private final List<ExportNote> notes = new ArrayList<>();

  RedcapExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    Map<String, Integer> formsPerId = new HashMap<>();
    for (Form form : registry.forms().values()) {
      FormWalk.entries(form).stream()
          .map(e -> e.variable().id())
          .distinct()
          .forEach(id -> formsPerId.merge(id, 1, Integer::sum));
    }
    CsvTable table = new CsvTable(COLUMNS);
    boolean first = true;
    for (Form form : registry.forms().values()) {
      List<FormWalk.Entry> entries = FormWalk.entries(form);
      Map<String, Variable> variables = new LinkedHashMap<>();
      entries.forEach(e -> variables.putIfAbsent(e.variable().id(), e.variable()));
      boolean ownRecordId =
          first
              && !entries.isEmpty()
              && entries.get(0).variable().id().equals(RECORD_ID)
              && entries.get(0).repeat().isEmpty();
      Map<String, String> names = new HashMap<>();
      for (String id : variables.keySet()) {
        boolean clash = formsPerId.getOrDefault(id, 1) > 1 || id.equals(RECORD_ID) && !ownRecordId;
        String name = clash ? form.id() + "_" + id : id;
        names.put(id, name);
        if (!name.equals(id)) {
          note(
              form,
              id,
              "renamed to '" + name + "': REDCap field names are unique across the project",
              variables.get(id).location());
        }
      }
      RedcapLogic logic = new RedcapLogic(variables, id -> names.getOrDefault(id, id), this::codes);
      if (first && !ownRecordId) {
        table.add(
            row(
                RECORD_ID,
                form.id(),
                "",
                "text",
                "Record ID",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                ""));
      }
      first = false;
      // REDCap wants each instrument's fields together: the form's own first, then each repeat
      // group's.
      Map<String, List<FormWalk.Entry>> instruments = new LinkedHashMap<>();
      instruments.put(form.id(), new ArrayList<>());
      for (FormWalk.Entry entry : entries) {
        String instrument = entry.repeat().map(r -> form.id() + "_" + r.id()).orElse(form.id());
        instruments.computeIfAbsent(instrument, i -> new ArrayList<>()).add(entry);
      }
      instruments.forEach(
          (instrument, fields) -> {
            String lastHeader = "";
            for (FormWalk.Entry entry : fields) {
              String header =
                  entry
                      .repeat()
                      .map(r -> r.label().in("nb"))
                      .orElseGet(() -> entry.section().map(s -> s.title().in("nb")).orElse(""));
              table.add(
                  field(
                      form,
                      entry,
                      instrument,
                      header.equals(lastHeader) ? "" : header,
                      names,
                      logic));
              lastHeader = header;
            }
          });
      form.repeats()
          .values()
          .forEach(
              r ->
                  note(
                      form,
                      r.id(),
                      "exported as instrument '"
                          + form.id()
                          + "_"
                          + r.id()
                          + "'; mark it as a repeating instrument in the project setup",
                      r.location()));
      form.rules()
          .forEach(
              r ->
                  note(
                      form,
                      r.id(),
                      "cross-field rule '"
                          + r.check().text()
                          + "' has no data dictionary counterpart (a REDCap data quality rule could hold it)",
                      r.location()));
    }
    if (registry.forms().values().stream()
        .flatMap(f -> FormWalk.entries(f).stream())
        .anyMatch(e -> !e.variable().missing().isEmpty())) {
      notes.add(
          new ExportNote(
              ExportFormat.REDCAP,
              "",
              "",
              "missing-value reasons ("
                  + String.join(", ", registry.missingReasons().keySet())
                  + ") belong in the project's Missing Data Codes, which the data dictionary does not hold",
              SourceLocation.of("registry.json", 0, 0, "/missingReasons")));
    }
    return new ExportResult(
        ExportFormat.REDCAP, List.of(new ExportFile(FILE, "text/csv", table.toCsv(','))), notes);
  }

  private List<String> codes(Variable v) {
    return registry.codeList(v.codeList().orElseThrow()).orElseThrow().codes().stream()
        .map(Code::code)
        .toList();
  }

  private List<String> field(
      Form form,
      FormWalk.Entry entry,
      String instrument,
      String sectionHeader,
      Map<String, String> names,
      RedcapLogic logic) {
    Variable v = entry.variable();
    String type = "";
    String choices = "";
    String validation = "";
    String min = "";
    String max = "";
    List<String> fieldNotes = new ArrayList<>();
    List<String> annotations = new ArrayList<>();
    v.unit().ifPresent(fieldNotes::add);
    v.help().ifPresent(h -> fieldNotes.add(h.in("nb")));
    boolean calc = false;
    if (v.isComputed()) {
      Formula compute = v.compute().orElseThrow();
      Translation translation =
          v.type().isNumeric()
              ? logic.calculation(compute.compiled())
              : Translation.refused(
                  "REDCap calculations give numbers, and this value is a " + v.type().jsonName());
      if (translation.text().isPresent()) {
        calc = true;
        type = "calc";
        choices = translation.text().get();
      } else {
        annotations.add("@READONLY");
        note(
            form,
            v.id(),
            "computed value '"
                + compute.text()
                + "' has no REDCap calculation ("
                + translation.reason()
                + "); exported as a read-only field that REDCap users do not fill in",
            compute.location());
      }
    }
    if (!calc) {
      switch (v.type()) {
        case INTEGER:
        case DECIMAL:
          type = "text";
          validation =
              v.type() == VariableType.INTEGER
                  ? "integer"
                  : v.decimals()
                      .filter(d -> d >= 1 && d <= 4)
                      .map(d -> "number_" + d + "dp")
                      .orElse("number");
          // REDCap's min/max only warn unless @FORCE-MINMAX: a hard range forces them, a plausible
          // range does not.
          Optional<no.regforms.definition.Range> limits = v.range().or(v::plausibleRange);
          min = limits.flatMap(r -> r.numericMin()).map(RedcapExport::number).orElse("");
          max = limits.flatMap(r -> r.numericMax()).map(RedcapExport::number).orElse("");
          if (v.range().isPresent()) {
            annotations.add(FORCE_MINMAX);
            v.plausibleRange()
                .ifPresent(
                    r ->
                        note(
                            form,
                            v.id(),
                            "plausible range "
                                + r
                                + " has no REDCap counterpart beside the hard range (one min/max per field)",
                            v.location()));
          }
          break;
        case TEXT:
          // REDCap's record id is a text field; other long texts are notes.
          type =
              v.maxLength().map(m -> m <= 255).orElse(false)
                      || entry.variable().id().equals(RECORD_ID)
                          && names.getOrDefault(RECORD_ID, "").equals(RECORD_ID)
                  ? "text"
                  : "notes";
          v.maxLength().ifPresent(m -> annotations.add(CHARLIMIT + m));
          v.pattern()
              .ifPresent(
                  p ->
                      note(
                          form,
                          v.id(),
                          "pattern " + p + " has no standard REDCap validation type",
                          v.location()));
          break;
        case BOOLEAN:
          type = "yesno";
          break;
        case DATE:
          type = "text";
          validation = "date_ymd";
          min = v.range().map(r -> date(r.min())).orElse("");
          max = v.range().map(r -> date(r.max())).orElse("");
          if (v.range().isPresent()) annotations.add(FORCE_MINMAX);
          break;
        case DATETIME:
          type = "text";
          validation = "datetime_ymd";
          break;
        case YEARMONTH:
          type = "text";
          fieldNotes.add("yyyy-mm");
          annotations.add(CHARLIMIT + "7");
          note(
              form,
              v.id(),
              "REDCap has no year-month validation; exported as text of 7 characters with a note",
              v.location());
          break;
        case CODE:
        case CODES:
          CodeList list = registry.codeList(v.codeList().orElseThrow()).orElseThrow();
          type =
              v.type() == VariableType.CODES
                  ? "checkbox"
                  : list.codes().size() > 10 ? "dropdown" : "radio";
          choices =
              list.codes().stream()
                  .map(c -> c.code() + ", " + c.label().in("nb").replace("|", "/"))
                  .collect(Collectors.joining(" | "));
          for (Code code : list.codes()) {
            if (!code.code().matches("[A-Za-z0-9_.-]+")) {
              note(
                  form,
                  v.id(),
                  "code '" + code.code() + "' has characters REDCap does not accept in raw values",
                  code.location());
            }
          }
          break;
        default:
          throw new IllegalStateException("unhandled type " + v.type());
      }
    }
    String branching = "";
    if (!entry.conditions().isEmpty()) {
      Translation translated =
          logic.condition(entry.conditions().stream().map(Formula::compiled).toList());
      if (translated.text().isPresent()) {
        branching = translated.text().get();
      } else {
        String written =
            entry.conditions().stream().map(Formula::text).collect(Collectors.joining("' and '"));
        note(
            form,
            v.id(),
            "condition '"
                + written
                + "' cannot be written as REDCap branching logic ("
                + translated.reason()
                + "); the field is always shown",
            entry.conditions().get(0).location());
      }
    }
    v.requiredIf()
        .ifPresent(
            f ->
                note(
                    form,
                    v.id(),
                    "'requiredIf: " + f.text() + "' has no REDCap counterpart",
                    v.location()));
    return row(
        names.getOrDefault(v.id(), v.id()),
        instrument,
        sectionHeader,
        type,
        v.labelOrId().in("nb"),
        choices,
        String.join(" ", fieldNotes),
        validation,
        min,
        max,
        v.sensitivity() == Sensitivity.IDENTIFYING ? "y" : "",
        branching,
        v.required() && !v.isComputed() ? "y" : "",
        "",
        "",
        "",
        "",
        String.join(" ", annotations));
  }

  private static String number(java.math.BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String date(Bound bound) {
    return bound instanceof Bound.Today
        ? "today"
        : bound instanceof Bound.Date d ? d.value().toString() : "";
  }

  private static List<String> row(String... cells) {
    return List.of(cells);
  }

  private void note(Form form, String item, String message, SourceLocation location) {
    notes.add(new ExportNote(ExportFormat.REDCAP, form.id(), item, message, location));
  }
}
