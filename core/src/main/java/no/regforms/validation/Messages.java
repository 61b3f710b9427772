package no.regforms.validation;

import no.regforms.diagnostic.LocalizedText;

/**
 * The texts of record issues in Norwegian Bokmål and English. They name limits and codes of the
 * definition, never the value in the record (health data stays out of messages).
 *
 * <p>Public so that other outputs show the very texts the validator reports (the rendered forms
 * put them in the page); this class is their one source. Stateless and thread-safe.
 */
public final class Messages {

  private Messages() {}

  /** {@code n} and the noun in singular or plural: "1 row", "2 rows". */
  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The record names no known form. */
  public static LocalizedText wrongForm(String registry, String form) {
    return LocalizedText.nbEn("Posten gjelder ikke et kjent skjema (" + registry + "/" + form + ")",
        "The record is not for a known form (" + registry + "/" + form + ")");
  }

  /** The record names another registry than the one it is validated against. */
  public static LocalizedText otherRegistry(String recordRegistry, String registry) {
    return LocalizedText.nbEn("Posten tilhører registeret '" + recordRegistry + "', ikke '" + registry + "'",
        "The record belongs to registry '" + recordRegistry + "', not '" + registry + "'");
  }

  /** The record is stamped with a definition version the registry never had. */
  public static LocalizedText unknownVersion(String version, String registry, java.util.Collection<String> known) {
    String list = String.join(", ", known);
    return LocalizedText.nbEn(
        "Posten er laget med definisjonsversjon '" + version + "', som registeret '" + registry + "' aldri har hatt; kjente versjoner: " + list,
        "The record was made with definition version '" + version + "', which registry '" + registry + "' never had; known versions: " + list);
  }

  /** A value of the wrong JSON type; the arguments describe the right one. */
  public static LocalizedText invalidType(String expectedNb, String expectedEn) {
    return LocalizedText.nbEn("Verdien må være " + expectedNb, "The value must be " + expectedEn);
  }

  /** A text not in {@code format}. */
  public static LocalizedText invalidFormat(String format) {
    return LocalizedText.nbEn("Verdien må ha formatet " + format, "The value must have the format " + format);
  }

  /** A required value is missing. */
  public static LocalizedText required() {
    return LocalizedText.nbEn("Feltet må fylles ut", "A value is required");
  }

  /** A value outside the hard range. */
  public static LocalizedText outOfRange(String min, String max) {
    return LocalizedText.nbEn("Verdien må være mellom " + min + " og " + max,
        "The value must be between " + min + " and " + max);
  }

  /** A value outside the plausible range (a warning the user confirms). */
  public static LocalizedText implausible(String min, String max) {
    return LocalizedText.nbEn("Verdien er uvanlig (forventet mellom " + min + " og " + max + "); bekreft at den er riktig",
        "The value is unusual (expected between " + min + " and " + max + "); confirm that it is right");
  }

  /** A value off the step grid. */
  public static LocalizedText step(String step, String base) {
    return LocalizedText.nbEn("Verdien må gå i steg på " + step + " fra " + base,
        "The value must move in steps of " + step + " from " + base);
  }

  /** A number with too many decimals. */
  public static LocalizedText tooManyDecimals(int decimals) {
    return LocalizedText.nbEn("Verdien kan ha høyst " + count(decimals, "desimal", "desimaler"),
        "The value may have at most " + count(decimals, "decimal", "decimals"));
  }

  /** A text longer than allowed. */
  public static LocalizedText tooLong(int maxLength) {
    return LocalizedText.nbEn("Teksten kan være høyst " + maxLength + " tegn", "The text may be at most " + count(maxLength, "character", "characters"));
  }

  /** A text that does not match the pattern. */
  public static LocalizedText patternMismatch() {
    return LocalizedText.nbEn("Teksten har ikke riktig format", "The text does not have the required format");
  }

  /** A code not in the code list. */
  public static LocalizedText unknownCode(String codeList) {
    return LocalizedText.nbEn("Koden finnes ikke i kodeverket " + codeList, "The code is not in code list " + codeList);
  }

  /** A code not valid on the record's date. */
  public static LocalizedText codeNotValid(String codeList) {
    return LocalizedText.nbEn("Koden var ikke gyldig i kodeverket " + codeList + " på postens dato",
        "The code was not valid in code list " + codeList + " on the record's date");
  }

  /** Too few codes chosen. */
  public static LocalizedText tooFewChoices(int min) {
    return LocalizedText.nbEn("Velg minst " + min, "Choose at least " + min);
  }

  /** Too many codes chosen. */
  public static LocalizedText tooManyChoices(int max) {
    return LocalizedText.nbEn("Velg høyst " + max, "Choose at most " + max);
  }

  /** The same code chosen twice. */
  public static LocalizedText duplicateChoice() {
    return LocalizedText.nbEn("Samme kode er valgt to ganger", "The same code is chosen twice");
  }

  /** Too few rows in a repeat group. */
  public static LocalizedText tooFewRows(int min) {
    return LocalizedText.nbEn("Det må være minst " + count(min, "rad", "rader"), "There must be at least " + count(min, "row", "rows"));
  }

  /** Too many rows in a repeat group. */
  public static LocalizedText tooManyRows(int max) {
    return LocalizedText.nbEn("Det kan være høyst " + count(max, "rad", "rader"), "There may be at most " + count(max, "row", "rows"));
  }

  /**
   * A missing-value reason the variable does not take. {@code knownReason} is the reason when the
   * registry knows it; an unknown reason is free text from the record and is never echoed.
   */
  /** A missing-value reason the variable does not accept. */
  public static LocalizedText missingReasonNotAllowed(java.util.Optional<String> knownReason, String allowed) {
    if (knownReason.isEmpty()) {
      return LocalizedText.nbEn("Manglende verdi-årsaken er ukjent for registeret (tillatt her: " + allowed + ")",
          "The missing-value reason is unknown to the registry (allowed here: " + allowed + ")");
    }
    String reason = knownReason.get();
    return LocalizedText.nbEn("Manglende verdi-årsaken '" + reason + "' er ikke tillatt her (tillatt: " + allowed + ")",
        "The missing-value reason '" + reason + "' is not allowed here (allowed: " + allowed + ")");
  }

  /** A value on a variable the form's logic hides. */
  public static LocalizedText hiddenValue() {
    return LocalizedText.nbEn("Feltet er skjult av skjemaets logikk og skal ikke ha verdi",
        "The field is hidden by the form's logic and must have no value");
  }

  /** A key the form does not define. */
  public static LocalizedText undefinedVariable(String form) {
    return LocalizedText.nbEn("Skjemaet " + form + " har ikke denne variabelen", "Form " + form + " has no such variable");
  }

  /** A value sent in for a computed variable. */
  public static LocalizedText computedIgnored() {
    return LocalizedText.nbEn("Verdien beregnes av skjemaet; den innsendte verdien er ignorert",
        "The value is computed by the form; the value sent in was ignored");
  }
}
