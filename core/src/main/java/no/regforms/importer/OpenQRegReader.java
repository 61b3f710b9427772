package no.regforms.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.Severity;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an OpenQReg "Klokeboken" (CSV, 27 columns, one row per variable or per list value): forms
 * from {@code skjemanavn}, variables from {@code variabel_id}, code lists from the list rows, hard
 * and soft limits from the max and normal intervals, lengths, allowed characters, decimals and
 * validity dates. Skip logic is only flagged in a Klokeboken (which question controls, which is
 * controlled, not the answer that shows it), so it is reported, not invented. Single use.
 */
final class OpenQRegReader {

  static final List<String> REQUIRED = List.of("skjemanavn", "ledetekst", "type", "variabelid");
  static final List<String> OPTIONAL =
      List.of(
          "navnirapporteket",
          "obligatorisk",
          "listeverdier",
          "listetekst",
          "normalintervallstartnumerisk",
          "normalintervallsluttnumerisk",
          "maksintervallstartnumerisk",
          "maksintervallsluttnumerisk",
          "normalintervallstartdato",
          "normalintervallsluttdato",
          "maksintervallstartdato",
          "maksintervallsluttdato",
          "antalltegn",
          "lovligetegn",
          "desimaler",
          "aktiveringsspoersmaal",
          "underspoersmaal",
          "innfoertdato",
          "utfasetdato",
          "tabell",
          "fysiskfeltnavn",
          "kommentar",
          "hjelpetekst");

  private final RegistryDraft draft;
  private final CsvTable table;

  OpenQRegReader(RegistryDraft draft, CsvTable table) {
    this.draft = draft;
    this.table = table;
  }

