package no.regforms.diagnostic;

import java.util.Objects;

/**
 * The path of a value inside a record, such as {@code sessions[3].charge} (indexes are 1-based, as
 * a registry clinician counts sessions), or the empty path for the record as a whole.
 *
 * @param path the dotted path
 * @param line the line of the record in its input file, or 0 when not read from a file
 */
public record RecordPath(String path, long line) implements Location {

  /** The record as a whole. */
  public static final RecordPath ROOT = new RecordPath("", 0);

  /** Checks that the path is not null. */
  public RecordPath {
    Objects.requireNonNull(path, "path");
  }

  /** The path of a top-level variable. */
  public static RecordPath of(String path) {
    return new RecordPath(path, 0);
  }

  /** The path of a member variable of this one ({@code sessions[3]} + {@code charge}). */
  public RecordPath member(String name) {
    return new RecordPath(path.isEmpty() ? name : path + "." + name, line);
  }

  /** The path of the {@code index}th (1-based) row of this repeat group. */
  public RecordPath row(int index) {
    return new RecordPath(path + "[" + index + "]", line);
  }

  @Override
  public String display() {
    return path.isEmpty() ? "<record>" : path;
  }
}
