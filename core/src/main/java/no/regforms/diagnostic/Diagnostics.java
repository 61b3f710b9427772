package no.regforms.diagnostic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable, sorted collection of issues: the outcome of loading, compiling or validating.
 *
 * @param issues every issue found, errors first, then by location
 */
public record Diagnostics(List<Issue> issues) {

  /** No issues. */
  public static final Diagnostics EMPTY = new Diagnostics(List.of());

  /** Sorts {@code issues} into {@link Issue#ORDER} and keeps an unmodifiable copy. */
  public Diagnostics {
    Objects.requireNonNull(issues, "issues");
    List<Issue> sorted = new ArrayList<>(issues);
    sorted.sort(Issue.ORDER);
    issues = List.copyOf(sorted);
  }

  /** Diagnostics holding {@code issues}. */
  public static Diagnostics of(List<Issue> issues) {
    return new Diagnostics(issues);
  }

  /** Whether any issue is an error. */
  public boolean hasErrors() {
    return issues.stream().anyMatch(Issue::isError);
  }

  /** The errors only. */
  public List<Issue> errors() {
    return issues.stream().filter(Issue::isError).toList();
  }

  /** The warnings only. */
  public List<Issue> warnings() {
    return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
  }

  /** These issues and {@code other}'s, sorted. */
  public Diagnostics plus(Diagnostics other) {
    List<Issue> all = new ArrayList<>(issues);
    all.addAll(other.issues);
    return new Diagnostics(all);
  }

  /** Every issue in compiler-style display, one after another. */
  public String toDisplayString() {
    return issues.stream().map(Issue::toDisplayString).collect(Collectors.joining("\n"));
  }

  /**
   * The JSON form of these issues, messages in {@code language}: the counts and every issue in
   * {@link Issue#toJson(String) its JSON form}, in this collection's order. This is the body a host
   * answers a rejected record with (status 400), and what a rendered form shows beside its fields:
   *
   * <pre>{@code
   * {"errors": 1, "warnings": 0, "issues": [{"code": "required", "severity": "error", "path": "indication", "message": "..."}]}
   * }</pre>
   */
  public ObjectNode toJson(String language) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("errors", errors().size());
    json.put("warnings", warnings().size());
    ArrayNode list = json.putArray("issues");
    issues.forEach(issue -> list.add(issue.toJson(language)));
    return json;
  }

  /** Throws a {@link RegformsException} carrying these diagnostics if any issue is an error. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new RegformsException(this);
    }
  }
}
