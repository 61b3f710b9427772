package no.regforms.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A migration step's variable in a record's values: a top-level variable ({@code weight}) or a
 * member of every row of a repeat group ({@code sessions.charge}).
 */
final class ValuePaths {

  private ValuePaths() {}

  /** Replaces the value at {@code path} by {@code change} of it; whether that changed the value. */
  static boolean update(Map<String, Object> values, String path, UnaryOperator<Object> change) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      if (!values.containsKey(path)) return false;
      Object old = values.get(path);
      Object changed = change.apply(old);
      values.put(path, changed);
      return !Objects.equals(old, changed);
    }
    return eachRow(
        values, path.substring(0, dot), row -> update(row, path.substring(dot + 1), change));
  }

  /**
   * Moves the value at {@code from} to {@code to} (both top level, or both members of one repeat
   * group).
   */
  static boolean move(Map<String, Object> values, String from, String to) {
    int dot = from.indexOf('.');
    if (dot < 0) {
      if (!values.containsKey(from)) return false;
      values.put(to, values.remove(from));
      return true;
    }
    String member = from.substring(dot + 1);
    String newMember = to.substring(to.indexOf('.') + 1);
    return eachRow(values, from.substring(0, dot), row -> move(row, member, newMember));
  }

  private interface RowChange {
    boolean apply(Map<String, Object> row);
  }

  private static boolean eachRow(Map<String, Object> values, String repeat, RowChange change) {
    if (!(values.get(repeat) instanceof List<?> rows)) return false;
    boolean any = false;
    List<Object> out = new ArrayList<>();
    for (Object row : rows) {
      if (row instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        any |= change.apply(copy);
        out.add(copy);
      } else {
        out.add(row);
      }
    }
    values.put(repeat, out);
    return any;
  }
}
