package no.regforms.definition;

import java.util.Locale;
import no.regforms.expression.ExprType;

/** The data type of a variable, as written in a definition ({@code "type": "integer"}). */
public enum VariableType {
  /** A whole number. */
  INTEGER,
  /** A decimal number, with at most the variable's {@code decimals}. */
  DECIMAL,
  /** Free text. */
  TEXT,
  /** Yes or no. */
  BOOLEAN,
  /** A calendar date, {@code yyyy-mm-dd}. */
  DATE,
  /** A month of a year, {@code yyyy-mm}. */
  YEARMONTH,
  /** A date and time of day, {@code yyyy-mm-ddThh:mm[:ss]}. */
  DATETIME,
  /** One code of the variable's code list. */
  CODE,
  /** Any number of codes of the variable's code list. */
  CODES;

  /** The name used in definitions, such as {@code yearmonth}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether values are numbers. */
  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  /** Whether values come from a code list. */
  public boolean isCoded() {
    return this == CODE || this == CODES;
  }

  /**
   * The expression type of values of this type (code types get their code list from the caller).
   */
  ExprType.Kind expressionKind() {
    switch (this) {
      case INTEGER:
      case DECIMAL:
        return ExprType.Kind.NUMBER;
      case TEXT:
        return ExprType.Kind.TEXT;
      case BOOLEAN:
        return ExprType.Kind.BOOLEAN;
      case DATE:
        return ExprType.Kind.DATE;
      case YEARMONTH:
        return ExprType.Kind.YEARMONTH;
      case DATETIME:
        return ExprType.Kind.DATETIME;
      case CODE:
        return ExprType.Kind.CODE;
      default:
        return ExprType.Kind.CODES;
    }
  }

  static VariableType fromJson(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