  void read() {
    Map<String, FormDraft> forms = new LinkedHashMap<>();
    Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
    for (CSVRecord row : table.rows()) {
      String form = get(row, "skjemanavn");
      String id = get(row, "variabelid");
      if (form.isEmpty() || id.isEmpty()) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where(row),
            "",
            "",
            id,
            "a row without skjemanavn or variabel_id was skipped");
        continue;
      }
      groups.computeIfAbsent(form + "\u0000" + id, k -> new ArrayList<>()).add(row);
    }
    for (List<CSVRecord> rows : groups.values()) {
      CSVRecord first = rows.get(0);
      String formName = get(first, "skjemanavn");
      FormDraft form = forms.computeIfAbsent(formName, f -> draft.form(f, f, where(first)));
      variable(form, rows);
    }
  }

  private void variable(FormDraft form, List<CSVRecord> rows) {
    CSVRecord row = rows.get(0);
    String name = get(row, "variabelid");
    String type = get(row, "type");
    String where = where(row);
    VariableDraft v;
    switch (type) {
      case "Listevariabel":
        v = list(form, rows, name, where);
        break;
      case "Tallvariabel":
        {
          Optional<Integer> decimals = integer(get(row, "desimaler"));
          boolean whole = decimals.isPresent() && decimals.get() == 0;
          v = form.variable(name, whole ? VariableType.INTEGER : VariableType.DECIMAL, where);
          if (!whole && decimals.isPresent()) v.integer("decimals", decimals.get());
          numberLimits(form, v, row);
          break;
        }
      case "Tekstvariabel":
      case "Stor tekstvariabel":
        v = form.variable(name, VariableType.TEXT, where);
        integer(get(row, "antalltegn"))
            .filter(n -> n > 0)
            .ifPresent(n -> v.integer("maxLength", n));
        allowedCharacters(v, get(row, "lovligetegn"));
        break;
      case "Datovariabel":
        v = form.variable(name, VariableType.DATE, where);
        dateLimits(form, v, row);
        break;
      case "Avkrysningsboks":
        v = form.variable(name, VariableType.BOOLEAN, where);
        break;
      case "Statusvariabel":
        v = form.variable(name, VariableType.CODE, where);
        v.codeList(
            draft.codeList(
                "skjemastatus",
                "Skjemastatus",
                List.of(
                    new RegistryDraft.CodeDraft("-1", "Opprettet"),
                    new RegistryDraft.CodeDraft("0", "Lagret"),
                    new RegistryDraft.CodeDraft("1", "Ferdigstilt"))));
        draft.note(
            Severity.INFO,
            ImportNote.Kind.NOT_CARRIED,
            where,
            form.id(),
            v.id(),
            name,
            "a Statusvariabel lists no values; its codes are OpenQReg's form status -1 opprettet, 0 lagret, 1 ferdigstilt");
        break;
      case "Skjult variabel":
        v = form.variable(name, VariableType.TEXT, where);
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.CALCULATION_NOT_TRANSLATED,
            where,
            form.id(),
            v.id(),
            name,
            "a Skjult variabel is computed by OpenQReg, but the Klokeboken gives neither its formula nor its data type; "
                + "imported as a text variable without a formula");
        v.describe(
            "Skjult (beregnet) variabel i OpenQReg; formel og datatype står ikke i Klokeboken.");
        break;
      default:
        v = form.variable(name, VariableType.TEXT, where);
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.TYPE_NOT_SUPPORTED,
            where,
            form.id(),
            v.id(),
            name,
            "unknown variable type '" + type + "'; imported as a text variable");
    }
    v.label(get(row, "ledetekst"));
    v.help(get(row, "hjelpetekst"));
    v.required(get(row, "obligatorisk").equalsIgnoreCase("Ja"));
    describe(form, v, row);
    validity(form, v, row);
    skipFlags(form, v, row);
    if (!type.equals("Tekstvariabel")
        && !type.equals("Stor tekstvariabel")
        && !get(row, "lovligetegn").isEmpty()
        && !type.equals("Tallvariabel")) {
      draft.note(
          Severity.INFO,
          ImportNote.Kind.LIMIT_NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          name,
          "allowed characters apply to text only; left out for a "
              + v.type().jsonName()
              + " variable");
    }
  }

  private VariableDraft list(FormDraft form, List<CSVRecord> rows, String name, String where) {
    List<RegistryDraft.CodeDraft> codes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (CSVRecord row : rows) {
      String code = get(row, "listeverdier");
      String text = get(row, "listetekst");
      if (code.isEmpty()) continue;
      if (seen.contains(code)) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where(row),
            form.id(),
            "",
            name,
            "list value '" + code + "' appears twice; the later row was skipped");
        continue;
      }
      seen.add(code);
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
          "a Listevariabel without list values; imported as a text variable");
      return form.variable(name, VariableType.TEXT, where);
    }
    VariableDraft v = form.variable(name, VariableType.CODE, where);
    String label = get(rows.get(0), "ledetekst");
    v.codeList(draft.codeList(v.id(), label.isEmpty() ? name : label, codes));
    return v;
  }

  private void numberLimits(FormDraft form, VariableDraft v, CSVRecord row) {
    Optional<Range> hard =
        numberRange(
            form,
            v,
            row,
            "maksintervallstartnumerisk",
            "maksintervallsluttnumerisk",
            "max interval");
    Optional<Range> soft =
        numberRange(
            form,
            v,
            row,
            "normalintervallstartnumerisk",
            "normalintervallsluttnumerisk",
            "normal interval");
    hard.ifPresent(
        r -> v.range("range", VariableDraft.number(r.min()), VariableDraft.number(r.max())));
    if (soft.isPresent()) {
      Range s = soft.get();
      if (hard.isPresent()
          && (s.min().compareTo(hard.get().min()) < 0 || s.max().compareTo(hard.get().max()) > 0)) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.LIMIT_NOT_CARRIED,
            where(row),
            form.id(),
            v.id(),
            v.source(),
            "normal interval "
                + s
                + " reaches outside the max interval "
                + hard.get()
                + "; not carried over");
      } else {
        v.range("plausibleRange", VariableDraft.number(s.min()), VariableDraft.number(s.max()));
      }
    }
  }

  /** A numeric interval of the codebook. */
  private record Range(BigDecimal min, BigDecimal max) {
    @Override
    public String toString() {
      return "[" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }
  }

  private Optional<Range> numberRange(
      FormDraft form, VariableDraft v, CSVRecord row, String startKey, String endKey, String what) {
    String start = get(row, startKey);
    String end = get(row, endKey);
    if (start.isEmpty() && end.isEmpty()) return Optional.empty();
    Optional<BigDecimal> lo = decimal(start);
    Optional<BigDecimal> hi = decimal(end);
    if (lo.isPresent() && hi.isPresent() && lo.get().compareTo(hi.get()) <= 0) {
      return Optional.of(new Range(lo.get(), hi.get()));
    }
    draft.note(
        Severity.WARNING,
        ImportNote.Kind.LIMIT_NOT_CARRIED,
        where(row),
        form.id(),
        v.id(),
        v.source(),
        what
            + " '"
            + start
            + "' to '"
            + end
            + "' not carried over: a regforms range needs two numbers, the smaller first"
            + (lo.isEmpty() && !start.isEmpty() || hi.isEmpty() && !end.isEmpty()
                ? " (symbolic ends have no counterpart)"
                : ""));
    return Optional.empty();
  }

  private void dateLimits(FormDraft form, VariableDraft v, CSVRecord row) {
    String start = unquote(get(row, "maksintervallstartdato"));
    String end = unquote(get(row, "maksintervallsluttdato"));
    if (!start.isEmpty() || !end.isEmpty()) {
      if (isDateBound(start) && isDateBound(end)) {
        v.range("range", VariableDraft.date(start), VariableDraft.date(end));
      } else {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.LIMIT_NOT_CARRIED,
            where(row),
            form.id(),
            v.id(),
            v.source(),
            "max interval '"
                + start
                + "' to '"
                + end
                + "' not carried over: a regforms date range has two ends, each a date"
                + " yyyy-mm-dd or 'today' (symbolic ends such as birthYear have no counterpart)");
      }
    }
    String normalStart = get(row, "normalintervallstartdato");
    String normalEnd = get(row, "normalintervallsluttdato");
    if (!normalStart.isEmpty() || !normalEnd.isEmpty()) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.LIMIT_NOT_CARRIED,
          where(row),
          form.id(),
          v.id(),
          v.source(),
          "normal interval '"
              + normalStart
              + "' to '"
              + normalEnd
              + "' not carried over: date variables have no plausible range");
    }
  }

  private static boolean isDateBound(String text) {
    return text.equals("today") || text.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
        ? text.substring(1, text.length() - 1)
        : text;
  }

  /** The allowed characters as a pattern: any number of them, nothing else. */
  private static void allowedCharacters(VariableDraft v, String characters) {
    if (characters.isEmpty()) return;
    StringBuilder set = new StringBuilder();
    characters
        .codePoints()
        .distinct()
        .forEach(
            cp -> {
              if ("\\]^-[".indexOf(cp) >= 0) set.append('\\');
              set.appendCodePoint(cp);
            });
    v.string("pattern", "[" + set + "]*");
  }

  private void describe(FormDraft form, VariableDraft v, CSVRecord row) {
    v.describe(
        "OpenQReg: "
            + get(row, "variabelid")
            + (get(row, "tabell").isEmpty()
                ? ""
                : " (" + get(row, "tabell") + "." + get(row, "fysiskfeltnavn") + ")")
            + ".");
    String rapporteket = get(row, "navnirapporteket");
    if (!rapporteket.isEmpty()) {
      v.describe(
          rapporteket.equals("Ikke overført")
              ? "Ikke overført til Rapporteket."
              : "Rapporteket: " + rapporteket + ".");
    }
    v.describe(get(row, "kommentar"));
  }

  private void validity(FormDraft form, VariableDraft v, CSVRecord row) {
    String from = get(row, "innfoertdato");
    String to = get(row, "utfasetdato");
    for (String[] bound : new String[][] {{"validFrom", from}, {"validTo", to}}) {
      if (bound[1].isEmpty()) continue;
      if (bound[1].matches("\\d{4}-\\d{2}-\\d{2}")) {
        v.string(bound[0], bound[1]);
      } else {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.NOT_CARRIED,
            where(row),
            form.id(),
            v.id(),
            v.source(),
            bound[0] + " '" + bound[1] + "' is not a date yyyy-mm-dd; not carried over");
      }
    }
    if (v.has("validFrom") && v.has("validTo") && from.compareTo(to) > 0) {
      v.remove("validTo");
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.NOT_CARRIED,
          where(row),
          form.id(),
          v.id(),
          v.source(),
          "utfaset_dato " + to + " is before innfoert_dato " + from + "; validTo not carried over");
    }
  }

  private void skipFlags(FormDraft form, VariableDraft v, CSVRecord row) {
    if (get(row, "aktiveringsspoersmaal").equalsIgnoreCase("Ja")) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.LOGIC_NOT_TRANSLATED,
          where(row),
          form.id(),
          v.id(),
          v.source(),
          "marked as a controlling question (aktiveringsspørsmål), but the Klokeboken does not say which answer shows "
              + "which questions; write the visibleIf of its follow-up questions by hand");
      v.describe("Aktiveringsspørsmål i OpenQReg.");
    }
    if (get(row, "underspoersmaal").equalsIgnoreCase("Ja")) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.LOGIC_NOT_TRANSLATED,
          where(row),
          form.id(),
          v.id(),
          v.source(),
          "marked as a follow-up question (underspørsmål) shown only under a condition the Klokeboken does not give; "
              + "imported without visibleIf, so it is always shown");
      v.describe(
          "Underspørsmål i OpenQReg (vises bare under et vilkår som ikke står i Klokeboken).");
    }
  }

  private String get(CSVRecord row, String key) {
    return table.get(row, key);
  }

  private String where(CSVRecord row) {
    return draft.sourceFile() + ":" + row.getRecordNumber();
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return text.isEmpty()
          ? Optional.empty()
          : Optional.of(new BigDecimal(text.replace(',', '.')));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> integer(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
