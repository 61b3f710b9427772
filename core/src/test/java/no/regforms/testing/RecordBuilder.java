package no.regforms.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;

/**
 * Builds records for tests, one value at a time. Values are plain Java objects as {@link
 * RecordValues#of} takes them (Java numbers become {@link BigDecimal}; use {@link #number} for an
 * exact decimal). Mutable and single-threaded, like any builder; {@link #build()} copies, so a
 * built record never changes.
 *
 * <pre>{@code
 * Record record = TestRegistry.validVisit().set("age", 130).remove("comment").build();
 * }</pre>
 */
public final class RecordBuilder {

  private final String registry;
  private String form;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private long line;

  private RecordBuilder(String registry, String form) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.form = Objects.requireNonNull(form, "form");
  }

  /** An empty record of {@code form} in {@code registry}. */
  public static RecordBuilder of(String registry, String form) {
    return new RecordBuilder(registry, form);
  }

  /** Sets {@code variable} to {@code value}. */
  public RecordBuilder set(String variable, Object value) {
    values.put(variable, value);
    return this;
  }

  /**
   * Sets {@code variable} to the exact decimal {@code digits} ({@code "70.50"} keeps its scale).
   */
  public RecordBuilder number(String variable, String digits) {
    return set(variable, new BigDecimal(digits));
  }

  /** Removes {@code variable}. */
  public RecordBuilder remove(String variable) {
    values.remove(variable);
    return this;
  }

  /** Changes {@code variable} in row {@code row} (1-based) of repeat group {@code repeat}. */
  public RecordBuilder setInRow(String repeat, int row, String variable, Object value) {
    List<Map<String, Object>> rows = rows(repeat);
    rows.get(row - 1).put(variable, value);
    values.put(repeat, rows);
    return this;
  }

  /** Removes {@code variable} from row {@code row} (1-based) of repeat group {@code repeat}. */
  public RecordBuilder removeInRow(String repeat, int row, String variable) {
    List<Map<String, Object>> rows = rows(repeat);
    rows.get(row - 1).remove(variable);
    values.put(repeat, rows);
    return this;
  }

  /** Appends a row to repeat group {@code repeat}. */
  public RecordBuilder addRow(String repeat, Map<String, ?> row) {
    List<Map<String, Object>> rows = rows(repeat);
    rows.add(new LinkedHashMap<>(row));
    values.put(repeat, rows);
    return this;
  }

  /** Names another form (the values stay). */
  public RecordBuilder form(String newForm) {
    this.form = Objects.requireNonNull(newForm, "newForm");
    return this;
  }

  /** Sets the line the record was read from. */
  public RecordBuilder line(long newLine) {
    this.line = newLine;
    return this;
  }

  /** The record: values copied deeply, numbers as {@link BigDecimal}. */
  public Record build() {
    return new Record(registry, form, "", "", "", "", RecordValues.of(values), line);
  }

  /** The exact decimal {@code digits}, for values inside rows. */
  public static BigDecimal decimal(String digits) {
    return new BigDecimal(digits);
  }

  /** A row of a repeat group from alternating names and values. */
  public static Map<String, Object> row(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String repeat) {
    Object current = values.get(repeat);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (current instanceof List<?> list) {
      for (Object row : list) {
        rows.add(new LinkedHashMap<>((Map<String, Object>) row));
      }
    }
    return rows;
  }
}
