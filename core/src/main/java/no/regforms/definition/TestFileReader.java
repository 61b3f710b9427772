package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.SourceLocation;

/**
 * Reads the {@code tests/*.json} of one registry folder: JSON with locations, checked against the
 * test-file schema, then into {@link RegistryTests}. Every problem of every file is collected.
 */
final class TestFileReader {

  static final String FOLDER = "tests";

  private final SchemaChecker schemas;
  private final List<Issue> issues = new ArrayList<>();

  TestFileReader(SchemaChecker schemas) {
    this.schemas = schemas;
  }

  RegistryTests read(DefinitionSource source) {
    List<RegistryTests.TestFile> files = new ArrayList<>();
    List<String> names;
    try {
      names = source.files(FOLDER);
    } catch (IOException e) {
      issues.add(
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot list the folder: " + e.getMessage(),
              SourceLocation.of(FOLDER, 0, 0, "")));
      names = List.of();
    }
    for (String name : names) {
      parse(source, name).ifPresent(doc -> files.add(read(doc)));
    }
    return new RegistryTests(files, Diagnostics.of(issues));
  }

  private Optional<JsonDocument> parse(DefinitionSource source, String file) {
    try {
      JsonDocument.Result parsed = JsonDocument.parse(file, source.read(file));
      if (parsed.issue() != null) {
        issues.add(parsed.issue());
        return Optional.empty();
      }
      List<Issue> violations = schemas.check(parsed.document(), SchemaChecker.FileKind.TEST);
      issues.addAll(violations);
      return violations.isEmpty() ? Optional.of(parsed.document()) : Optional.empty();
    } catch (IOException e) {
      issues.add(
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot read the file: " + e.getMessage(),
              SourceLocation.of(file, 0, 0, "")));
      return Optional.empty();
    }
  }

  private RegistryTests.TestFile read(JsonDocument doc) {
    JsonFields root = new JsonFields(doc.root(), "");
    Map<String, JsonFields> byName = new LinkedHashMap<>();
    List<RegistryTests.RecordCase> records = new ArrayList<>();
    for (JsonFields test : root.objects("records")) {
      String name = test.text("name");
      if (byName.putIfAbsent(name, test) != null) {
        issues.add(
            Issue.error(
                    IssueCode.DUPLICATE_ID,
                    "two record cases are named '" + name + "'",
                    doc.locate(test.pointer("name")))
                .withHint(
                    "first at line "
                        + doc.locate(byName.get(name).pointer()).line()
                        + "; give each case its own name"));
      }
      records.add(
          new RegistryTests.RecordCase(
              name,
              test.node().get("record").toString(),
              expectedIssues(test),
              computed(test),
              test.pointer()));
    }
    List<RegistryTests.IndicatorCase> indicators = new ArrayList<>();
    for (JsonFields fixture : root.objects("indicators")) {
      List<String> fixtureRecords = new ArrayList<>();
      JsonNode listed = fixture.node().get("records");
      for (int i = 0; i < listed.size(); i++) {
        JsonNode entry = listed.get(i);
        if (!entry.isTextual()) {
          fixtureRecords.add(entry.toString());
        } else if (byName.containsKey(entry.asText())) {
          fixtureRecords.add(byName.get(entry.asText()).node().get("record").toString());
        } else {
          Issue issue =
              Issue.error(
                  IssueCode.INVALID_VALUE,
                  "no record case of this file is named '" + entry.asText() + "'",
                  doc.locate(fixture.pointer("records") + "/" + i));
          issues.add(
              NameSuggester.hint(entry.asText(), byName.keySet())
                  .map(issue::withHint)
                  .orElse(issue.withHint("name a case of \"records\", or write the record here")));
        }
      }
      JsonFields group = new JsonFields(fixture.node().path("group"), fixture.pointer("group"));
      JsonFields expect = new JsonFields(fixture.node().get("expect"), fixture.pointer("expect"));
      indicators.add(
          new RegistryTests.IndicatorCase(
              fixture.text("name"),
              fixture.text("indicator"),
              fixture.integer("year").orElse(0),
              fixtureRecords,
              group.optionalText("level").orElse("national"),
              group.optionalText("id").orElse("national"),
              new RegistryTests.Expectation(
                  count(expect, "numerator"),
                  count(expect, "denominator"),
                  expect.decimal("value"),
                  expect.optionalText("level"),
                  expect.has("suppressed")
                      ? Optional.of(expect.bool("suppressed"))
                      : Optional.empty()),
              fixture.pointer()));
    }
    return new RegistryTests.TestFile(
        doc.file(), root.date("today"), records, indicators, doc::locate);
  }

  private static List<RegistryTests.ExpectedIssue> expectedIssues(JsonFields test) {
    List<RegistryTests.ExpectedIssue> out = new ArrayList<>();
    JsonNode listed = test.node().path("issues");
    for (int i = 0; i < listed.size(); i++) {
      JsonNode entry = listed.get(i);
      String pointer = test.pointer("issues") + "/" + i;
      if (entry.isTextual()) {
        out.add(
            new RegistryTests.ExpectedIssue(
                entry.asText(), Optional.empty(), Optional.empty(), pointer));
      } else {
        JsonFields issue = new JsonFields(entry, pointer);
        out.add(
            new RegistryTests.ExpectedIssue(
                issue.text("code"),
                issue.optionalText("path"),
                issue.optionalText("severity"),
                pointer));
      }
    }
    return out;
  }

  private static Map<String, JsonNode> computed(JsonFields test) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (test.node().get("computed") instanceof ObjectNode values) {
      values.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static OptionalLong count(JsonFields expect, String key) {
    return expect.has(key)
        ? OptionalLong.of(expect.node().get(key).asLong())
        : OptionalLong.empty();
  }
}
