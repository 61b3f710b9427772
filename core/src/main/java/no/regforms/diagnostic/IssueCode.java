package no.regforms.diagnostic;

import java.util.Locale;

/**
 * Stable machine codes for every kind of issue. The printed form ({@link #code()}) is the enum name
 * in lower case, such as {@code hidden_value}; host applications may rely on it across releases.
 */
public enum IssueCode {
  // Reading definition files.
  /** A definition file could not be read. */
  FILE_UNREADABLE,
  /** A file that a registry must have is missing ({@code registry.json}). */
  FILE_MISSING,
  /** A file is not well-formed JSON. */
  JSON_SYNTAX,
  /** A key the definition format does not know; the hint names the closest known key. */
  UNKNOWN_KEY,
  /** A key the definition format requires is absent. */
  MISSING_KEY,
  /** A value of the wrong JSON type (a string where a number belongs). */
  WRONG_JSON_TYPE,
  /** A value that breaks a rule of the definition schema (pattern, enum, bounds). */
  INVALID_VALUE,

  // Meaning of a definition.
  /** Two things of the same kind share an id. */
  DUPLICATE_ID,
  /** A code list has the same code twice. */
  DUPLICATE_CODE,
  /** A reference to a code list that does not exist. */
  UNKNOWN_CODE_LIST,
  /** A reference to a form that does not exist. */
  UNKNOWN_FORM,
  /** A {@code use} naming no entry of the registry's library, or a name no {@code let} defines. */
  UNKNOWN_REFERENCE,
  /** A range whose minimum is above its maximum. */
  RANGE_INVERTED,
  /** A plausible range that reaches outside the hard range. */
  PLAUSIBLE_OUTSIDE_RANGE,
  /** A step that does not divide the range. */
  STEP_MISFIT,
  /** A property that does not apply to the variable's type ({@code codeList} on an integer). */
  NOT_APPLICABLE,
  /** Computed values or conditions that depend on each other in a cycle. */
  DEPENDENCY_CYCLE,
  /** A condition on a variable that reads the variable itself. */
  SELF_REFERENCE,
  /** A text pattern that is not a valid regular expression. */
  INVALID_PATTERN,
  /** An organisation (health trust, region) that the organisation table does not know. */
  UNKNOWN_ORGANISATION,
  /**
   * A fact helsedata.no's metadata requires that {@code registry.json} does not give (organisation
   * number, contact, base URI).
   */
  METADATA_INCOMPLETE,
  /** A text without one of the languages a check asked for ({@code check --languages nb,nn,en}). */
  MISSING_TRANSLATION,

  // Expressions.
  /** An expression that does not parse. */
  SYNTAX_ERROR,
  /** A name that is not a variable, bound name or run parameter. */
  UNKNOWN_VARIABLE,
  /** A call of a function that does not exist. */
  UNKNOWN_FUNCTION,
  /** A function called with the wrong number of arguments. */
  WRONG_ARGUMENT_COUNT,
  /** Operand or argument types that do not fit (a date compared with a number). */
  TYPE_MISMATCH,
  /**
   * A code that is not in the code list of the variable it is compared with; in a record, a code
   * not in the list.
   */
  UNKNOWN_CODE,
  /** An expression longer than the engine accepts. */
  EXPRESSION_TOO_LONG,
  /** An expression nested deeper than the engine accepts. */
  EXPRESSION_TOO_DEEP,
  /** A literal that cannot be read ({@code date('2024-13-01')}). */
  INVALID_LITERAL,

  // Records.
  /** A record line that is not JSON, or not a record. */
  RECORD_SYNTAX,
  /** A record line that is not UTF-8 text (a Latin-1 export, say); located by byte column. */
  RECORD_ENCODING,
  /** A record line beyond a reading limit (size, nesting depth, string or number length). */
  RECORD_LIMIT,
  /** A record stamped with a definition version the registry never had. */
  UNKNOWN_VERSION,
  /** A record for another registry or an unknown form. */
  WRONG_FORM,
  /** A value of the wrong type for its variable. */
  INVALID_TYPE,
  /** A value in the wrong format (a date that is not {@code yyyy-mm-dd}). */
  INVALID_FORMAT,
  /** A required value is absent. */
  REQUIRED,
  /** A value outside the hard range. */
  OUT_OF_RANGE,
  /** A value outside the plausible range; the user must confirm it. */
  IMPLAUSIBLE,
  /** A value that is not a multiple of the step from the range minimum. */
  STEP,
  /** A number with more decimals than the variable allows. */
  TOO_MANY_DECIMALS,
  /** A text longer than the variable allows. */
  TOO_LONG,
  /** A text that does not match the variable's pattern. */
  PATTERN_MISMATCH,
  /** A code that exists but is not valid on the record's date. */
  CODE_NOT_VALID,
  /** Fewer choices than a multi-choice variable requires. */
  TOO_FEW_CHOICES,
  /** More choices than a multi-choice variable allows. */
  TOO_MANY_CHOICES,
  /** The same code chosen twice in a multi-choice variable. */
  DUPLICATE_CHOICE,
  /** Fewer rows than a repeat group requires. */
  TOO_FEW_ROWS,
  /** More rows than a repeat group allows. */
  TOO_MANY_ROWS,
  /** A missing-value reason the variable does not accept. */
  MISSING_REASON_NOT_ALLOWED,
  /** A value on a variable that skip logic hides. */
  HIDDEN_VALUE,
  /** A value for a variable the form does not define. */
  UNDEFINED_VARIABLE,
  /** A value supplied for a computed variable; it is ignored and derived instead. */
  COMPUTED_VALUE_IGNORED,
  /** A cross-field rule of the form does not hold. */
  RULE_FAILED,
  /** A record that fails one of the registry's inclusion criteria: it is not to be registered. */
  NOT_INCLUDED,
  /** A record of a unit form ({@code "scope": "unit"}) that names a patient. */
  WRONG_SCOPE,
  /**
   * A record lacks a link its form declares {@code "required": true} (a follow-up without its
   * course).
   */
  LINK_MISSING,
  /** A record's link names no record of the target form of the same patient (or unit). */
  LINK_DANGLING,
  /** A record carries a link its form does not declare. */
  LINK_UNDECLARED,
  // Indicator runs and exports.
  /** A record's unit (RESH id) is not in the registry's organisation table. */
  UNKNOWN_UNIT,
  /** Records declared sorted by patient are not: a patient key comes before the one above it. */
  UNSORTED_INPUT,
  /** An indicator run read records, but no case of any indicator falls in the years asked for. */
  NO_CASES,
  /** A row of an indicator export breaks a rule of the receiving service (SKDE's upload checks). */
  EXPORT_CHECK_FAILED,

  // A registry's own tests (tests/*.json).
  /**
   * A test of a registry's {@code tests/} folder does not hold: a record gives other issues or
   * values, an indicator another result.
   */
  TEST_FAILED;

  /** The stable lower-case code, such as {@code hidden_value}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
