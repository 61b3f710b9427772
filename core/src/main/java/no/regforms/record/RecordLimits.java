package no.regforms.record;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * How large one record may be when read: the bounds that keep a hostile or broken line (a 50 MB
 * array, JSON nested 100 000 deep) from exhausting memory or time. A line beyond a limit is refused
 * as a {@code record_limit} issue that names the limit and how to raise it; reading goes on.
 *
 * <p>The defaults are far above any real registry record (a few kilobytes): 1 MiB per line, nesting
 * 32 deep, strings of 100 000 characters, numbers of 100 digits.
 *
 * @param maxRecordBytes the longest line, in bytes (UTF-8), newline not counted
 * @param maxNestingDepth the deepest nesting of JSON arrays and objects, the record object included
 * @param maxStringLength the longest string (or key), in characters
 * @param maxNumberLength the longest number, in characters
 */
public record RecordLimits(
    int maxRecordBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength) {

  /** The default limits. */
  public static final RecordLimits DEFAULTS = new RecordLimits(1 << 20, 32, 100_000, 100);

  /** The largest line length that may be set: 1 GiB. */
  public static final int MAX_RECORD_BYTES = 1 << 30;

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public RecordLimits {
    if (maxRecordBytes < 1 || maxNestingDepth < 1 || maxStringLength < 1 || maxNumberLength < 1) {
      throw new IllegalArgumentException("every record limit must be at least 1");
    }
    if (maxRecordBytes > MAX_RECORD_BYTES) {
      throw new IllegalArgumentException("maxRecordBytes must be at most " + MAX_RECORD_BYTES);
    }
  }

  /** The same limits with another line length. */
  public RecordLimits withMaxRecordBytes(int bytes) {
    return new RecordLimits(bytes, maxNestingDepth, maxStringLength, maxNumberLength);
  }

  /** The limits as Jackson enforces them while parsing. */
  StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxDocumentLength(maxRecordBytes)
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength)
        .maxNameLength(maxStringLength)
        .maxNumberLength(maxNumberLength)
        .build();
  }
}
