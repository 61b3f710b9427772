package no.regforms.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values of a record as they came in, before validation: JSON values as plain Java objects.
 *
 * <p>A value is a {@link String}, {@link BigDecimal}, {@link Boolean}, an unmodifiable {@code List}
 * of values, or an unmodifiable {@code Map<String, Object>} (a repeat-group row, or an explicit
 * missing-value reason {@code {"missing": "unknown"}}). JSON {@code null} means not filled in and
 * is not stored. Immutable; {@link #toString()} prints the keys only.
 */
public final class RecordValues {

  /** No values. */
  public static final RecordValues EMPTY = new RecordValues(Map.of());

  private final Map<String, Object> values;

  private RecordValues(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * Values from plain Java objects (numbers of any kind become {@link BigDecimal}); copied deeply.
   */
  public static RecordValues of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    return new RecordValues(copyMap(values));
  }

  /**
   * Values just read by {@link RecordParser}, already unmodifiable and in the form kept here: taken
   * as they are.
   */
  static RecordValues read(Map<String, Object> values) {
    return new RecordValues(values);
  }

  /** The value of {@code key}, or {@code null} when absent. */
  public Object get(String key) {
    return values.get(key);
  }

  /** Whether {@code key} has a value. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The keys, in input order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** The values as an unmodifiable map. */
  public Map<String, Object> asMap() {
    return values;
  }

  static Map<String, Object> copyMap(Map<String, ?> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) -> {
          Object copy = copy(v);
          if (copy != null) out.put(Objects.requireNonNull(k, "key"), copy);
        });
    return Collections.unmodifiableMap(out);
  }

  private static Object copy(Object value) {
    if (value == null) return null;
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> typed = new LinkedHashMap<>();
      map.forEach((k, v) -> typed.put(String.valueOf(k), v));
      return copyMap(typed);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) out.add(copy(element));
      return Collections.unmodifiableList(out);
    }
    if (value instanceof BigDecimal) return value;
    if (value instanceof Number number) return new BigDecimal(number.toString());
    if (value instanceof String || value instanceof Boolean) return value;
    throw new IllegalArgumentException(
        "a record value must be a JSON value, not " + value.getClass().getSimpleName());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordValues that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "RecordValues" + values.keySet();
  }
}
