package no.regforms.definition;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Which files of one load skip the schema check: those whose text is the one a {@link SchemaDigest}
 * recorded as checked. Once any file differs, nothing expanded from the files is trusted either, as
 * an expansion reads several files. Used by one load, then discarded.
 */
final class SchemaTrust {

  /** Trusts nothing: every file and expansion is checked. */
  static final SchemaTrust NONE = new SchemaTrust(Map.of());

  private final Map<String, String> checked;
  private boolean allMatched;

  SchemaTrust(Map<String, String> checked) {
    this.checked = checked;
    this.allMatched = !checked.isEmpty();
  }

  /** Whether {@code text}, read from {@code file}, is what was checked at build time. */
  boolean trusts(String file, String text) {
    if (!allMatched) return false;
    String hash = checked.get(file);
    allMatched =
        hash != null && hash.equals(SchemaDigest.sha256(text.getBytes(StandardCharsets.UTF_8)));
    return allMatched;
  }

  /**
   * Whether what is expanded from the files read so far was checked at build time: only when every
   * one of them matched.
   */
  boolean trustsExpansions() {
    return allMatched;
  }
}
