package no.regforms.validation;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A map the validator made for one result and hands over whole: unmodifiable, and nothing else
 * holds or changes what lies beneath it. {@link ValidationResult} keeps such a map as it is and
 * copies any other (copying the engine's two maps for every record was 8 % of a validation's time).
 */
abstract class ResultMap extends AbstractMap<String, Object> {

  /** {@code built}, which the caller made for one result and now gives away, as a result map. */
  static ResultMap handedOver(Map<String, Object> built) {
    return new Wrapped(built);
  }

  /**
   * {@code map} as a result keeps it: itself when the validator made it for the result, else an
   * unmodifiable copy, so a caller's map changed later does not change the result.
   */
  static Map<String, Object> kept(Map<String, Object> map) {
    return map instanceof ResultMap ? map : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static final class Wrapped extends ResultMap {
    private final Map<String, Object> map;

    Wrapped(Map<String, Object> built) {
      this.map = Collections.unmodifiableMap(built);
    }

    @Override
    public Object get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return map.entrySet();
    }
  }
}
