package no.regforms.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.definition.Formula;
import no.regforms.definition.MigrationStep;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.definition.VersionHistory;
import no.regforms.expression.EvaluationContext;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.validation.RecordValidator;

/**
 * Carries records from the definition version they declare to a later one, running the migration
 * steps of every version in between ({@code migrate} in {@code registry.json}) in order. The steps
 * of one version read the record as the version before named it: a recode or a conversion of a
 * variable that a later step of the same version renames is written under the new name.
 *
 * <p>Immutable and thread-safe: build one per registry. Never changes its input and never throws on
 * bad data: a record it cannot carry comes back unchanged with the reason.
 *
 * <pre>{@code
 * RecordMigrator migrator = RecordMigrator.of(registry);
 * MigrationResult result = migrator.migrate(record, registry.version());
 * }</pre>
 */
public final class RecordMigrator {

  private final Registry registry;
  private final RecordValidator validator;

  private RecordMigrator(Registry registry, Clock clock) {
    this.registry = registry;
    this.validator = RecordValidator.of(registry, clock);
  }

  /** A migrator for {@code registry}'s history. */
  public static RecordMigrator of(Registry registry) {
    return new RecordMigrator(
        Objects.requireNonNull(registry, "registry"), Clock.systemDefaultZone());
  }

  /**
   * {@code record} carried to {@code target}; a record without a version is taken to be of the
   * current version.
   *
   * @throws IllegalArgumentException if the registry never had version {@code target}
   */
  public MigrationResult migrate(Record record, String target) {
    Objects.requireNonNull(record, "record");
    VersionHistory history = registry.history();
    if (!history.has(target)) {
      throw new IllegalArgumentException(
          "registry '"
              + registry.id()
              + "' never had version '"
              + target
              + "'; its versions are "
              + String.join(", ", history.names()));
    }
    String from = record.version().isEmpty() ? registry.version() : record.version();
    if (!history.has(from)) {
      return new MigrationResult(
          record,
          List.of(),
          Optional.of(
              "the record's version '"
                  + from
                  + "' is one the registry never had; known versions: "
                  + String.join(", ", history.names())));
    }
    if (history.indexOf(from) > history.indexOf(target)) {
      return new MigrationResult(
          record,
          List.of(),
          Optional.of(
              "the record's version "
                  + from
                  + " is after "
                  + target
                  + "; migrations go forward only"));
    }
    List<MigrationResult.Change> changes = new ArrayList<>();
    Record current = record;
    String previous = from;
    for (VersionHistory.Released version : history.between(from, target)) {
      current = step(current, previous, version, changes);
      previous = version.version();
    }
    return new MigrationResult(current, changes, Optional.empty());
  }

  /** The record of version {@code previous} as {@code version} names it. */
  private Record step(
      Record record,
      String previous,
      VersionHistory.Released version,
      List<MigrationResult.Change> changes) {
    Map<String, Object> values = new LinkedHashMap<>(record.values().asMap());
    Map<String, String> renamed = new LinkedHashMap<>();
    Map<String, String> renames = new LinkedHashMap<>();
    version.migrate().stream()
        .filter(s -> s.form().equals(record.form()) && s.kind() == MigrationStep.Kind.RENAME)
        .forEach(s -> renames.put(s.variables().get(0), s.to().orElseThrow()));
    Map<String, Object> typed = null;
    for (MigrationStep step : version.migrate()) {
      if (!step.form().equals(record.form())) continue;
      if ((step.kind() == MigrationStep.Kind.SPLIT || step.kind() == MigrationStep.Kind.MERGE)
          && typed == null) {
        typed = validator.asVersion(previous).validate(record).values();
      }
      List<String> wrote = apply(step, values, renamed, renames, typed, version.version());
      if (wrote != null) {
        changes.add(
            new MigrationResult.Change(
                version.version(), step.keyword(), step.variables(), wrote, step.why()));
      }
    }
    return new Record(
        record.registry(),
        record.form(),
        version.version(),
        record.id(),
        record.patient(),
        record.unit(),
        RecordValues.of(values),
        record.line());
  }

  /**
   * Runs one step on {@code values}: the variables it wrote (none when a split or merge computed
   * nothing), or null when the record did not have what the step reads.
   */
  private List<String> apply(
      MigrationStep step,
      Map<String, Object> values,
      Map<String, String> renamed,
      Map<String, String> renames,
      Map<String, Object> typed,
      String version) {
    switch (step.kind()) {
      case RENAME:
        {
          String from = step.variables().get(0);
          String to = step.to().orElseThrow();
          renamed.put(from, to);
          return ValuePaths.move(values, from, to) ? List.of(to) : null;
        }
      case RECODE:
        {
          String name = renamed.getOrDefault(step.variables().get(0), step.variables().get(0));
          return ValuePaths.update(values, name, value -> recode(value, step.map()))
              ? List.of(name)
              : null;
        }
      case CONVERT:
        {
          String old = step.variables().get(0);
          String name = renamed.getOrDefault(old, old);
          Optional<Integer> decimals =
              targetVariable(step, renames.getOrDefault(old, old), version)
                  .flatMap(Variable::decimals);
          return ValuePaths.update(values, name, value -> convert(value, step, decimals))
              ? List.of(name)
              : null;
        }
      default:
        { // SPLIT and MERGE: new variables computed from the previous version's record.
          if (step.variables().stream().noneMatch(values::containsKey)) return null;
          step.variables().forEach(values::remove);
          List<String> wrote = new ArrayList<>();
          for (Map.Entry<String, Formula> into : step.into().entrySet()) {
            Object value = raw(into.getValue().compiled().evaluate(EvaluationContext.of(typed)));
            if (value != null) {
              values.put(into.getKey(), value);
              wrote.add(into.getKey());
            }
          }
          return wrote;
        }
    }
  }

  private Optional<Variable> targetVariable(MigrationStep step, String name, String version) {
    return registry
        .atVersion(version)
        .flatMap(r -> r.form(step.form()))
        .flatMap(f -> f.variable(name));
  }

  private static Object recode(Object value, Map<String, String> map) {
    if (value instanceof String code) return map.getOrDefault(code, code);
    if (value instanceof List<?> codes) {
      List<Object> out = new ArrayList<>();
      for (Object code : codes) out.add(code instanceof String c ? map.getOrDefault(c, c) : code);
      return out;
    }
    return value; // a missing-value reason stays as it is
  }

  private static Object convert(Object value, MigrationStep step, Optional<Integer> decimals) {
    if (!(value instanceof BigDecimal number)) return value;
    BigDecimal converted = number.multiply(step.factor()).add(step.offset());
    BigDecimal rounded =
        decimals
            .map(d -> converted.setScale(d, RoundingMode.HALF_UP))
            .orElse(converted)
            .stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /**
   * An expression's value as a record holds it: dates and codes as text, numbers and booleans as
   * they are.
   */
  private static Object raw(Object value) {
    if (value == null
        || value instanceof BigDecimal
        || value instanceof Boolean
        || value instanceof String) return value;
    if (value instanceof Collection<?> codes) return codes.stream().map(String::valueOf).toList();
    return value.toString();
  }
}
