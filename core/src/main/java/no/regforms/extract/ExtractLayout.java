package no.regforms.extract;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a registry platform writes its CSV extracts: separator, decimal mark, date formats, how
 * booleans and "not chosen" look, the envelope's columns and the files' names.
 *
 * @param name the layout's name on the command line ({@code mrs}, {@code oqr})
 * @param separator the column separator
 * @param decimalComma whether numbers have a decimal comma ({@code 12,5})
 * @param date the date format
 * @param dateTime the date-time format
 * @param idColumn the column holding the record's id (in a repeat group's file: the parent's id)
 * @param patientColumn the column holding the patient key
 * @param unitColumn the column holding the unit's RESH id
 * @param fileName the files' name pattern; its group {@code form} is the form's (or {@code
 *     form.group}'s) name
 * @param notChosen codes that mean nothing was chosen ("velg verdi"), unless the code list has them
 * @param trueValues cells that mean true
 * @param falseValues cells that mean false
 * @param unansweredBoolean boolean cells that mean no answer
 * @param metadataColumns the platform's own columns, read by no variable and not reported
 */
public record ExtractLayout(
    String name,
    char separator,
    boolean decimalComma,
    DateTimeFormatter date,
    DateTimeFormatter dateTime,
    String idColumn,
    String patientColumn,
    String unitColumn,
    Pattern fileName,
    Set<String> notChosen,
    Set<String> trueValues,
    Set<String> falseValues,
    Set<String> unansweredBoolean,
    Set<String> metadataColumns) {

  /**
   * MRS data dumps: {@code DataDump_<env>_<form>_<yyyy-mm-dd>_<hhmm>.csv}, UTF-8 with BOM, {@code
   * ;}, decimal comma, {@code dd.mm.yyyy} dates and {@code dd.mm.yyyy HH:MM:SS} date-times, a
   * trailing {@code ;}, booleans {@code 1/0} or {@code True/False} with {@code -1} for no answer,
   * {@code -1} and {@code 0} for "velg verdi", and the envelope in {@code SkjemaGUID}, {@code
   * PasientGUID}, {@code UnitId}.
   */
  public static final ExtractLayout MRS =
      new ExtractLayout(
          "mrs",
          ';',
          true,
          strict("dd.MM.uuuu"),
          strict("dd.MM.uuuu HH:mm:ss"),
          "SkjemaGUID",
          "PasientGUID",
          "UnitId",
          Pattern.compile("DataDump_[^_]+_(?<form>.+)_\\d{4}-\\d{2}-\\d{2}_\\d{4}\\.csv"),
          Set.of("-1", "0"),
          Set.of("1", "True", "true"),
          Set.of("0", "False", "false"),
          Set.of("-1"),
          Set.of(
              "HealthUnitShortName",
              "HealthUnitName",
              "ShNavn",
              "HF",
              "RHF",
              "FormStatus",
              "FormDate",
              "CreationDate",
              "FirstTimeClosed",
              "LastUpdate",
              "PatientAge",
              "PatientGender",
              "Age",
              "db_unit_title"));

  /**
   * OpenQReg tables: {@code <table>.csv}, UTF-8, {@code ;}, decimal point, ISO dates ({@code
   * yyyy-mm-dd}, {@code yyyy-mm-dd HH:MM:SS}), booleans {@code 1/0}, the envelope in {@code ID},
   * {@code PATIENT_ID} and {@code CENTREID} (RESH); columns are the codebook's {@code
   * fysisk_feltnavn}.
   */
  public static final ExtractLayout OPENQREG =
      new ExtractLayout(
          "oqr",
          ';',
          false,
          strict("uuuu-MM-dd"),
          strict("uuuu-MM-dd HH:mm:ss"),
          "ID",
          "PATIENT_ID",
          "CENTREID",
          Pattern.compile("(?<form>.+)\\.csv"),
          Set.of(),
          Set.of("1"),
          Set.of("0"),
          Set.of(),
          Set.of("STATUS", "CREATEDBY", "UPDATEDBY", "TSCREATED", "TSUPDATED", "MCEID"));

  /** A formatter that refuses dates that do not exist (31.02), where the default one moves them. */
  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ExtractLayout {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(fileName, "fileName");
    notChosen = Set.copyOf(notChosen);
    trueValues = Set.copyOf(trueValues);
    falseValues = Set.copyOf(falseValues);
    unansweredBoolean = Set.copyOf(unansweredBoolean);
    metadataColumns = Set.copyOf(metadataColumns);
  }

  /**
   * The layout named {@code key}: {@code mrs} or {@code oqr}.
   *
   * @throws IllegalArgumentException for another name
   */
  public static ExtractLayout fromKey(String key) {
    switch (key.toLowerCase(Locale.ROOT)) {
      case "mrs":
        return MRS;
      case "oqr":
      case "openqreg":
        return OPENQREG;
      default:
        throw new IllegalArgumentException("unknown extract layout '" + key + "'; use mrs or oqr");
    }
  }

  /** The file name of form {@code form} (or {@code form.group}) in this layout, for writers. */
  public String fileNameOf(String form) {
    return this == MRS || name.equals("mrs")
        ? "DataDump_Prod_" + form + "_2025-01-01_0000.csv"
        : form + ".csv";
  }
}
