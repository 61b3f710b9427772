package no.regforms.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.Severity;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a REDCap data dictionary (CSV, 18 columns): instruments become forms, section headers
 * sections, descriptive fields notes, fields variables with code lists from their choices, limits
 * from their validation, and branching logic and calculations translated by {@link RedcapLogic}.
 * Single use.
 */
final class RedcapReader {

  static final List<String> REQUIRED =
      List.of("variablefieldname", "formname", "fieldtype", "fieldlabel");
  static final List<String> OPTIONAL =
      List.of(
          "sectionheader",
          "choices",
          "fieldnote",
          "textvalidationtype",
          "textvalidationmin",
          "textvalidationmax",
          "identifier",
          "branchinglogic",
          "requiredfield",
          "customalignment",
          "questionnumber",
          "matrixgroupname",
          "matrixranking",
          "fieldannotation");

  private static final Pattern TAG = Pattern.compile("<[^>]{1,200}>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<(br|/?p|/?div|/?li|/?tr|/?td)\\b[^>]{0,200}>");
  private static final Pattern ACTION_TAG = Pattern.compile("@[A-Z][A-Z0-9_-]+");
  private static final Pattern CHARLIMIT = Pattern.compile("@CHARLIMIT\\s*=\\s*['\"]?(\\d{1,9})");

  /**
   * Action tags carried over: @FORCE-MINMAX makes the limits a hard range, @CHARLIMIT is the
   * longest text.
   */
  private static final Set<String> CARRIED_TAGS = Set.of("@FORCE-MINMAX", "@CHARLIMIT");

  /** REDCap text validations that are a fixed shape, as RE2 patterns the whole text must match. */
  private static final Map<String, String> TEXT_PATTERNS =
      Map.of(
          "email", "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
          "alpha_only", "[A-Za-z]*",
          "time", "([01][0-9]|2[0-3]):[0-5][0-9]",
          "time_hh_mm_ss", "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]",
          "time_mm_ss", "[0-5][0-9]:[0-5][0-9]",
          "zipcode", "[0-9]{5}(-[0-9]{4})?",
          "mrn_10d", "[0-9]{10}",
          "postalcode_french", "[0-9]{5}",
          "postalcode_germany", "[0-9]{5}");

  private final RegistryDraft draft;
  private final CsvTable table;
  private final Map<String, FormDraft> forms = new LinkedHashMap<>();
  private final Map<String, String> formOfField = new HashMap<>();
  private final Map<String, Map<String, RedcapLogic.Field>> fieldsByForm = new HashMap<>();

  /** A descriptive field waiting for its branching logic until every field is known. */
  private record NoteLater(
      FormDraft form, String noteId, String name, String where, String formName, String logic) {}

  private final List<NoteLater> noteLogic = new ArrayList<>();

  /** A field waiting for its branching logic or calculation until every field is known. */
  private record Later(
      FormDraft form, VariableDraft variable, String formName, String logic, boolean calculation) {}

  RedcapReader(RegistryDraft draft, CsvTable table) {
    this.draft = draft;
    this.table = table;
  }

