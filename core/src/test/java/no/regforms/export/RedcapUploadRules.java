package no.regforms.export;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rules REDCap's data dictionary upload applies, as its help pages document them (Data
 * Dictionary column guide, branching logic and calculated field help, action tag list): the 18
 * columns; field names {@code [a-z][a-z0-9_]*} of at most 100 characters, unique, the record id
 * first as a text field; each instrument's rows together; the field types and text validation types
 * REDCap offers; {@code code, label | code, label} choices with raw codes of letters, digits,
 * {@code _ . -}; min/max only on number and date validations, and readable for them; {@code y} or
 * empty in the yes/no columns; {@code @FORCE-MINMAX} only where there is a min or max; and
 * branching logic and calculations that parse (quotes and brackets closed, operators and functions
 * REDCap knows) and name only fields that exist, checkbox options that exist, and fields of the
 * same or an earlier instrument. Returns every violation, one line each.
 */
final class RedcapUploadRules {

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
  static final Set<String> FIELD_TYPES =
      Set.of(
          "text",
          "notes",
          "calc",
          "dropdown",
          "radio",
          "checkbox",
          "yesno",
          "truefalse",
          "file",
          "slider",
          "descriptive",
          "sql");
  static final Set<String> VALIDATIONS =
      Set.of(
          "date_dmy",
          "date_mdy",
          "date_ymd",
          "datetime_dmy",
          "datetime_mdy",
          "datetime_ymd",
          "datetime_seconds_dmy",
          "datetime_seconds_mdy",
          "datetime_seconds_ymd",
          "email",
          "integer",
          "alpha_only",
          "number",
          "number_1dp",
          "number_2dp",
          "number_3dp",
          "number_4dp",
          "number_comma_decimal",
          "number_1dp_comma_decimal",
          "number_2dp_comma_decimal",
          "number_3dp_comma_decimal",
          "number_4dp_comma_decimal",
          "phone",
          "phone_australia",
          "postalcode_australia",
          "postalcode_canada",
          "postalcode_french",
          "postalcode_germany",
          "ssn",
          "time",
          "time_hh_mm_ss",
          "time_mm_ss",
          "vmrn",
          "zipcode",
          "mrn_10d",
          "mrn_generic");

  /** Functions of REDCap logic and calculations (REDCap's "special functions"). */
  static final Set<String> FUNCTIONS =
      Set.of(
          "datediff",
          "round",
          "roundup",
          "rounddown",
          "sqrt",
          "abs",
          "min",
          "max",
          "mean",
          "median",
          "sum",
          "stdev",
          "log",
          "exp",
          "if",
          "isnumber",
          "isinteger",
          "contains",
          "not_contain",
          "starts_with",
          "ends_with",
          "left",
          "right",
          "length",
          "find",
          "mid",
          "concat",
          "upper",
          "lower",
          "trim",
          "year",
          "month",
          "day",
          "isblankormissingcode",
          "datalabel");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|today");

  private final List<String> violations = new ArrayList<>();

  private RedcapUploadRules() {}

  /** Every rule the dictionary breaks; empty when REDCap would take it. */
  static List<String> check(String csv) throws IOException {
    RedcapUploadRules rules = new RedcapUploadRules();
    rules.run(csv);
    return rules.violations;
  }

