package no.regforms.definition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;

/**
 * Reads a registry's version history ({@code versions} in {@code registry.json}) and the {@code
 * since}/{@code until} of every element, and checks that they agree: versions unique and in date
 * order, the last one the registry's {@code version}, every bound a known version, no element
 * ending before it starts or living outside the element that holds it. Each contradiction is an
 * issue at its place.
 */
final class HistoryReader {

  private final List<Issue> issues;
  private final List<VersionHistory.Released> versions = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Map<String, VersionHistory.Lifespan> lifespans = new LinkedHashMap<>();

  HistoryReader(List<Issue> issues) {
    this.issues = issues;
  }

  /**
   * The released versions of {@code registryFile}; without a {@code versions} list, its {@code
   * version} alone.
   */
  List<String> readVersions(JsonDocument registryFile, String current) {
    JsonFields root = new JsonFields(registryFile.root(), "");
    if (!root.has("versions")) {
      versions.add(
          new VersionHistory.Released(
              current,
              Optional.empty(),
              Optional.empty(),
              List.of(),
              registryFile.locate("/version")));
      names.add(current);
      return names;
    }
    LocalDate previous = null;
    for (JsonFields entry : root.objects("versions")) {
      String name = entry.text("version");
      Optional<LocalDate> date = entry.date("date");
      if (names.contains(name)) {
        issues.add(
            Issue.error(
                    IssueCode.DUPLICATE_ID,
                    "version '" + name + "' is listed twice",
                    registryFile.locate(entry.pointer("version")))
                .withHint("each released version appears once in 'versions'"));
        continue;
      }
      if (date.isPresent() && previous != null && !date.get().isAfter(previous)) {
        issues.add(
            Issue.error(
                    IssueCode.RANGE_INVERTED,
                    "version '"
                        + name
                        + "' is dated "
                        + date.get()
                        + ", not after the version before it ("
                        + previous
                        + ")",
                    registryFile.locate(entry.pointer("date")))
                .withHint("list the versions oldest first, each dated after the one before"));
      }
      previous = date.orElse(previous);
      versions.add(
          new VersionHistory.Released(
              name,
              date,
              entry.optionalLocalized("changes"),
              List.of(),
              registryFile.locate(entry.pointer())));
      names.add(name);
    }
    if (!names.isEmpty() && !names.get(names.size() - 1).equals(current)) {
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "the registry's version '"
                      + current
                      + "' is not the last of its versions ('"
                      + names.get(names.size() - 1)
                      + "')",
                  registryFile.locate("/version"))
              .withHint(
                  names.contains(current)
                      ? "the current version is the last one listed in 'versions'"
                      : "add version '" + current + "' at the end of 'versions', with its date"));
    }
    if (names.isEmpty()) names.add(current);
    return names;
  }

  /**
   * Notes the lifespans of a form file's form, items and rules, checking each against its holder.
   */
  void readForm(JsonDocument doc) {
    JsonFields root = new JsonFields(doc.root(), "");
    String form = root.text("id");
    int[] span = span(doc, root, whole());
    note(VersionHistory.formKey(form), span);
    readItems(doc, form, root.objects("items"), span);
    for (JsonFields rule : root.objects("rules")) span(doc, rule, span);
  }

  private void readItems(JsonDocument doc, String form, List<JsonFields> items, int[] holder) {
    for (JsonFields item : items) {
      int[] span = span(doc, item, holder);
      if (item.has("variable")) note(VersionHistory.variableKey(form, item.text("variable")), span);
      if (item.has("repeat")) note(VersionHistory.variableKey(form, item.text("repeat")), span);
      readItems(doc, form, item.objects("items"), span);
    }
  }

  void readCodeList(JsonDocument doc) {
    JsonFields root = new JsonFields(doc.root(), "");
    if (!doc.root().path("codes").isArray())
      return; // the compact {"code": "label"} form: codes without since/until
    for (JsonFields code : root.objects("codes")) {
      if (code.has("code"))
        note(VersionHistory.codeKey(root.text("id"), code.text("code")), span(doc, code, whole()));
    }
  }

  /** The inclusion criteria of {@code registry.json}. */
  void readInclusion(JsonDocument registryFile) {
    for (JsonFields criterion : new JsonFields(registryFile.root(), "").objects("inclusion")) {
      span(registryFile, criterion, whole());
    }
  }

  /**
   * The history, each version's migration steps read by {@code migrations} the first time they are
   * asked for.
   */
  VersionHistory history(Function<String, List<MigrationStep>> migrations) {
    return new VersionHistory(versions, lifespans, migrations);
  }

  private int[] whole() {
    return new int[] {0, names.size() - 1};
  }

  /**
   * The first and last version index of {@code element}; a contradiction is reported and read as
   * the holder's bound, so one mistake is reported once.
   */
  private int[] span(JsonDocument doc, JsonFields element, int[] holder) {
    int first = bound(doc, element, "since", holder[0]);
    int last = bound(doc, element, "until", holder[1]);
    if (first > last) {
      issues.add(
          Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "since '" + names.get(first) + "' is after until '" + names.get(last) + "'",
                  doc.locate(element.pointer("since")))
              .withHint(
                  "'until' names the last version that has the element; it cannot come before 'since'"));
      return holder;
    }
    if (first < holder[0] || last > holder[1]) {
      String key = first < holder[0] ? "since" : "until";
      issues.add(
          Issue.error(
                  IssueCode.INVALID_VALUE,
                  "'"
                      + key
                      + "' "
                      + names.get(key.equals("since") ? first : last)
                      + " lies outside the versions of the element that holds it ("
                      + names.get(holder[0])
                      + " to "
                      + names.get(holder[1])
                      + ")",
                  doc.locate(element.pointer(key)))
              .withHint(
                  "an element exists only while its section, repeat group or form does; narrow its 'since'/'until'"));
      return new int[] {Math.max(first, holder[0]), Math.min(last, holder[1])};
    }
    return new int[] {first, last};
  }

  private int bound(JsonDocument doc, JsonFields element, String key, int open) {
    if (!element.has(key)) return open;
    String name = element.text(key);
    int index = names.indexOf(name);
    if (index < 0) {
      Issue issue =
          Issue.error(
              IssueCode.INVALID_VALUE,
              "'" + key + "' names version '" + name + "', which the registry never had",
              doc.locate(element.pointer(key)));
      issues.add(
          NameSuggester.hint(name, names)
              .map(issue::withHint)
              .orElse(
                  issue.withHint(
                      "known versions: "
                          + String.join(", ", names)
                          + " (registry.json 'versions')")));
      return open;
    }
    return index;
  }

  private void note(String key, int[] span) {
    VersionHistory.Lifespan known = lifespans.get(key);
    int first = known == null ? span[0] : Math.min(span[0], names.indexOf(known.first()));
    int last = known == null ? span[1] : Math.max(span[1], names.indexOf(known.last()));
    lifespans.put(key, new VersionHistory.Lifespan(names.get(first), names.get(last)));
  }
}