  void read() {
    List<Later> later = new ArrayList<>();
    Set<String> seenNames = new LinkedHashSet<>();
    for (CSVRecord row : table.rows()) {
      String where = draft.sourceFile() + ":" + row.getRecordNumber();
      String name = get(row, "variablefieldname");
      String formName = get(row, "formname");
      if (name.isEmpty() || formName.isEmpty()) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where,
            "",
            "",
            name,
            "a row without a field name or form name was skipped");
        continue;
      }
      if (!seenNames.add(name)) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where,
            "",
            "",
            name,
            "field name '" + name + "' appears twice; the later row was skipped");
        continue;
      }
      FormDraft form = forms.computeIfAbsent(formName, f -> draft.form(f, humanize(f), where));
      String header = plain(get(row, "sectionheader"));
      if (!header.isEmpty()) form.section(header, header);
      Optional<VariableDraft> variable = field(row, form, name, where);
      if (variable.isEmpty()) continue;
      VariableDraft v = variable.get();
      formOfField.put(name, formName);
      fieldsByForm
          .computeIfAbsent(formName, f -> new HashMap<>())
          .put(
              name,
              new RedcapLogic.Field(
                  v.id(),
                  v.type(),
                  v.has("codeList") ? draft.codesOf(v.keys().get("codeList").asText()) : Set.of()));
      String logic = get(row, "branchinglogic");
      if (!logic.isEmpty()) later.add(new Later(form, v, formName, logic, false));
      if (get(row, "fieldtype").equalsIgnoreCase("calc")) {
        later.add(new Later(form, v, formName, get(row, "choices"), true));
      }
    }
    for (Later item : later) translate(item);
    for (NoteLater item : noteLogic) translate(item);
  }

  private void translate(NoteLater item) {
    RedcapLogic.Translation translation =
        RedcapLogic.condition(
            item.logic(),
            fieldsByForm.getOrDefault(item.formName(), Map.of()),
            elsewhere(item.formName()));
    if (translation instanceof RedcapLogic.Translation.Translated t) {
      item.form()
          .noteCondition(item.noteId(), item.name(), item.where(), t.expression(), item.logic());
    } else if (translation instanceof RedcapLogic.Translation.Refused r) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.LOGIC_NOT_TRANSLATED,
          item.where(),
          item.form().id(),
          item.noteId(),
          item.name(),
          "branching logic '"
              + item.logic()
              + "' not carried over: "
              + r.reason()
              + "; the note is always shown");
    }
  }

  private Map<String, String> elsewhere(String formName) {
    Map<String, String> elsewhere = new HashMap<>();
    formOfField.forEach(
        (field, form) -> {
          if (!form.equals(formName)) elsewhere.put(field, form);
        });
    return elsewhere;
  }

  private void translate(Later item) {
    Map<String, RedcapLogic.Field> fields = fieldsByForm.getOrDefault(item.formName(), Map.of());
    Map<String, String> elsewhere = elsewhere(item.formName());
    RedcapLogic.Translation translation =
        item.calculation()
            ? RedcapLogic.calculation(item.logic(), fields, elsewhere)
            : RedcapLogic.condition(item.logic(), fields, elsewhere);
    String key = item.calculation() ? "compute" : "visibleIf";
    ImportNote.Kind kind =
        item.calculation()
            ? ImportNote.Kind.CALCULATION_NOT_TRANSLATED
            : ImportNote.Kind.LOGIC_NOT_TRANSLATED;
    VariableDraft v = item.variable();
    if (translation instanceof RedcapLogic.Translation.Translated t) {
      item.form().formula(v, key, t.expression(), item.logic(), kind);
    } else if (translation instanceof RedcapLogic.Translation.Refused r) {
      String what = item.calculation() ? "calculation" : "branching logic";
      draft.note(
          Severity.WARNING,
          kind,
          v.where(),
          item.form().id(),
          v.id(),
          v.source(),
          what
              + " '"
              + item.logic()
              + "' not carried over: "
              + r.reason()
              + (item.calculation()
                  ? "; the variable is an input field without its formula"
                  : "; the variable is always shown"));
      v.describe("REDCap " + what + " (not carried over): " + item.logic());
    }
  }

  private Optional<VariableDraft> field(CSVRecord row, FormDraft form, String name, String where) {
    String type = get(row, "fieldtype").toLowerCase(Locale.ROOT);
    String label = plain(get(row, "fieldlabel"));
    boolean markup = TAG.matcher(get(row, "fieldlabel")).find();
    if (type.equals("descriptive")) {
      String noteId = form.note(name, label.isEmpty() ? name : label, where);
      String logic = get(row, "branchinglogic");
      if (!logic.isEmpty())
        noteLogic.add(new NoteLater(form, noteId, name, where, form.source(), logic));
      return Optional.empty();
    }
    if (type.equals("file") || type.equals("sql")) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.TYPE_NOT_SUPPORTED,
          where,
          form.id(),
          "",
          name,
          "field type '"
              + type
              + "' has no counterpart in the definition format"
              + (type.equals("file")
                  ? " (records hold values, not uploaded files)"
                  : " (a database query)")
              + "; the field was left out");
      return Optional.empty();
    }
    VariableDraft v;
    switch (type) {
      case "radio":
      case "dropdown":
      case "checkbox":
        v =
            choiceField(
                row,
                form,
                name,
                where,
                type.equals("checkbox") ? VariableType.CODES : VariableType.CODE,
                label);
        break;
      case "yesno":
      case "truefalse":
        v = form.variable(name, VariableType.BOOLEAN, where);
        v.describe(
            "REDCap "
                + (type.equals("yesno")
                    ? "yes/no (1 = Yes, 0 = No)"
                    : "true/false (1 = True, 0 = False)")
                + "; imported as a boolean.");
        break;
      case "calc":
        v = form.variable(name, VariableType.DECIMAL, where);
        break;
      case "slider":
        v = form.variable(name, VariableType.INTEGER, where);
        slider(row, form, v, where);
        break;
      case "notes":
        v = form.variable(name, VariableType.TEXT, where);
        break;
      case "text":
        v = textField(row, form, name, where);
        break;
      default:
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.TYPE_NOT_SUPPORTED,
            where,
            form.id(),
            "",
            name,
            "unknown field type '" + type + "'; imported as a text variable");
        v = form.variable(name, VariableType.TEXT, where);
    }
    v.label(label);
    if (markup) {
      draft.note(
          Severity.INFO,
          ImportNote.Kind.NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          name,
          "HTML markup in the label was removed; labels are plain text");
    }
    v.help(plain(get(row, "fieldnote")));
    if (!v.id().equals(name)) v.describe("REDCap field: " + name + ".");
    v.required(get(row, "requiredfield").equalsIgnoreCase("y"));
    if (get(row, "identifier").equalsIgnoreCase("y")) v.string("sensitivity", "identifying");
    annotation(row, form, v, where);
    presentation(row, form, v, where);
    return Optional.of(v);
  }

  private VariableDraft choiceField(
      CSVRecord row, FormDraft form, String name, String where, VariableType type, String label) {
    List<RegistryDraft.CodeDraft> codes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String choice : get(row, "choices").split("\\|")) {
      String c = choice.strip();
      if (c.isEmpty()) continue;
      int comma = c.indexOf(',');
      String code = (comma < 0 ? c : c.substring(0, comma)).strip();
      String text = plain(comma < 0 ? c : c.substring(comma + 1));
      if (comma < 0) {
        draft.note(
            Severity.INFO,
            ImportNote.Kind.NOT_CARRIED,
            where,
            form.id(),
            "",
            name,
            "choice '" + c + "' has no 'code, label' comma; the whole text is both code and label");
      }
      if (!seen.add(code)) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where,
            form.id(),
            "",
            name,
            "choice code '" + code + "' appears twice; the later one was left out");
        continue;
      }
      codes.add(new RegistryDraft.CodeDraft(code, text.isEmpty() ? code : text));
    }
    if (codes.isEmpty()) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.NOT_CARRIED,
          where,
          form.id(),
          "",
          name,
          "a choice field without choices; imported as a text variable");
      return form.variable(name, VariableType.TEXT, where);
    }
    VariableDraft v = form.variable(name, type, where);
    v.codeList(draft.codeList(v.id(), label.isEmpty() ? name : label, codes));
    return v;
  }

  private VariableDraft textField(CSVRecord row, FormDraft form, String name, String where) {
    String validation = get(row, "textvalidationtype").toLowerCase(Locale.ROOT);
    String min = get(row, "textvalidationmin");
    String max = get(row, "textvalidationmax");
    VariableDraft v;
    if (validation.isEmpty()) {
      v = form.variable(name, VariableType.TEXT, where);
    } else if (validation.startsWith("date_")) {
      v = form.variable(name, VariableType.DATE, where);
      dateRange(form, v, min, max, where);
      return v;
    } else if (validation.startsWith("datetime_")) {
      v = form.variable(name, VariableType.DATETIME, where);
    } else if (validation.equals("integer")) {
      v = form.variable(name, VariableType.INTEGER, where);
      numberRange(row, form, v, min, max, where);
      return v;
    } else if (validation.equals("number") || validation.startsWith("number_")) {
      v = form.variable(name, VariableType.DECIMAL, where);
      Matcher dp = Pattern.compile("number_(\\d+)dp.*").matcher(validation);
      if (dp.matches()) v.integer("decimals", Integer.parseInt(dp.group(1)));
      if (validation.contains("comma")) v.describe("REDCap shows it with a decimal comma.");
      numberRange(row, form, v, min, max, where);
      return v;
    } else if (TEXT_PATTERNS.containsKey(validation)) {
      v =
          form.variable(name, VariableType.TEXT, where)
              .string("pattern", TEXT_PATTERNS.get(validation));
      v.describe("REDCap validation: " + validation + ".");
    } else {
      v = form.variable(name, VariableType.TEXT, where);
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.LIMIT_NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          name,
          "text validation '" + validation + "' has no counterpart; imported as plain text");
      v.describe("REDCap validation: " + validation + ".");
    }
    if (!min.isEmpty() || !max.isEmpty()) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.LIMIT_NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          name,
          "validation min/max ("
              + min
              + " to "
              + max
              + ") on a "
              + v.type().jsonName()
              + " variable has no counterpart in the definition format");
    }
    return v;
  }

  private void numberRange(
      CSVRecord row, FormDraft form, VariableDraft v, String min, String max, String where) {
    if (min.isEmpty() && max.isEmpty()) return;
    Optional<BigDecimal> lo = decimal(min);
    Optional<BigDecimal> hi = decimal(max);
    if (lo.isPresent() && hi.isPresent() && lo.get().compareTo(hi.get()) <= 0) {
      // REDCap's min/max warn by default and block only with @FORCE-MINMAX: a soft range.
      boolean force =
          get(row, "fieldannotation").toUpperCase(Locale.ROOT).contains("@FORCE-MINMAX");
      String key = force ? "range" : "plausibleRange";
      v.range(key, VariableDraft.number(lo.get()), VariableDraft.number(hi.get()));
      return;
    }
    draft.note(
        Severity.WARNING,
        ImportNote.Kind.LIMIT_NOT_CARRIED,
        where,
        form.id(),
        v.id(),
        v.source(),
        "validation limit '"
            + min
            + "' to '"
            + max
            + "' not carried over: a regforms range has both ends, and both must be numbers"
            + " with the minimum first");
  }

  private void dateRange(FormDraft form, VariableDraft v, String min, String max, String where) {
    if (min.isEmpty() && max.isEmpty()) return;
    String lo = dateBound(min);
    String hi = dateBound(max);
    if (lo != null
        && hi != null
        && (lo.equals("today") || hi.equals("today") || lo.compareTo(hi) <= 0)) {
      v.range("range", VariableDraft.date(lo), VariableDraft.date(hi));
      draft.note(
          Severity.INFO,
          ImportNote.Kind.LIMIT_NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          v.source(),
          "REDCap's date limits only warn; a regforms date range is hard (dates have no plausible range)");
      return;
    }
    draft.note(
        Severity.WARNING,
        ImportNote.Kind.LIMIT_NOT_CARRIED,
        where,
        form.id(),
        v.id(),
        v.source(),
        "date limit '"
            + min
            + "' to '"
            + max
            + "' not carried over: a regforms range has two dates yyyy-mm-dd or 'today'");
  }

  private static String dateBound(String text) {
    if (text.equalsIgnoreCase("today")) return "today";
    return text.matches("\\d{4}-\\d{2}-\\d{2}") ? text : null;
  }

  private void slider(CSVRecord row, FormDraft form, VariableDraft v, String where) {
    Optional<BigDecimal> lo = decimal(get(row, "textvalidationmin"));
    Optional<BigDecimal> hi = decimal(get(row, "textvalidationmax"));
    v.range(
        "range",
        VariableDraft.number(lo.orElse(BigDecimal.ZERO)),
        VariableDraft.number(hi.orElse(BigDecimal.valueOf(100))));
    String labels = get(row, "choices");
    v.describe("REDCap slider" + (labels.isEmpty() ? "" : " labelled " + labels) + ".");
    draft.note(
        Severity.INFO,
        ImportNote.Kind.NOT_CARRIED,
        where,
        form.id(),
        v.id(),
        v.source(),
        "slider imported as an integer in its range (REDCap's default 0 to 100 unless given)"
            + (labels.isEmpty()
                ? ""
                : "; its anchor labels '" + labels + "' are kept in the description only"));
  }

  private void annotation(CSVRecord row, FormDraft form, VariableDraft v, String where) {
    String annotation = get(row, "fieldannotation");
    if (annotation.isEmpty()) return;
    Matcher tags = ACTION_TAG.matcher(annotation);
    List<String> found = new ArrayList<>();
    while (tags.find()) {
      if (!CARRIED_TAGS.contains(tags.group())) found.add(tags.group());
    }
    Matcher limit = CHARLIMIT.matcher(annotation);
    if (limit.find() && v.type() == VariableType.TEXT) {
      v.integer("maxLength", Integer.parseInt(limit.group(1)));
    }
    if (!found.isEmpty()) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          v.source(),
          "action tags "
              + String.join(", ", found)
              + " have no counterpart in the definition format");
    }
    v.describe("REDCap annotation: " + annotation);
  }

  private void presentation(CSVRecord row, FormDraft form, VariableDraft v, String where) {
    Map<String, String> unused = new LinkedHashMap<>();
    unused.put("custom alignment", get(row, "customalignment"));
    unused.put("question number", get(row, "questionnumber"));
    unused.put("matrix group", get(row, "matrixgroupname"));
    unused.put("matrix ranking", get(row, "matrixranking"));
    unused.forEach(
        (what, value) -> {
          if (!value.isEmpty()) {
            draft.note(
                Severity.WARNING,
                ImportNote.Kind.NOT_CARRIED,
                where,
                form.id(),
                v.id(),
                v.source(),
                what + " '" + value + "' is layout the definition format does not hold");
          }
        });
  }

  private String get(CSVRecord row, String key) {
    return table.get(row, key);
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Text with HTML tags removed and white space collapsed. */
  static String plain(String text) {
    return TAG.matcher(BREAK.matcher(text).replaceAll(" "))
        .replaceAll("")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** {@code baseline_data} becomes {@code Baseline data}. */
  static String humanize(String name) {
    String spaced = name.replace('_', ' ').strip();
    return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