  private void run(String csv) throws IOException {
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv.replace("\uFEFF", "")))) {
      if (!parser.getHeaderNames().equals(COLUMNS)) {
        violations.add("header: not REDCap's 18 columns: " + parser.getHeaderNames());
        return;
      }
      rows = parser.getRecords();
    }
    Map<String, Integer> instrumentIndex = new LinkedHashMap<>();
    Map<String, Integer> fieldInstrument = new HashMap<>();
    Map<String, Set<String>> checkboxCodes = new HashMap<>();
    String previous = null;
    for (CSVRecord row : rows) {
      String name = row.get(0);
      String form = row.get(1);
      String where = "row " + (row.getRecordNumber() + 1) + " (" + name + ")";
      if (!NAME.matcher(name).matches() || name.length() > 100)
        violations.add("name: " + where + " is not [a-z][a-z0-9_]* of at most 100");
      if (fieldInstrument.containsKey(name)) violations.add("name: " + where + " is not unique");
      if (!NAME.matcher(form).matches())
        violations.add("instrument: " + where + " has form name '" + form + "'");
      if (!form.equals(previous) && instrumentIndex.containsKey(form)) {
        violations.add(
            "contiguous: " + where + " returns to instrument '" + form + "' after others");
      }
      instrumentIndex.putIfAbsent(form, instrumentIndex.size());
      previous = form;
      fieldInstrument.put(name, instrumentIndex.get(form));
      if (row.get(3).equals("checkbox")) checkboxCodes.put(name, codes(row.get(5)));
    }
    if (!rows.isEmpty() && !rows.get(0).get(3).equals("text"))
      violations.add("record id: the first field is not a text field");
    for (CSVRecord row : rows) {
      row(row, instrumentIndex.get(row.get(1)), fieldInstrument, checkboxCodes);
    }
  }

  private void row(
      CSVRecord row,
      int instrument,
      Map<String, Integer> fieldInstrument,
      Map<String, Set<String>> checkboxCodes) {
    String where = "row " + (row.getRecordNumber() + 1) + " (" + row.get(0) + ")";
    String type = row.get(3);
    String choices = row.get(5);
    String validation = row.get(7);
    String min = row.get(8);
    String max = row.get(9);
    if (!FIELD_TYPES.contains(type)) violations.add("field type: " + where + " has '" + type + "'");
    if (!validation.isEmpty()
        && !(type.equals("text") && VALIDATIONS.contains(validation))
        && !type.equals("slider")) {
      violations.add("validation: " + where + " has '" + validation + "' on a " + type + " field");
    }
    if (Set.of("radio", "dropdown", "checkbox").contains(type)) {
      Set<String> seen = new HashSet<>();
      for (String choice : choices.split("\\|")) {
        int comma = choice.indexOf(',');
        String code = comma < 0 ? "" : choice.substring(0, comma).strip();
        if (comma < 0
            || choice.substring(comma + 1).isBlank()
            || !CODE.matcher(code).matches()
            || !seen.add(code)) {
          violations.add(
              "choices: "
                  + where
                  + " has choice '"
                  + choice.strip()
                  + "' that is not 'code, label'");
        }
      }
    } else if (type.equals("calc")) {
      if (choices.isBlank()) violations.add("calc: " + where + " has no formula");
      logic("calc", where, choices, instrument, fieldInstrument, checkboxCodes);
    }
    if (!min.isEmpty() || !max.isEmpty()) {
      Pattern form =
          validation.equals("integer") || validation.startsWith("number")
              ? NUMBER
              : validation.startsWith("date") ? DATE : null;
      if (form == null) {
        violations.add("min/max: " + where + " has limits without a number or date validation");
      } else if (!min.isEmpty() && !form.matcher(min).matches()
          || !max.isEmpty() && !form.matcher(max).matches()) {
        violations.add(
            "min/max: "
                + where
                + " has limits '"
                + min
                + "', '"
                + max
                + "' that "
                + validation
                + " cannot read");
      }
    }
    if (!Set.of("", "y").contains(row.get(10)))
      violations.add("identifier: " + where + " is '" + row.get(10) + "'");
    if (!Set.of("", "y").contains(row.get(12)))
      violations.add("required: " + where + " is '" + row.get(12) + "'");
    if (row.get(17).contains("@FORCE-MINMAX") && min.isEmpty() && max.isEmpty()) {
      violations.add("action tag: " + where + " has @FORCE-MINMAX without a min or max");
    }
    logic("branching", where, row.get(11), instrument, fieldInstrument, checkboxCodes);
  }

  private static Set<String> codes(String choices) {
    Set<String> codes = new HashSet<>();
    for (String choice : choices.split("\\|")) {
      int comma = choice.indexOf(',');
      if (comma > 0) codes.add(choice.substring(0, comma).strip());
    }
    return codes;
  }

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s+|\\[([a-z][a-z0-9_]*)(?:\\(([A-Za-z0-9._-]+)\\))?]|'[^']*'|\"[^\"]*\"|\\d+(\\.\\d+)?|<>|!=|<=|>=|[=<>+\\-*/^(),]"
              + "|([A-Za-z_]+)");

  /**
   * Parses REDCap logic token by token, checking quotes, brackets, words and the fields it names.
   */
  private void logic(
      String column,
      String where,
      String text,
      int instrument,
      Map<String, Integer> fieldInstrument,
      Map<String, Set<String>> checkboxCodes) {
    if (text.isBlank()) return;
    Matcher m = TOKEN.matcher(text);
    int at = 0;
    int depth = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        violations.add(column + ": " + where + " cannot be read at '" + text.substring(at) + "'");
        return;
      }
      String token = m.group();
      if (m.group(1) != null) {
        Integer defined = fieldInstrument.get(m.group(1));
        if (defined == null) {
          violations.add(
              column + ": " + where + " names [" + m.group(1) + "], which is not a field");
        } else if (defined > instrument) {
          violations.add(
              column + ": " + where + " names [" + m.group(1) + "] of a later instrument");
        }
        if (m.group(2) != null
            && !checkboxCodes.getOrDefault(m.group(1), Set.of()).contains(m.group(2))) {
          violations.add(
              column
                  + ": "
                  + where
                  + " names option "
                  + token
                  + ", which is not a checkbox option");
        }
      } else if (m.group(4) != null) {
        String word = m.group(4).toLowerCase(Locale.ROOT);
        boolean known =
            Set.of("and", "or", "true", "false").contains(word) || FUNCTIONS.contains(word);
        if (!known)
          violations.add(
              column
                  + ": "
                  + where
                  + " has the word '"
                  + m.group(4)
                  + "', which REDCap does not know");
      } else if (token.equals("(")) {
        depth++;
      } else if (token.equals(")") && --depth < 0) {
        violations.add(column + ": " + where + " closes a bracket it never opened");
        return;
      }
      at = m.end();
    }
    if (depth != 0) violations.add(column + ": " + where + " leaves a bracket open");
  }
}
