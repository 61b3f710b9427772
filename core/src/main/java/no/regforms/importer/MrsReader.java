package no.regforms.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.Severity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads an MRS "Kodebok" workbook with Apache POI: one form per sheet, one variable per row with a
 * field type, and the value rows ({@code 0 = 0 Nei}) under it as its code list. Reads both the
 * older layout ({@code Feltnavn, Variabelnavn, Felttype, Obligatorisk, Datadumpnavn, Gyldighet},
 * values under the variable name) and the current one ({@code Visningsnavn, Variabelnavn, Felttype,
 * Mulige verdier, Gyldighet, Hjelpetekst}). Single use.
 */
final class MrsReader {

  private static final Pattern VALUE =
      Pattern.compile("\\s*(-?[^=\\s]+)\\s*=\\s*(.*)", Pattern.DOTALL);
  private static final Pattern FORM_VERSION =
      Pattern.compile("(.*?)[.\\s]*Skjemaversjon\\s*([0-9][0-9.]*)?.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSION = Pattern.compile("v?\\s*([0-9]+(?:\\.[0-9]+)*)");
  private static final Set<String> PLACEHOLDERS = Set.of("velg verdi", "ikke valgt", "---");
  private static final String GUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /** Excel cuts sheet names at this length, so a name this long may have lost its end. */
  private static final int SHEET_NAME_LIMIT = 31;

  private final RegistryDraft draft;
  private final Workbook workbook;
  private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

  /** One variable's rows: the row that names it and the value rows under it. */
  private record Entry(int row, Map<String, String> cells, List<String> values) {}

  MrsReader(RegistryDraft draft, Workbook workbook) {
    this.draft = draft;
    this.workbook = workbook;
  }

  /**
   * Reads every sheet; returns false (after noting why) when no sheet looks like a codebook sheet.
   */
  boolean read() {
    int read = 0;
    for (Sheet sheet : workbook) {
      if (sheet(sheet)) read++;
    }
    draft.readAs(
        "an Excel workbook, " + read + " of " + workbook.getNumberOfSheets() + " sheets used");
    return read > 0;
  }

  private boolean sheet(Sheet sheet) {
    String name = sheet.getSheetName();
    Map<String, Integer> columns = null;
    int headerRow = -1;
    for (Row row : sheet) {
      Map<String, Integer> found = header(row);
      if (found.containsKey("variabelnavn") && found.containsKey("felttype")) {
        columns = found;
        headerRow = row.getRowNum();
        break;
      }
      if (row.getRowNum() > 10) break;
    }
    if (columns == null) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.ROW_SKIPPED,
          where(name, 0, ""),
          "",
          "",
          name,
          "sheet '" + name + "' has no header row with Variabelnavn and Felttype; skipped");
      return false;
    }
    List<Entry> entries = entries(sheet, columns, headerRow);
    Matcher titled = FORM_VERSION.matcher(name);
    String title =
        titled.matches() && !titled.group(1).isBlank()
            ? titled.group(1).strip()
            : withoutCutVersion(name);
    FormDraft form = draft.form(title, title, where(name, headerRow + 1, ""));
    if (name.length() >= SHEET_NAME_LIMIT) {
      form.describe("Arknavnet i kodeboken kan være forkortet: «" + name + "».");
      draft.note(
          Severity.INFO,
          ImportNote.Kind.NOT_CARRIED,
          where(name, 0, ""),
          form.id(),
          "",
          name,
          "the sheet name has "
              + name.length()
              + " characters, Excel's limit; the form's full name may be cut short");
    }
    List<String> versions = new ArrayList<>();
    if (titled.matches() && titled.group(2) != null)
      versions.add(titled.group(2).replaceAll("\\.$", ""));
    for (Entry entry : entries)
      versions.addAll(versionsOf(entry.cells().getOrDefault("gyldighet", "")));
    Optional<String> latest = versions.stream().max(MrsReader::compareVersions);
    Optional<String> first = versions.stream().min(MrsReader::compareVersions);
    latest.ifPresent(form::version);
    for (Entry entry : entries) variable(form, name, entry, first, latest);
    return true;
  }

  private Map<String, Integer> header(Row row) {
    Map<String, Integer> found = new HashMap<>();
    for (Cell cell : row) {
      String text =
          formatter.formatCellValue(cell).toLowerCase(Locale.ROOT).replaceAll("[^a-zæøå]", "");
      if (!text.isEmpty()) found.putIfAbsent(text, cell.getColumnIndex());
    }
    return found;
  }

  private List<Entry> entries(Sheet sheet, Map<String, Integer> columns, int headerRow) {
    List<Entry> entries = new ArrayList<>();
    for (Row row : sheet) {
      if (row.getRowNum() <= headerRow) continue;
      Map<String, String> cells = new LinkedHashMap<>();
      columns.forEach(
          (key, index) -> {
            String value = formatter.formatCellValue(row.getCell(index)).strip();
            if (!value.isEmpty()) cells.put(key, value);
          });
      if (cells.isEmpty()) continue;
      String possibleValue = cells.getOrDefault("muligeverdier", "");
      boolean startsVariable = cells.containsKey("felttype");
      if (startsVariable) {
        List<String> values = new ArrayList<>();
        if (!possibleValue.isEmpty()) values.add(possibleValue);
        entries.add(new Entry(row.getRowNum() + 1, cells, values));
      } else if (!entries.isEmpty()) {
        String value =
            !possibleValue.isEmpty() ? possibleValue : cells.getOrDefault("variabelnavn", "");
        if (!value.isEmpty()) entries.get(entries.size() - 1).values().add(value);
      } else {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where(sheet.getSheetName(), row.getRowNum() + 1, ""),
            "",
            "",
            "",
            "a row before the first variable was skipped");
      }
    }
    return entries;
  }

  private void variable(
      FormDraft form, String sheet, Entry entry, Optional<String> first, Optional<String> latest) {
    Map<String, String> cells = entry.cells();
    String label = cells.getOrDefault("visningsnavn", cells.getOrDefault("feltnavn", ""));
    String name = cells.getOrDefault("variabelnavn", label);
    String fieldType = cells.getOrDefault("felttype", "");
    String where = where(sheet, entry.row(), "");
    VariableDraft v;
    switch (fieldType.toLowerCase(Locale.ROOT)) {
      case "enum":
      case "enkeltvalg":
        v = choices(form, sheet, entry, name, label, where);
        break;
      case "avkrysning":
        v = form.variable(name, VariableType.BOOLEAN, where);
        break;
      case "dato/tid":
        v = form.variable(name, VariableType.DATETIME, where);
        break;
      case "dato":
        v = form.variable(name, VariableType.DATE, where);
        break;
      case "numerisk (heltall)":
        v = form.variable(name, VariableType.INTEGER, where);
        break;
      case "numerisk (flyttall)":
      case "tall":
        v = form.variable(name, VariableType.DECIMAL, where);
        break;
      case "id (guid)":
        v = form.variable(name, VariableType.TEXT, where).string("pattern", GUID);
        v.describe("Id (GUID).");
        break;
      case "text":
      case "tekst":
        v = form.variable(name, VariableType.TEXT, where);
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
            "unknown field type '" + fieldType + "'; imported as a text variable");
    }
    if (!v.type().isCoded() && !entry.values().isEmpty()) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.NOT_CARRIED,
          where,
          form.id(),
          v.id(),
          name,
          "value rows under a "
              + fieldType
              + " field ("
              + String.join("; ", entry.values())
              + ") were left out");
    }
    v.label(label);
    v.help(cells.getOrDefault("hjelpetekst", ""));
    v.required(cells.getOrDefault("obligatorisk", "").equalsIgnoreCase("Ja"));
    v.describe("MRS: " + name + ".");
    String dump = cells.getOrDefault("datadumpnavn", "");
    if (!dump.isEmpty() && !dump.equals(name)) v.describe("Datadump: " + dump + ".");
    validity(form, v, cells.getOrDefault("gyldighet", ""), first, latest, where);
  }

  private VariableDraft choices(
      FormDraft form, String sheet, Entry entry, String name, String label, String where) {
    List<RegistryDraft.CodeDraft> codes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    for (String line : entry.values()) {
      Matcher m = VALUE.matcher(line);
      if (!m.matches()) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where,
            form.id(),
            "",
            name,
            "value row '" + line + "' is not 'code = text'; skipped");
        continue;
      }
      String code = m.group(1);
      String text = m.group(2).strip();
      if (text.startsWith(code + " ")) text = text.substring(code.length()).strip();
      if (PLACEHOLDERS.contains(text.toLowerCase(Locale.ROOT))) {
        placeholders.add(line);
        continue;
      }
      if (seen.contains(code)) {
        draft.note(
            Severity.WARNING,
            ImportNote.Kind.ROW_SKIPPED,
            where,
            form.id(),
            "",
            name,
            "code '" + code + "' appears twice; the later value row was skipped");
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
          "a choice field without values; imported as a text variable");
      return form.variable(name, VariableType.TEXT, where);
    }
    VariableDraft v = form.variable(name, VariableType.CODE, where);
    v.codeList(draft.codeList(v.id(), label.isEmpty() ? name : label, codes));
    for (String line : placeholders) {
      draft.note(
          Severity.INFO,
          ImportNote.Kind.PLACEHOLDER_CODE_DROPPED,
          where,
          form.id(),
          v.id(),
          name,
          "'"
              + line
              + "' is MRS's 'nothing chosen' placeholder, left out of the code list: "
              + "a regforms variable that is not filled in is simply empty");
    }
    return v;
  }

  private void validity(
      FormDraft form,
      VariableDraft v,
      String validity,
      Optional<String> first,
      Optional<String> latest,
      String where) {
    if (validity.isEmpty()) return;
    List<String> versions = versionsOf(validity);
    v.describe("Gyldighet (skjemaversjoner): " + validity + ".");
    if (versions.isEmpty()) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.VERSION_RANGE,
          where,
          form.id(),
          v.id(),
          v.source(),
          "Gyldighet '" + validity + "' is not a form-version range; kept in the description only");
      return;
    }
    String from = versions.get(0);
    boolean closed = validity.contains("-") && versions.size() > 1;
    if (closed
        && latest.isPresent()
        && compareVersions(versions.get(versions.size() - 1), latest.get()) < 0) {
      draft.note(
          Severity.WARNING,
          ImportNote.Kind.VERSION_RANGE,
          where,
          form.id(),
          v.id(),
          v.source(),
          "in form versions "
              + validity
              + " only (the form is now at "
              + latest.get()
              + "); the definition format dates "
              + "a variable's use (validFrom/validTo) but the Kodebok gives versions, not dates; kept in the description");
    } else if (first.isPresent() && compareVersions(from, first.get()) > 0) {
      draft.note(
          Severity.INFO,
          ImportNote.Kind.VERSION_RANGE,
          where,
          form.id(),
          v.id(),
          v.source(),
          "added in form version "
              + from
              + "; no date is given for validFrom, so the version is kept in the description");
    }
  }

  /**
   * {@code "Funksjon i nedre urinveier. Skj"} without the start of "Skjemaversjon" that Excel's
   * limit left.
   */
  private static String withoutCutVersion(String name) {
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String tail = name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
      if (!tail.isEmpty() && "skjemaversjon".startsWith(tail))
        return name.substring(0, dot).strip();
    }
    return name.strip();
  }

  private static List<String> versionsOf(String validity) {
    List<String> out = new ArrayList<>();
    Matcher m = VERSION.matcher(validity);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) return Integer.compare(p, q);
    }
    return 0;
  }

  private String where(String sheet, int row, String column) {
    return draft.sourceFile() + "[" + sheet + "]" + (row > 0 ? ":" + column + row : "");
  }
}
