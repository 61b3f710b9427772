package no.regforms.expression;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one back end (the evaluator, a code emitter, an export format) does for each {@link
 * Builtin}: an entry, or the declared reason it cannot express the function. The builder refuses a
 * table that leaves any function out, so a back end cannot silently lack one; a back end that
 * cannot say a function gives the reason, which its callers show (an export turns it into a located
 * note).
 *
 * <pre>{@code
 * static final FunctionTable<Writer> TABLE = FunctionTable.<Writer>builder("SQL")
 *     .put(Builtin.ABS, (w, call) -> "abs(" + w.argument(call, 0) + ")")
 *     .refuse("SQL has no linear-time regular expressions here", Builtin.MATCHES)
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 *
 * @param <E> what the back end keeps per function (a planner, a text writer, ...)
 */
public final class FunctionTable<E> {

  private final String backEnd;
  private final Map<Builtin, E> entries;
  private final Map<Builtin, String> refusals;

  private FunctionTable(String backEnd, Map<Builtin, E> entries, Map<Builtin, String> refusals) {
    this.backEnd = backEnd;
    this.entries = entries;
    this.refusals = refusals;
  }

  /** A builder for the table of the back end called {@code backEnd} (for messages). */
  public static <E> Builder<E> builder(String backEnd) {
    return new Builder<>(Objects.requireNonNull(backEnd, "backEnd"));
  }

  /** The back end's name. */
  public String backEnd() {
    return backEnd;
  }

  /** The entry for {@code function}, or empty when the back end declared it cannot express it. */
  public Optional<E> entry(Builtin function) {
    return Optional.ofNullable(entries.get(Objects.requireNonNull(function, "function")));
  }

  /**
   * The entry for {@code function}, for back ends that express every function.
   *
   * @throws IllegalStateException when the back end declared it cannot
   */
  public E require(Builtin function) {
    E entry = entries.get(Objects.requireNonNull(function, "function"));
    if (entry == null) {
      throw new IllegalStateException(
          backEnd + " cannot express " + function.usage() + ": " + refusals.get(function));
    }
    return entry;
  }

  /** Why the back end cannot express {@code function}; empty when it has an entry. */
  public Optional<String> refusal(Builtin function) {
    return Optional.ofNullable(refusals.get(Objects.requireNonNull(function, "function")));
  }

  /** Collects the entries of a table; not thread-safe. */
  public static final class Builder<E> {
    private final String backEnd;
    private final Map<Builtin, E> entries = new EnumMap<>(Builtin.class);
    private final Map<Builtin, String> refusals = new EnumMap<>(Builtin.class);

    private Builder(String backEnd) {
      this.backEnd = backEnd;
    }

    /**
     * {@code entry} for each of {@code functions}.
     *
     * @throws IllegalStateException if one of them already has an entry or a refusal
     */
    public Builder<E> put(E entry, Builtin... functions) {
      Objects.requireNonNull(entry, "entry");
      for (Builtin function : functions) {
        claim(function);
        entries.put(function, entry);
      }
      return this;
    }

    /** {@code entry} for {@code function}. */
    public Builder<E> put(Builtin function, E entry) {
      return put(entry, function);
    }

    /**
     * Declares that the back end cannot express {@code functions}, and why (a sentence a reader of
     * an export note understands).
     */
    public Builder<E> refuse(String reason, Builtin... functions) {
      if (Objects.requireNonNull(reason, "reason").isBlank()) {
        throw new IllegalArgumentException("a refusal needs a reason");
      }
      for (Builtin function : functions) {
        claim(function);
        refusals.put(function, reason);
      }
      return this;
    }

    private void claim(Builtin function) {
      Objects.requireNonNull(function, "function");
      if (entries.containsKey(function) || refusals.containsKey(function)) {
        throw new IllegalStateException(backEnd + " lists " + function + " twice");
      }
    }

    /**
     * The table.
     *
     * @throws IllegalStateException naming every function with neither an entry nor a refusal
     */
    public FunctionTable<E> build() {
      List<String> missing = new ArrayList<>();
      for (Builtin function : Builtin.values()) {
        if (!entries.containsKey(function) && !refusals.containsKey(function)) {
          missing.add(function.name());
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            backEnd
                + " has no entry and no declared refusal for "
                + missing
                + "; add one to its FunctionTable");
      }
      return new FunctionTable<>(backEnd, new EnumMap<>(entries), new EnumMap<>(refusals));
    }
  }
}
