package no.regforms.expression;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The static type of an expression or a variable.
 *
 * <p>Runtime values are plain Java objects, and {@code null} is the unknown (missing) value:
 *
 * <ul>
 *   <li>{@link Kind#NUMBER}: {@link java.math.BigDecimal} (integer and decimal variables alike)
 *   <li>{@link Kind#TEXT}, {@link Kind#CODE}: {@link String}
 *   <li>{@link Kind#BOOLEAN}: {@link Boolean}
 *   <li>{@link Kind#DATE}: {@link java.time.LocalDate}; {@link Kind#YEARMONTH}: {@link
 *       java.time.YearMonth}; {@link Kind#DATETIME}: {@link java.time.LocalDateTime}
 *   <li>{@link Kind#CODES}: {@code List<String>}
 *   <li>{@link Kind#ROWS}: {@code List<Map<String, Object>>}, one map per repeat-group row, whose
 *       values follow the same scheme
 * </ul>
 *
 * @param kind the kind of value
 * @param codeList for {@code CODE} and {@code CODES}: the id of the code list, else empty
 * @param codes for {@code CODE} and {@code CODES}: the codes of the list, else empty
 * @param fields for {@code ROWS}: the member variables of a row, in form order, else empty
 * @param scores for {@code CODE}: the ordinal score of each scored code (MADRS 0–6), read by {@code
 *     score(x)}; empty when the code list has no scores
 */
public record ExprType(
    Kind kind,
    Optional<String> codeList,
    Set<String> codes,
    Map<String, ExprType> fields,
    Map<String, BigDecimal> scores) {

  /** The kinds of value an expression can have. */
  public enum Kind {
    /** A number (integer or decimal). */
    NUMBER,
    /** Text. */
    TEXT,
    /** True or false (or unknown). */
    BOOLEAN,
    /** A calendar date. */
    DATE,
    /** A month of a year. */
    YEARMONTH,
    /** A date and time of day. */
    DATETIME,
    /** One code of a code list. */
    CODE,
    /** A set of codes of a code list. */
    CODES,
    /** The rows of a repeat group. */
    ROWS
  }

  /** The type of numbers. */
  public static final ExprType NUMBER = simple(Kind.NUMBER);

  /** The type of texts. */
  public static final ExprType TEXT = simple(Kind.TEXT);

  /** The type of truth values. */
  public static final ExprType BOOLEAN = simple(Kind.BOOLEAN);

  /** The type of dates. */
  public static final ExprType DATE = simple(Kind.DATE);

  /** The type of months. */
  public static final ExprType YEARMONTH = simple(Kind.YEARMONTH);

  /** The type of dates with a time of day. */
  public static final ExprType DATETIME = simple(Kind.DATETIME);

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public ExprType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(codeList, "codeList");
    codes = Set.copyOf(codes);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    scores = Map.copyOf(scores);
  }

  /** A type without code scores. */
  public ExprType(
      Kind kind, Optional<String> codeList, Set<String> codes, Map<String, ExprType> fields) {
    this(kind, codeList, codes, fields, Map.of());
  }

  private static ExprType simple(Kind kind) {
    return new ExprType(kind, Optional.empty(), Set.of(), Map.of());
  }

  /** A single code from {@code codeList}, which holds {@code codes}. */
  public static ExprType code(String codeList, Set<String> codes) {
    return new ExprType(Kind.CODE, Optional.of(codeList), codes, Map.of());
  }

  /** A single code from {@code codeList}, which holds {@code codes}, some of them with a score. */
  public static ExprType code(String codeList, Set<String> codes, Map<String, BigDecimal> scores) {
    return new ExprType(Kind.CODE, Optional.of(codeList), codes, Map.of(), scores);
  }

  /** Several codes from {@code codeList}, which holds {@code codes}. */
  public static ExprType codes(String codeList, Set<String> codes) {
    return new ExprType(Kind.CODES, Optional.of(codeList), codes, Map.of());
  }

  /** The rows of a repeat group whose members have the types in {@code fields}. */
  public static ExprType rows(Map<String, ExprType> fields) {
    return new ExprType(Kind.ROWS, Optional.empty(), Set.of(), fields);
  }

  /** A short name for messages: {@code number}, {@code code(ect_indication)}, {@code rows}. */
  public String displayName() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return codeList.map(list -> name + "(" + list + ")").orElse(name);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
