package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.SourceLocation;

/**
 * The tests a registry folder carries in {@code tests/*.json}: records with the issues they must
 * give and the computed values they must have, and indicator fixtures with the result they must
 * give. Read by {@link DefinitionLoader#loadTests(java.nio.file.Path)}; run by {@link
 * no.regforms.registrytest.RegistryTestRunner}.
 *
 * <p>Immutable.
 *
 * @param files the test files, by file name
 * @param diagnostics every problem of the test files themselves (syntax, schema, unknown record
 *     names)
 */
public record RegistryTests(List<TestFile> files, Diagnostics diagnostics) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public RegistryTests {
    files = List.copyOf(files);
    Objects.requireNonNull(diagnostics, "diagnostics");
  }

  /** How many cases (records and indicator fixtures) the files hold. */
  public int caseCount() {
    return files.stream().mapToInt(f -> f.records().size() + f.indicators().size()).sum();
  }

  /**
   * One file of {@code tests/}.
   *
   * @param file the file, relative to the registry folder ({@code tests/course.json})
   * @param today the date records are checked on, when the file fixes one
   * @param records the record cases
   * @param indicators the indicator fixtures
   * @param locator the line and column of any JSON pointer of the file
   */
  public record TestFile(
      String file,
      Optional<LocalDate> today,
      List<RecordCase> records,
      List<IndicatorCase> indicators,
      Function<String, SourceLocation> locator) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public TestFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(today, "today");
      records = List.copyOf(records);
      indicators = List.copyOf(indicators);
      Objects.requireNonNull(locator, "locator");
    }

    /** Where {@code pointer} is in the file, or its nearest enclosing value. */
    public SourceLocation locate(String pointer) {
      return locator.apply(pointer);
    }
  }

  /**
   * A record and what it must give.
   *
   * @param name the case's name
   * @param record the record, as the JSON a records file holds on one line
   * @param issues every issue it must give, and no other
   * @param computed computed values it must have, by path; a JSON null: no value
   * @param pointer the case's JSON pointer in its file
   */
  public record RecordCase(
      String name,
      String record,
      List<ExpectedIssue> issues,
      Map<String, JsonNode> computed,
      String pointer) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public RecordCase {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(record, "record");
      issues = List.copyOf(issues);
      computed = Collections.unmodifiableMap(new LinkedHashMap<>(computed));
      Objects.requireNonNull(pointer, "pointer");
    }
  }

  /**
   * An issue a record must give.
   *
   * @param code the issue code ({@code out_of_range})
   * @param path the value's path, when the test names it
   * @param severity {@code error} or {@code warning}, when the test names it
   * @param pointer the expectation's JSON pointer in its file
   */
  public record ExpectedIssue(
      String code, Optional<String> path, Optional<String> severity, String pointer) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public ExpectedIssue {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(pointer, "pointer");
    }

    /** As the test file says it: {@code out_of_range at sessions[2].charge (error)}. */
    public String describe() {
      return code
          + path.map(p -> " at " + p).orElse("")
          + severity.map(s -> " (" + s + ")").orElse("");
    }
  }

  /**
   * An indicator fixture: records, and the result one group must get.
   *
   * @param name the fixture's name
   * @param indicator the indicator's id
   * @param year the year the cases count for
   * @param records the records, as JSON
   * @param groupLevel {@code unit}, {@code hf}, {@code rhf} or {@code national}
   * @param group the group's id
   * @param expect the expected result
   * @param pointer the fixture's JSON pointer in its file
   */
  public record IndicatorCase(
      String name,
      String indicator,
      int year,
      List<String> records,
      String groupLevel,
      String group,
      Expectation expect,
      String pointer) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public IndicatorCase {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(indicator, "indicator");
      records = List.copyOf(records);
      Objects.requireNonNull(groupLevel, "groupLevel");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(expect, "expect");
      Objects.requireNonNull(pointer, "pointer");
    }
  }

  /**
   * What an indicator result must be; each part is checked only when given.
   *
   * @param numerator cases in the numerator
   * @param denominator cases counted
   * @param value the share, mean or median, compared to four decimals
   * @param level {@code high}, {@code medium}, {@code low}, or {@code none} for no level
   * @param suppressed whether the result is hidden
   */
  public record Expectation(
      OptionalLong numerator,
      OptionalLong denominator,
      Optional<BigDecimal> value,
      Optional<String> level,
      Optional<Boolean> suppressed) {

    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Expectation {
      Objects.requireNonNull(numerator, "numerator");
      Objects.requireNonNull(denominator, "denominator");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(suppressed, "suppressed");
    }
  }
}
