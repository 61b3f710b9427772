package no.regforms.registrytest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryTests;
import no.regforms.definition.RegistryTests.ExpectedIssue;
import no.regforms.definition.RegistryTests.IndicatorCase;
import no.regforms.definition.RegistryTests.RecordCase;
import no.regforms.definition.RegistryTests.TestFile;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.indicator.GroupLevel;
import no.regforms.indicator.IndicatorCalculator;
import no.regforms.indicator.IndicatorResult;
import no.regforms.indicator.IndicatorResults;
import no.regforms.indicator.RunOptions;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.LinkResolver;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;

/**
 * Runs a registry's tests ({@link RegistryTests}) against the loaded registry: each record is
 * validated and must give exactly the issues its case lists and the computed values it names; each
 * indicator fixture is computed and its group's result must match. Failures never show a record's
 * values beyond what the test file itself states.
 *
 * <pre>{@code
 * DefinitionLoader loader = DefinitionLoader.create();
 * RegistryTestReport report = RegistryTestRunner.run(loader.load(folder).registryOrThrow(), loader.loadTests(folder));
 * }</pre>
 */
public final class RegistryTestRunner {

  /** Indicator values are compared to this many decimals. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.00005");

  private final Registry registry;
  private final List<Issue> failures = new ArrayList<>();

  private RegistryTestRunner(Registry registry) {
    this.registry = registry;
  }

  /** Runs every case of {@code tests} against {@code registry}. */
  public static RegistryTestReport run(Registry registry, RegistryTests tests) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(tests, "tests");
    return new RegistryTestRunner(registry).runAll(tests);
  }

  private RegistryTestReport runAll(RegistryTests tests) {
    int cases = 0;
    int failed = 0;
    for (TestFile file : tests.files()) {
      RecordValidator validator =
          RecordValidator.of(
              registry,
              file.today()
                  .map(
                      day ->
                          Clock.fixed(
                              day.atStartOfDay(ZoneId.systemDefault()).toInstant(),
                              ZoneId.systemDefault()))
                  .orElse(Clock.systemDefaultZone()));
      LinkResolver links = linkTargets(file);
      for (RecordCase test : file.records()) {
        cases++;
        failed += check(file, test, validator, links) ? 0 : 1;
      }
      for (IndicatorCase fixture : file.indicators()) {
        cases++;
        failed += check(file, fixture) ? 0 : 1;
      }
    }
    return new RegistryTestReport(cases, failed, failures);
  }

  // ---- records
  // -----------------------------------------------------------------------------------

  private boolean check(
      TestFile file, RecordCase test, RecordValidator validator, LinkResolver links) {
    int before = failures.size();
    Optional<Record> record = read(file, test.record(), test.pointer() + "/record", test.name());
    if (record.isEmpty()) return false;
    ValidationResult result = validator.validate(record.get(), links);
    List<Issue> actual = result.diagnostics().issues();
    for (ExpectedIssue expected : test.issues()) {
      if (actual.stream().noneMatch(issue -> matches(expected, issue))) {
        fail(
            file,
            expected.pointer(),
            "'"
                + test.name()
                + "' should give "
                + expected.describe()
                + ", but it does not; it gives "
                + (actual.isEmpty() ? "no issue" : describe(actual)));
      }
    }
    for (Issue issue : actual) {
      if (test.issues().stream().noneMatch(expected -> matches(expected, issue))) {
        String where = test.pointer() + "/record/values" + pointerOf(issue.path());
        fail(
                file,
                where,
                "'"
                    + test.name()
                    + "' gives "
                    + describe(issue)
                    + ", which the test does not expect")
            .withHint(
                "list it under \"issues\" if the record is meant to give it, or correct the record");
      }
    }
    test.computed()
        .forEach(
            (path, expected) -> {
              Object value = result.computed().get(path);
              if (!sameValue(expected, value)) {
                fail(
                    file,
                    test.pointer() + "/computed/" + escape(path),
                    "'"
                        + test.name()
                        + "' computes "
                        + path
                        + " = "
                        + (value == null ? "no value" : String.valueOf(value))
                        + ", but the test expects "
                        + expected);
              }
            });
    return failures.size() == before;
  }

  private static boolean matches(ExpectedIssue expected, Issue issue) {
    return expected.code().equals(issue.code().code())
        && expected.path().map(issue.path()::equals).orElse(true)
        && expected.severity().map(issue.severity().label()::equals).orElse(true);
  }

  private static String describe(List<Issue> issues) {
    return issues.stream()
        .map(RegistryTestRunner::describe)
        .distinct()
        .collect(Collectors.joining(", "));
  }

  /** Code, path and severity: an issue's message may quote a value, which is left out. */
  private static String describe(Issue issue) {
    return issue.code().code()
        + (issue.path().isEmpty() ? "" : " at " + issue.path())
        + " ("
        + issue.severity().label()
        + ")";
  }

  /**
   * A computed value against its expected JSON value: numbers by value, dates and codes as written.
   */
  private static boolean sameValue(JsonNode expected, Object actual) {
    if (expected.isNull()) return actual == null;
    if (actual == null) return false;
    if (expected.isNumber()) {
      return actual instanceof Number number
          && new BigDecimal(number.toString()).compareTo(expected.decimalValue()) == 0;
    }
    if (expected.isBoolean()) return Boolean.valueOf(expected.asBoolean()).equals(actual);
    return expected.asText().equals(String.valueOf(actual));
  }

  // ---- indicators
  // --------------------------------------------------------------------------------

  private boolean check(TestFile file, IndicatorCase fixture) {
    int before = failures.size();
    if (!registry.indicators().containsKey(fixture.indicator())) {
      fail(
              file,
              fixture.pointer() + "/indicator",
              "registry '" + registry.id() + "' has no indicator '" + fixture.indicator() + "'")
          .withHint("its indicators: " + String.join(", ", registry.indicators().keySet()));
      return false;
    }
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < fixture.records().size(); i++) {
      read(file, fixture.records().get(i), fixture.pointer() + "/records/" + i, fixture.name())
          .ifPresent(records::add);
    }
    if (failures.size() > before) return false;
    RunOptions options =
        RunOptions.years(fixture.year()).withIndicators(Set.of(fixture.indicator()));
    if (file.today().isPresent()) options = options.withToday(file.today().get());
    IndicatorResults results =
        IndicatorCalculator.of(registry).calculate(records.iterator(), options);
    GroupLevel level = GroupLevel.fromKey(fixture.groupLevel());
    Optional<IndicatorResult> found =
        results.find(fixture.indicator(), fixture.year(), level, fixture.group());
    if (found.isEmpty()) {
      fail(
          file,
          fixture.pointer() + (fixture.groupLevel().equals("national") ? "/year" : "/group"),
          "'"
              + fixture.name()
              + "' has no result for "
              + level.key()
              + " '"
              + fixture.group()
              + "' in "
              + fixture.year()
              + (results.diagnostics().issues().isEmpty()
                  ? ""
                  : "; the run says: "
                      + results.diagnostics().issues().stream()
                          .map(Issue::text)
                          .collect(Collectors.joining("; "))));
      return false;
    }
    compare(file, fixture, found.get());
    return failures.size() == before;
  }

  private void compare(TestFile file, IndicatorCase fixture, IndicatorResult result) {
    RegistryTests.Expectation expect = fixture.expect();
    String at = fixture.pointer() + "/expect/";
    String name = "'" + fixture.name() + "'";
    expect
        .numerator()
        .ifPresent(
            n -> {
              if (n != result.numerator())
                fail(
                    file,
                    at + "numerator",
                    name + " counts " + result.numerator() + " in the numerator, not " + n);
            });
    expect
        .denominator()
        .ifPresent(
            n -> {
              if (n != result.denominator()) {
                fail(
                    file,
                    at + "denominator",
                    name + " counts " + result.denominator() + " in the denominator, not " + n);
              }
            });
    expect
        .value()
        .ifPresent(
            v -> {
              boolean same =
                  result.value().isPresent()
                      && BigDecimal.valueOf(result.value().get())
                              .subtract(v)
                              .abs()
                              .compareTo(TOLERANCE)
                          < 0;
              if (!same) {
                fail(
                    file,
                    at + "value",
                    name
                        + " gives the value "
                        + result.value().map(String::valueOf).orElse("none")
                        + ", not "
                        + v);
              }
            });
    expect
        .level()
        .ifPresent(
            l -> {
              String actual =
                  result.attainment().map(a -> a.name().toLowerCase(Locale.ROOT)).orElse("none");
              if (!l.equals(actual))
                fail(file, at + "level", name + " reaches the level " + actual + ", not " + l);
            });
    expect
        .suppressed()
        .ifPresent(
            s -> {
              if (s != result.isSuppressed()) {
                fail(
                    file,
                    at + "suppressed",
                    name
                        + (result.isSuppressed() ? " is suppressed" : " is not suppressed")
                        + ", but the test expects "
                        + (s ? "it to be" : "it not to be"));
              }
            });
  }

  // ---- shared
  // ------------------------------------------------------------------------------------

  /**
   * The JSON pointer of a record path inside a record's values: {@code sessions[2].charge} is
   * {@code /sessions/1/charge}.
   */
  static String pointerOf(String recordPath) {
    if (recordPath.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    for (String step : recordPath.split("\\.")) {
      int bracket = step.indexOf('[');
      out.append('/').append(escape(bracket < 0 ? step : step.substring(0, bracket)));
      if (bracket >= 0 && step.endsWith("]")) {
        out.append('/')
            .append(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)) - 1);
      }
    }
    return out.toString();
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** A record's links resolve among the records of its own test file (a follow-up's course). */
  private static LinkResolver linkTargets(TestFile file) {
    List<Record> records = new java.util.ArrayList<>();
    for (RecordCase test : file.records()) {
      RecordParser.parse(test.record()).record().ifPresent(records::add);
    }
    return LinkResolver.of(records);
  }

  private Optional<Record> read(TestFile file, String json, String pointer, String name) {
    RecordLine line = RecordParser.parse(json);
    if (line.problem().isPresent()) {
      fail(
          file,
          pointer,
          "the record of '" + name + "' cannot be read: " + line.problem().get().text());
      return Optional.empty();
    }
    return line.record();
  }

  /** Records a failure at {@code pointer} of {@code file}; returns a handle to add a hint. */
  private Failure fail(TestFile file, String pointer, String message) {
    Issue issue = Issue.error(IssueCode.TEST_FAILED, message, file.locate(pointer));
    failures.add(issue);
    return new Failure(failures.size() - 1);
  }

  /** A failure just recorded, to which a hint may be added. */
  private final class Failure {
    private final int index;

    Failure(int index) {
      this.index = index;
    }

    void withHint(String hint) {
      failures.set(index, failures.get(index).withHint(hint));
    }
  }
}
