package no.regforms.definition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * The released versions of a registry, oldest first, and the versions each form, variable, code and
 * code list entry lived in ({@code since}/{@code until} in the definition files). The last version
 * is the current one. Immutable; shared by the registry of every version. In a packaged module
 * whose files its build checked, a version's migration steps are read the first time they are asked
 * for ({@link #versions()}, {@link #version}, {@link #between}), and the registries they read are
 * built then.
 */
public final class VersionHistory {

  /**
   * One released version.
   *
   * @param version its name, as records carry it ({@code 2022.1})
   * @param date the day it took effect; empty for a registry that lists no versions
   * @param changes what changed in it, for readers
   * @param migrate the steps that take a record of the previous version to this one
   * @param location where it is defined
   */
  public record Released(
      String version,
      Optional<LocalDate> date,
      Optional<LocalizedText> changes,
      List<MigrationStep> migrate,
      SourceLocation location) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Released {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(changes, "changes");
      migrate = List.copyOf(migrate);
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * The versions an element lived in.
   *
   * @param first the first version that has it
   * @param last the last version that has it
   */
  public record Lifespan(String first, String last) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Lifespan {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
    }
  }

  /** The versions as {@code registry.json} lists them, dated, their steps perhaps still unread. */
  private final List<Released> listed;

  private final List<Lazy<Released>> versions;
  private final List<String> names;
  private final Map<String, Lifespan> lifespans;

  VersionHistory(List<Released> versions, Map<String, Lifespan> lifespans) {
    this(versions, lifespans, null);
  }

  /**
   * A history whose versions take their migration steps from {@code migrations} the first time they
   * are asked for (a trusted load reads them then, with the registries they are checked against);
   * with null, the steps {@code versions} hold.
   */
  VersionHistory(
      List<Released> versions,
      Map<String, Lifespan> lifespans,
      Function<String, List<MigrationStep>> migrations) {
    if (versions.isEmpty())
      throw new IllegalArgumentException("a history has at least one version");
    this.listed = List.copyOf(versions);
    this.versions =
        listed.stream()
            .map(v -> migrations == null ? Lazy.of(v) : new Lazy<>(() -> withSteps(v, migrations)))
            .toList();
    this.names = listed.stream().map(Released::version).toList();
    this.lifespans = Collections.unmodifiableMap(new LinkedHashMap<>(lifespans));
  }

  private static Released withSteps(
      Released version, Function<String, List<MigrationStep>> migrations) {
    return new Released(
        version.version(),
        version.date(),
        version.changes(),
        migrations.apply(version.version()),
        version.location());
  }

  /**
   * The released versions, oldest first; the last is the current one.
   *
   * @throws IllegalStateException naming the registry and version, if a version's migration steps,
   *     read now, have errors (a module whose build checked them, loaded by another regforms
   *     release)
   */
  public List<Released> versions() {
    return versions.stream().map(Lazy::get).toList();
  }

  /** The names of the released versions, oldest first. */
  public List<String> names() {
    return names;
  }

  /** The current (last) version's name. */
  public String current() {
    return names.get(names.size() - 1);
  }

  /** Whether the registry had version {@code name}. */
  public boolean has(String name) {
    return names.contains(name);
  }

  /** The released version {@code name}, if the registry had it. */
  public Optional<Released> version(String name) {
    int index = names.indexOf(name);
    return index < 0 ? Optional.empty() : Optional.of(versions.get(index).get());
  }

  /** The position of {@code name} in the history (0 for the oldest), or -1. */
  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /**
   * The versions after {@code from} up to and including {@code to}: those whose migrations take a
   * record from one to the other.
   */
  public List<Released> between(String from, String to) {
    int start = names.indexOf(from);
    int end = names.indexOf(to);
    if (start < 0 || end < 0 || end < start) return List.of();
    return versions.subList(start + 1, end + 1).stream().map(Lazy::get).toList();
  }

  /** The versions form {@code form} lived in. */
  public Lifespan form(String form) {
    return lifespan(formKey(form));
  }

  /**
   * The versions variable {@code variable} of form {@code form} lived in (repeat members included).
   */
  public Lifespan variable(String form, String variable) {
    return lifespan(variableKey(form, variable));
  }

  /** The versions code {@code code} of code list {@code codeList} lived in. */
  public Lifespan code(String codeList, String code) {
    return lifespan(codeKey(codeList, code));
  }

  /**
   * The first day of {@code lifespan}'s first version and the last day before the version after its
   * last: empty ends are open (the first version without a date, or still current).
   */
  public Optional<LocalDate> firstDay(Lifespan lifespan) {
    int first = names.indexOf(lifespan.first());
    return first < 0 ? Optional.empty() : listed.get(first).date();
  }

  /**
   * The last day of {@code lifespan}: the day before the next version took effect; empty while
   * current.
   */
  public Optional<LocalDate> lastDay(Lifespan lifespan) {
    int next = names.indexOf(lifespan.last()) + 1;
    if (next <= 0 || next >= versions.size()) return Optional.empty();
    return listed.get(next).date().map(d -> d.minusDays(1));
  }

  private Lifespan lifespan(String key) {
    return lifespans.getOrDefault(key, new Lifespan(names.get(0), current()));
  }

  static String formKey(String form) {
    return "form " + form;
  }

  static String variableKey(String form, String variable) {
    return "variable " + form + "/" + variable;
  }

  static String codeKey(String codeList, String code) {
    return "code " + codeList + "/" + code;
  }
}
