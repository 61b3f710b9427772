package no.regforms.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.LocalizedText;

/**
 * Builds the registry of every released version from the same files and merges their issues: an
 * issue of the current version is reported as it is; an issue only earlier versions have (a rule
 * reading a variable an earlier version lacked) is reported once, at its place, naming the
 * versions.
 */
final class VersionedBuild {

  private final List<Issue> issues;
  private final List<String> names;
  private final String current;

  VersionedBuild(List<Issue> issues, List<String> names, String current) {
    this.issues = issues;
    this.names = names;
    this.current = current;
  }

  /** The registry of each version that built without errors, by name, current first. */
  Map<String, Registry> run(Function<String, Registry> build) {
    Map<String, Registry> views = new LinkedHashMap<>();
    int mark = issues.size();
    putIfBuilt(views, current, build.apply(current));
    Set<Key> ofCurrent = new HashSet<>();
    issues.subList(mark, issues.size()).forEach(issue -> ofCurrent.add(Key.of(issue)));
    Map<Key, List<String>> earlierOnly = new LinkedHashMap<>();
    Map<Key, Issue> first = new LinkedHashMap<>();
    for (String name : names) {
      if (name.equals(current)) continue;
      int before = issues.size();
      putIfBuilt(views, name, build.apply(name));
      List<Issue> found = new ArrayList<>(issues.subList(before, issues.size()));
      issues.subList(before, issues.size()).clear();
      for (Issue issue : found) {
        Key key = Key.of(issue);
        if (ofCurrent.contains(key)) continue;
        earlierOnly.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
        first.putIfAbsent(key, issue);
      }
    }
    earlierOnly.forEach((key, versions) -> issues.add(inVersions(first.get(key), versions)));
    return views;
  }

  private static void putIfBuilt(Map<String, Registry> views, String name, Registry registry) {
    if (registry != null) views.put(name, registry);
  }

  private static Issue inVersions(Issue issue, List<String> versions) {
    String prefix =
        (versions.size() == 1 ? "in version " : "in versions ")
            + String.join(", ", versions)
            + ": ";
    return new Issue(
        issue.severity(),
        issue.code(),
        LocalizedText.of("en", prefix + issue.message().in("en")),
        issue.location(),
        issue.hint());
  }

  /** What makes two issues the same: code, place and message. */
  private record Key(String code, String location, String message) {
    static Key of(Issue issue) {
      return new Key(issue.code().code(), Objects.toString(issue.location()), issue.text());
    }
  }
}
