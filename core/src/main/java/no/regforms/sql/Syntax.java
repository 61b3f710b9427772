package no.regforms.sql;

import java.util.List;
import no.regforms.expression.Builtin;
import no.regforms.expression.ExprType.Kind;

/**
 * How one dialect spells what the compiler needs: typed reads from JSON, row lists, dates and
 * integer arithmetic. Every method returns a parenthesised or atomic SQL fragment, so callers can
 * compose them without thinking of precedence.
 */
abstract class Syntax {

  /** The SQL type numbers are read as. */
  abstract String numberType();

  /** The text of member {@code name} of the JSON object {@code json}, or NULL when absent. */
  abstract String memberText(String json, String name);

  /**
   * The JSON array member {@code name} of {@code json} as this dialect's row list (codes or rows).
   */
  abstract String memberList(String json, String name, Kind kind);

  /** Member {@code name} of the JSON object {@code json}, read as a value of {@code kind}. */
  String member(String json, String name, Kind kind) {
    String text = memberText(json, name);
    switch (kind) {
      case TEXT:
      case CODE:
        return text;
      case NUMBER:
        return "CAST(" + text + " AS " + numberType() + ")";
      case BOOLEAN:
        return "CAST(" + text + " AS BOOLEAN)";
      case DATE:
        return "CAST(" + text + " AS DATE)";
      case YEARMONTH:
        // A year-month is the first day of its month: order, year() and month() stay right.
        return "CAST(" + concat(text, "'-01'") + " AS DATE)";
      case DATETIME:
        return "CAST(" + text + " AS TIMESTAMP)";
      default:
        return memberList(json, name, kind);
    }
  }

  String concat(String a, String b) {
    return "(" + a + " || " + b + ")";
  }

