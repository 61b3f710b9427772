package no.regforms.definition;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, at most once however many threads ask at the same time. A make that
 * throws leaves nothing behind: the next use tries again (and, for a definition, fails again the
 * same way). Once made, the maker is dropped, so what it held (parsed files) can be collected.
 */
final class Lazy<T> implements Supplier<T> {

  private Supplier<? extends T> make;
  private volatile T value;

  Lazy(Supplier<? extends T> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  /** A value already made. */
  static <T> Lazy<T> of(T value) {
    Lazy<T> made = new Lazy<>(() -> value);
    made.get();
    return made;
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = Objects.requireNonNull(make.get(), "made nothing");
          value = made;
          make = null;
        }
      }
    }
    return made;
  }
}
