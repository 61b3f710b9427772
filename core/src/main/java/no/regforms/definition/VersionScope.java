package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One released version of a registry seen from its definition files: an element (form, item, rule,
 * code, indicator, inclusion criterion) belongs to the version when the version lies within its
 * {@code since}/{@code until}. A name the history does not know leaves that bound open; the history
 * check reports it, so reading goes on without a second report.
 */
final class VersionScope {

  /** Every element, whatever its {@code since}/{@code until}: a registry without a history. */
  static final VersionScope ALL = new VersionScope(List.of(), -1);

  private final List<String> versions;
  private final int index;

  private VersionScope(List<String> versions, int index) {
    this.versions = versions;
    this.index = index;
  }

  /** The scope of {@code version}, the element of {@code versions} (oldest first) it names. */
  static VersionScope of(List<String> versions, String version) {
    return new VersionScope(List.copyOf(versions), versions.indexOf(version));
  }

  boolean includes(JsonNode element) {
    if (index < 0 || !element.isObject()) return true;
    int since = versions.indexOf(element.path("since").asText(""));
    int until = versions.indexOf(element.path("until").asText(""));
    return (since < 0 || since <= index) && (until < 0 || index <= until);
  }
}