  /** A text literal. */
  String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code x} as a whole number of this dialect's integer type (x is known to be whole). */
  String integer(String x) {
    return "CAST(" + x + " AS INTEGER)";
  }

  abstract String year(String date);

  abstract String month(String date);

  abstract String day(String date);

  /** Whole days from {@code from} to {@code to}, both dates. */
  String daysBetween(String from, String to) {
    return "(" + date(to) + " - " + date(from) + ")";
  }

  /**
   * Whole periods of {@code seconds} from {@code from} to {@code to} (dates or date-times, a date
   * at its midnight), truncated toward zero: the exact microseconds between them, divided.
   */
  String elapsed(String from, String to, long seconds) {
    return "(date_diff('microsecond', "
        + timestamp(from)
        + ", "
        + timestamp(to)
        + ") // "
        + seconds * 1_000_000
        + ")";
  }

  /** A date or date-time as a date-time without time zone (a date at its midnight). */
  String timestamp(String x) {
    return "CAST(" + x + " AS TIMESTAMP)";
  }

  /** The date part of a date or date-time. */
  String date(String x) {
    return "CAST(" + x + " AS DATE)";
  }

  /**
   * {@code a} divided by the positive constant {@code b}, truncated toward zero; {@code a} an
   * integer.
   */
  abstract String truncatedDivision(String a, int b);

  abstract String addDays(String x, String days, Kind kind);

  abstract String addMonths(String x, String months, Kind kind);

  /** The date of valid year, month and day (the compiler guards them first). */
  String makeDate(String year, String month, String day) {
    return "make_date(" + integer(year) + ", " + integer(month) + ", " + integer(day) + ")";
  }

  /** {@code x} rounded half away from zero (Java's HALF_UP) to {@code digits} places. */
  String round(String x, String digits, boolean literalDigits) {
    return "round(" + x + ", " + integer(digits) + ")";
  }

  /** An ordering comparison of two texts in code-point order. */
  String compareText(String a, String op, String b) {
    return "(" + a + " " + op + " " + b + ")";
  }

  /**
   * The first text in code-point order, for {@code min}/{@code max} and least/greatest over texts.
   */
  String orderedText(String x) {
    return x;
  }

  abstract String containsText(String text, String part);

  String length(String text) {
    return "char_length(" + text + ")";
  }

  /**
   * Whether {@code text} matches the RE2 {@code pattern} in full; null when the dialect cannot say
   * it.
   */
  abstract String matches(String text, String pattern);

  abstract String containsCode(String codes, String code);

  abstract String listSize(String list);

  /** The aggregate of {@code body} over the rows of {@code rows}, one bound as {@code alias}. */
  abstract String overRows(Builtin function, String rows, String alias, String body, Kind bodyKind);

  /** The reference to the row bound as {@code alias}, as a JSON object for {@link #member}. */
  abstract String row(String alias);

  /** A date literal. */
  String dateLiteral(String iso) {
    return "DATE '" + iso + "'";
  }

  // ---- the store and the case queries ----------------------------------------------------------

  /** The column type of JSON values. */
  abstract String jsonType();

  /** A bind parameter holding JSON text, as the insert statement writes it. */
  String jsonParameter() {
    return "?";
  }

  /** The text type of key columns. */
  String textType() {
    return "VARCHAR";
  }

  /**
   * The aggregate collecting the JSON column {@code json} of the rows where {@code condition}
   * holds, as a row list.
   */
  abstract String collectRows(String json, String condition);

  /**
   * Whether the record as given, {@code recordJson}, names the record id {@code id} under any of
   * its {@code links}.
   */
  abstract String linksTo(String recordJson, String id);

  /** {@code x} as text. */
  String asText(String x) {
    return "CAST(" + x + " AS " + textType() + ")";
  }

  /** Sum of the integers or decimals {@code items}; helper for count_filled. */
  static String sum(List<String> items) {
    return "(" + String.join(" + ", items) + ")";
  }

  /**
   * The three-valued {@code any}/{@code all}, the counts and the aggregates as SQL aggregates over
   * a table of rows whose column {@code body} holds each row's value (computed once per row).
   */
  static String aggregate(Builtin function, String body, Kind bodyKind, boolean postgres) {
    switch (function) {
      case ANY:
        return "CASE WHEN bool_or("
            + body
            + ") THEN TRUE WHEN bool_or("
            + body
            + " IS NULL) THEN NULL ELSE FALSE END";
      case ALL:
        return "CASE WHEN bool_or(NOT "
            + body
            + ") THEN FALSE WHEN bool_or("
            + body
            + " IS NULL) THEN NULL ELSE TRUE END";
      case COUNT_WHERE:
        return "count(*) FILTER (WHERE " + body + ")";
      case SUM_ROWS:
        return "coalesce(sum(" + body + "), 0)";
      case MEAN_ROWS:
        return "(sum(" + body + ") / NULLIF(count(" + body + "), 0))";
      case MIN_ROWS:
        if (bodyKind == Kind.BOOLEAN) return "bool_and(" + body + ")";
        return "min(" + (postgres && isText(bodyKind) ? body + " COLLATE \"C\"" : body) + ")";
      case MAX_ROWS:
        if (bodyKind == Kind.BOOLEAN) return "bool_or(" + body + ")";
        return "max(" + (postgres && isText(bodyKind) ? body + " COLLATE \"C\"" : body) + ")";
      default:
        throw new IllegalArgumentException(function + " is not over rows");
    }
  }

  static boolean isText(Kind kind) {
    return kind == Kind.TEXT || kind == Kind.CODE;
  }

  /** DuckDB: JSON columns, lists of JSON for row lists, RE2 for patterns. */
  static final class DuckDb extends Syntax {
    @Override
    String numberType() {
      // DuckDB's decimals hold 38 digits; 9 places keep every registry value exact (docs/sql.md).
      return "DECIMAL(38,9)";
    }

    @Override
    String memberText(String json, String name) {
      return "(" + json + " ->> " + text(name) + ")";
    }

    @Override
    String memberList(String json, String name, Kind kind) {
      return "CAST("
          + json
          + " -> "
          + text(name)
          + " AS "
          + (kind == Kind.CODES ? "VARCHAR[]" : "JSON[]")
          + ")";
    }

    @Override
    String year(String date) {
      return "year(" + date + ")";
    }

    @Override
    String month(String date) {
      return "month(" + date + ")";
    }

    @Override
    String day(String date) {
      return "day(" + date + ")";
    }

    @Override
    String truncatedDivision(String a, int b) {
      return "(" + a + " // " + b
          + ")"; // DuckDB's integer division truncates toward zero, like Java's
    }

    @Override
    String addDays(String x, String days, Kind kind) {
      String moved = "(" + x + " + to_days(" + integer(days) + "))";
      return kind == Kind.DATETIME ? moved : "CAST(" + moved + " AS DATE)";
    }

    @Override
    String addMonths(String x, String months, Kind kind) {
      String moved = "(" + x + " + to_months(" + integer(months) + "))";
      return kind == Kind.DATETIME ? moved : "CAST(" + moved + " AS DATE)";
    }

    @Override
    String round(String x, String digits, boolean literalDigits) {
      if (literalDigits) return "round(" + x + ", " + digits + ")";
      // DuckDB rounds decimals only to a constant number of places: one branch per place a
      // DECIMAL(38,9) can have; more places than 9 leave the value as it is, as Java's setScale
      // does.
      StringBuilder out = new StringBuilder("CASE " + integer(digits));
      for (int places = -28; places <= 9; places++) {
        out.append(" WHEN ")
            .append(places)
            .append(" THEN round(")
            .append(x)
            .append(", ")
            .append(places)
            .append(")");
      }
      return out.append(" WHEN ")
          .append(integer(digits))
          .append(" > 9 THEN ")
          .append(x)
          .append(" ELSE 0 END")
          .toString();
    }

    @Override
    String containsText(String text, String part) {
      return "(strpos(" + text + ", " + part + ") > 0)";
    }

    @Override
    String length(String text) {
      return "length(" + text + ")"; // code points; length_grapheme would count clusters
    }

    @Override
    String matches(String text, String pattern) {
      return "regexp_full_match("
          + text
          + ", "
          + text(pattern)
          + ")"; // DuckDB's regular expressions are RE2
    }

    @Override
    String containsCode(String codes, String code) {
      return "list_contains(" + codes + ", " + code + ")";
    }

    @Override
    String listSize(String list) {
      return "len(" + list + ")";
    }

    @Override
    String overRows(Builtin function, String rows, String alias, String body, Kind bodyKind) {
      return "CASE WHEN "
          + rows
          + " IS NULL THEN NULL ELSE (SELECT "
          + aggregate(function, "b", bodyKind, false)
          + " FROM (SELECT "
          + body
          + " AS b FROM (SELECT unnest("
          + rows
          + ") AS v) AS "
          + alias
          + ") AS "
          + alias
          + "b) END";
    }

    @Override
    String row(String alias) {
      return alias + ".v";
    }

    @Override
    String jsonType() {
      return "JSON";
    }

    @Override
    String collectRows(String json, String condition) {
      return "coalesce(list(" + json + ") FILTER (WHERE " + condition + "), CAST([] AS JSON[]))";
    }

    @Override
    String linksTo(String recordJson, String id) {
      return "coalesce(list_contains(json_extract_string("
          + recordJson
          + ", '$.links.*'), "
          + id
          + "), FALSE)";
    }
  }

  /** PostgreSQL: JSONB columns and arrays, {@code COLLATE "C"} for code-point order. */
  static final class Postgres extends Syntax {
    @Override
    String numberType() {
      return "NUMERIC";
    }

    @Override
    String memberText(String json, String name) {
      return "(" + json + " ->> " + text(name) + ")";
    }

    @Override
    String memberList(String json, String name, Kind kind) {
      return "(" + json + " -> " + text(name) + ")";
    }

    @Override
    String year(String date) {
      return "CAST(EXTRACT(YEAR FROM " + date + ") AS INTEGER)";
    }

    @Override
    String month(String date) {
      return "CAST(EXTRACT(MONTH FROM " + date + ") AS INTEGER)";
    }

    @Override
    String day(String date) {
      return "CAST(EXTRACT(DAY FROM " + date + ") AS INTEGER)";
    }

    @Override
    String truncatedDivision(String a, int b) {
      return "(" + a + " / " + b + ")"; // integer division truncates toward zero
    }

    @Override
    String elapsed(String from, String to, long seconds) {
      // The difference of two timestamps is an interval of days and time (never months); its epoch
      // is the exact seconds as a numeric, and trunc rounds toward zero.
      return "trunc(EXTRACT(EPOCH FROM ("
          + timestamp(to)
          + " - "
          + timestamp(from)
          + ")) / "
          + seconds
          + ")";
    }

    @Override
    String addDays(String x, String days, Kind kind) {
      return kind == Kind.DATETIME
          ? "(" + x + " + make_interval(days => " + integer(days) + "))"
          : "(" + x + " + " + integer(days) + ")";
    }

    @Override
    String addMonths(String x, String months, Kind kind) {
      String moved = "(" + x + " + make_interval(months => " + integer(months) + "))";
      return kind == Kind.DATETIME ? moved : "CAST(" + moved + " AS DATE)";
    }

    @Override
    String compareText(String a, String op, String b) {
      return "(" + a + " COLLATE \"C\" " + op + " " + b + ")";
    }

    @Override
    String orderedText(String x) {
      return x + " COLLATE \"C\"";
    }

    @Override
    String containsText(String text, String part) {
      return "(strpos(" + text + ", " + part + ") > 0)";
    }

    @Override
    String matches(String text, String pattern) {
      // PostgreSQL's advanced regular expressions read RE2's common syntax (classes, counts,
      // groups, alternation) the same way; anchored so the whole text must match.
      return "(" + text + " ~ " + text("^(?:" + pattern + ")$") + ")";
    }

    @Override
    String containsCode(String codes, String code) {
      return "(" + codes + " @> jsonb_build_array(" + code + "))";
    }

    @Override
    String listSize(String list) {
      return "jsonb_array_length(" + list + ")";
    }

    @Override
    String overRows(Builtin function, String rows, String alias, String body, Kind bodyKind) {
      return "CASE WHEN "
          + rows
          + " IS NULL THEN NULL ELSE (SELECT "
          + aggregate(function, "b", bodyKind, true)
          + " FROM (SELECT "
          + body
          + " AS b FROM jsonb_array_elements("
          + rows
          + ") AS "
          + alias
          + "(v)) AS "
          + alias
          + "b) END";
    }

    @Override
    String row(String alias) {
      return alias + ".v";
    }

    @Override
    String jsonType() {
      return "JSONB";
    }

    @Override
    String jsonParameter() {
      return "CAST(? AS JSONB)";
    }

    @Override
    String textType() {
      return "TEXT";
    }

    @Override
    String collectRows(String json, String condition) {
      return "coalesce(jsonb_agg(" + json + ") FILTER (WHERE " + condition + "), '[]'::jsonb)";
    }

    @Override
    String linksTo(String recordJson, String id) {
      return "EXISTS (SELECT 1 FROM jsonb_each_text("
          + recordJson
          + " -> 'links') link WHERE link.value = "
          + id
          + ")";
    }
  }

  /** Spark SQL: JSON texts, row lists as arrays of JSON texts, higher-order functions over them. */
  static final class Spark extends Syntax {
    @Override
    String numberType() {
      return "DECIMAL(38,9)";
    }

    @Override
    String memberText(String json, String name) {
      return "get_json_object(" + json + ", '$." + name + "')";
    }

    @Override
    String memberList(String json, String name, Kind kind) {
      return "from_json(" + memberText(json, name) + ", 'array<string>')";
    }

    @Override
    String concat(String a, String b) {
      return "concat(" + a + ", " + b + ")";
    }

    @Override
    String text(String value) {
      // Spark reads backslash escapes inside literals.
      return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    String year(String date) {
      return "year(" + date + ")";
    }

    @Override
    String month(String date) {
      return "month(" + date + ")";
    }

    @Override
    String day(String date) {
      return "dayofmonth(" + date + ")";
    }

    @Override
    String daysBetween(String from, String to) {
      return "datediff(" + date(to) + ", " + date(from) + ")";
    }

    @Override
    String truncatedDivision(String a, int b) {
      return "(" + a + " div " + b + ")";
    }

    @Override
    String timestamp(String x) {
      // Without time zone: a session time zone with daylight saving would otherwise make some days
      // 23 hours.
      return "CAST(" + x + " AS TIMESTAMP_NTZ)";
    }

    @Override
    String elapsed(String from, String to, long seconds) {
      return "(timestampdiff(MICROSECOND, "
          + timestamp(from)
          + ", "
          + timestamp(to)
          + ") div "
          + seconds * 1_000_000
          + ")";
    }

    @Override
    String addDays(String x, String days, Kind kind) {
      return kind == Kind.DATETIME
          ? "(" + x + " + make_interval(0, 0, 0, " + integer(days) + ", 0, 0, 0))"
          : "date_add(" + x + ", " + integer(days) + ")";
    }

    @Override
    String addMonths(String x, String months, Kind kind) {
      return kind == Kind.DATETIME
          ? "(" + x + " + make_interval(0, " + integer(months) + ", 0, 0, 0, 0, 0))"
          : "add_months(" + x + ", " + integer(months) + ")";
    }

    @Override
    String containsText(String text, String part) {
      return "(instr(" + text + ", " + part + ") > 0)";
    }

    @Override
    String matches(String text, String pattern) {
      return null; // refused in SqlFunctions: Spark's rlike backtracks
    }

    @Override
    String containsCode(String codes, String code) {
      return "array_contains(" + codes + ", " + code + ")";
    }

    @Override
    String listSize(String list) {
      return "CASE WHEN "
          + list
          + " IS NULL THEN NULL ELSE size("
          + list
          + ") END"; // size(NULL) is -1 in Spark
    }

    @Override
    String overRows(Builtin function, String rows, String alias, String body, Kind bodyKind) {
      return "CASE WHEN "
          + rows
          + " IS NULL THEN NULL ELSE "
          + lambdas(function, rows, alias, body)
          + " END";
    }

    private String lambdas(Builtin function, String rows, String alias, String body) {
      String lambda = alias + " -> " + body;
      String values = "transform(" + rows + ", " + lambda + ")";
      String known = "filter(" + values + ", x -> x IS NOT NULL)";
      String total =
          "aggregate("
              + known
              + ", CAST(0 AS "
              + numberType()
              + "), (acc, x) -> CAST(acc + x AS "
              + numberType()
              + "))";
      switch (function) {
        case ANY:
          return "exists(" + rows + ", " + lambda + ")"; // three-valued in Spark 3 and later
        case ALL:
          return "forall(" + rows + ", " + lambda + ")";
        case COUNT_WHERE:
          return "size(filter(" + rows + ", " + lambda + "))";
        case SUM_ROWS:
          return total;
        case MEAN_ROWS:
          return "(" + total + " / NULLIF(size(" + known + "), 0))";
        case MIN_ROWS:
          return "array_min(" + values + ")";
        case MAX_ROWS:
          return "array_max(" + values + ")";
        default:
          throw new IllegalArgumentException(function + " is not over rows");
      }
    }

    @Override
    String row(String alias) {
      return alias;
    }

    @Override
    String jsonType() {
      return "STRING";
    }

    @Override
    String textType() {
      return "STRING";
    }

    @Override
    String collectRows(String json, String condition) {
      return "collect_list(" + json + ") FILTER (WHERE " + condition + ")";
    }

    @Override
    String linksTo(String recordJson, String id) {
      return "coalesce(array_contains(map_values(from_json(get_json_object("
          + recordJson
          + ", '$.links'), 'map<string,string>')), "
          + id
          + "), FALSE)";
    }
  }
}
