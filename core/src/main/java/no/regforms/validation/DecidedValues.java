package no.regforms.validation;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values the validator decided for one scope of a record, as a map by name in form order: a
 * view of the walk's array by {@link Slots slot}, which the walk no longer changes once the scope
 * is done. Unmodifiable; equal to any map with the same entries.
 */
final class DecidedValues extends ResultMap {

  private final Slots slots;
  private final Object[] values; // by slot; null: no value
  private final int size;

  DecidedValues(Slots slots, Object[] values) {
    this.slots = slots;
    this.values = values;
    int count = 0;
    for (Object value : values) if (value != null) count++;
    this.size = count;
  }

  @Override
  public Object get(Object key) {
    int slot = key instanceof String name ? slots.of(name) : Slots.NONE;
    return slot == Slots.NONE ? null : values[slot];
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next = following(0);

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (!hasNext()) throw new NoSuchElementException();
            Map.Entry<String, Object> entry = Map.entry(slots.item(next).id(), values[next]);
            next = following(next + 1);
            return entry;
          }
        };
      }
    };
  }

  /** The first slot from {@code slot} on that has a value; the array's length if none has. */
  private int following(int slot) {
    while (slot < values.length && values[slot] == null) slot++;
    return slot;
  }
}
