package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Form;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the JSON Schemas with Everit against sample and generated records, beside the engine's
 * validator.
 */
class JsonSchemaExportTest {

  /**
   * Errors that are about a value's type, format, range or code, which a schema must reject too.
   */
  private static final Set<IssueCode> SCHEMA_ERRORS =
      EnumSet.of(
          IssueCode.INVALID_TYPE,
          IssueCode.UNKNOWN_CODE,
          IssueCode.UNDEFINED_VARIABLE,
          IssueCode.MISSING_REASON_NOT_ALLOWED,
          IssueCode.TOO_MANY_ROWS,
          IssueCode.TOO_MANY_CHOICES,
          IssueCode.TOO_LONG,
          IssueCode.PATTERN_MISMATCH,
          IssueCode.INVALID_FORMAT,
          IssueCode.DUPLICATE_CHOICE);

  private static Map<String, Schema> schemas(Registry registry) {
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.JSONSCHEMA);
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (Form form : registry.forms().values()) {
      String text = result.fileOrThrow(JsonSchemaExport.fileName(form)).content();
      schemas.put(
          form.id(),
          SchemaLoader.builder()
              .draftV7Support()
              .useDefaults(false)
              .schemaJson(new JSONObject(text))
              .build()
              .load()
              .build());
    }
    return schemas;
  }

  private static boolean accepts(Schema schema, String json) {
    try {
      schema.validate(new JSONObject(json));
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void export_everyForm_writesOneDraft07SchemaPerForm(String id) {
    Registry registry = Registries.load(id);
    ExportResult result = MetadataExporter.create().export(registry, ExportFormat.JSONSCHEMA);
    assertThat(result.files()).hasSize(registry.forms().size());
    for (Form form : registry.forms().values()) {
      JSONObject schema =
          new JSONObject(result.fileOrThrow(JsonSchemaExport.fileName(form)).content());
      assertThat(schema.getString("$schema")).isEqualTo(JsonSchemaExport.DRAFT_07);
      assertThat(
              schema
                  .getJSONObject("properties")
                  .getJSONObject("values")
                  .getJSONObject("properties")
                  .keySet())
          .containsAll(form.variables().keySet())
          .containsAll(form.repeats().keySet());
    }
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void schema_sampleRecords_acceptsEveryRecordTheValidatorAccepts(String id) throws IOException {
    Registry registry = Registries.load(id);
    Map<String, Schema> schemas = schemas(registry);
    RecordValidator validator = RecordValidator.of(registry, GeneratedRecords.CLOCK);
    int accepted = 0;
    int rejectedByBoth = 0;
    for (String file : List.of("valid", "invalid")) {
      for (String line : Registries.samples(id, file)) {
        RecordLine parsed = RecordParser.parse(line, 1);
        if (parsed.record().isEmpty() || !schemas.containsKey(parsed.record().get().form()))
          continue;
        ValidationResult verdict = validator.validate(parsed.record().get());
        boolean schemaAccepts = accepts(schemas.get(parsed.record().get().form()), line);
        if (verdict.isValid()) {
          assertThat(schemaAccepts)
              .as("schema accepts a record the validator accepts: %s", file)
              .isTrue();
          accepted++;
        } else if (verdict.diagnostics().errors().stream()
            .map(Issue::code)
            .anyMatch(SCHEMA_ERRORS::contains)) {
          assertThat(schemaAccepts)
              .as(
                  "schema rejects a record with %s",
                  verdict.diagnostics().errors().stream().map(Issue::code).toList())
              .isFalse();
          rejectedByBoth++;
        }
      }
    }
    assertThat(accepted).as("valid sample records").isPositive();
    assertThat(rejectedByBoth).as("sample records with type or code errors").isPositive();
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void schema_syntheticAndSampleRecords_agreesWithValidator(String id) throws IOException {
    Registry registry = Registries.load(id);
    Map<String, Schema> schemas = schemas(registry);
    RecordValidator validator = RecordValidator.of(registry, GeneratedRecords.CLOCK);
    int accepted = 0;
    List<Record> records = new ArrayList<>(GeneratedRecords.samples(id));
    GeneratedRecords.generate(registry, 20, 0.4)
        .forEach(generated -> records.add(generated.record()));
    for (Record record : records) {
      String json = GeneratedRecords.json(record);
      ValidationResult verdict = validator.validate(GeneratedRecords.parse(json));
      boolean schemaAccepts = accepts(schemas.get(record.form()), json);
      if (verdict.isValid()) {
        assertThat(schemaAccepts)
            .as("schema of %s accepts a record the validator accepts", record.form())
            .isTrue();
        accepted++;
      } else if (verdict.diagnostics().errors().stream()
          .map(Issue::code)
          .anyMatch(SCHEMA_ERRORS::contains)) {
        assertThat(schemaAccepts).as("schema rejects a record with %s", codes(verdict)).isFalse();
      }
    }
    assertThat(accepted).as("records accepted").isGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void schema_brokenValues_rejectedByBothSchemaAndValidator(String id) throws IOException {
    Registry registry = Registries.load(id);
    Map<String, Schema> schemas = schemas(registry);
    RecordValidator validator = RecordValidator.of(registry, GeneratedRecords.CLOCK);
    Map<String, Record> validByForm = new LinkedHashMap<>();
    List<Record> bases = new ArrayList<>(GeneratedRecords.samples(id));
    GeneratedRecords.generate(registry, 2, 0).forEach(generated -> bases.add(generated.record()));
    for (Record base : bases) {
      if (validator.validate(base).isValid()) validByForm.putIfAbsent(base.form(), base);
    }
    assertThat(validByForm.size())
        .as("forms with a valid record to break")
        .isGreaterThanOrEqualTo(registry.forms().size() / 2);
    int mutations = 0;
    for (Record valid : validByForm.values()) {
      Form form = registry.formOrThrow(valid.form());
      Schema schema = schemas.get(form.id());
      for (Map<String, Object> broken : broken(registry, form, valid.values().asMap())) {
        String json = GeneratedRecords.json(valid, broken);
        ValidationResult verdict = validator.validate(GeneratedRecords.parse(json));
        assertThat(verdict.hasErrors()).as("validator rejects broken %s", form.id()).isTrue();
        assertThat(accepts(schema, json))
            .as("schema of %s rejects what the validator rejects (%s)", form.id(), codes(verdict))
            .isFalse();
        mutations++;
      }
    }
    assertThat(mutations).isGreaterThan(registry.forms().size() * 5);
  }

  private static List<IssueCode> codes(ValidationResult verdict) {
    return verdict.diagnostics().errors().stream().map(Issue::code).toList();
  }

  /**
   * Copies of {@code valid}, each with one value of the wrong type, out of range, an unknown code,
   * or an undefined key.
   */
  private static List<Map<String, Object>> broken(
      Registry registry, Form form, Map<String, Object> valid) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> undefined = new LinkedHashMap<>(valid);
    undefined.put("zz_not_defined", 1);
    out.add(undefined);
    for (Variable v : form.variables().values()) {
      if (v.isComputed()) continue;
      for (Object bad : badValues(registry, v)) {
        Map<String, Object> copy = new LinkedHashMap<>(valid);
        copy.put(v.id(), bad);
        out.add(copy);
      }
    }
    return out;
  }

  private static List<Object> badValues(Registry registry, Variable v) {
    List<Object> bad = new ArrayList<>();
    switch (v.type()) {
      case INTEGER:
      case DECIMAL:
        bad.add("12");
        v.range().flatMap(Range::numericMax).ifPresent(max -> bad.add(max.add(BigDecimal.ONE)));
        v.range()
            .flatMap(Range::numericMin)
            .ifPresent(min -> bad.add(min.subtract(BigDecimal.ONE)));
        break;
      case TEXT:
        bad.add(12);
        v.maxLength().ifPresent(max -> bad.add("x".repeat(max + 1)));
        break;
      case BOOLEAN:
        bad.add("ja");
        break;
      case DATE:
        bad.add("15.01.2024");
        bad.add("2012-13-45");
        bad.add("2023-02-30");
        bad.add("2023-02-29");
        bad.add("2023-04-31");
        break;
      case YEARMONTH:
        bad.add("2024-13");
        bad.add("2024-00");
        break;
      case DATETIME:
        bad.add("2024-01-15 10:00");
        bad.add("2023-02-30T10:00");
        bad.add("2024-01-15T24:00");
        break;
      case CODE:
        bad.add("zz_no_such_code");
        bad.add(List.of("zz"));
        break;
      case CODES:
        bad.add(List.of("zz_no_such_code"));
        bad.add("zz");
        String code =
            registry.codeList(v.codeList().orElseThrow()).orElseThrow().codes().get(0).code();
        bad.add(List.of(code, code));
        break;
      default:
        break;
    }
    bad.add(Map.of("missing", "zz_no_such_reason"));
    return bad;
  }

  @ParameterizedTest
  @MethodSource("no.regforms.export.Registries#real")
  void schema_recordWithoutValues_rejected(String id) {
    Registry registry = Registries.load(id);
    Map<String, Schema> schemas = schemas(registry);

    for (Form form : registry.forms().values()) {
      assertThat(
              accepts(
                  schemas.get(form.id()),
                  "{\"registry\": \"" + id + "\", \"form\": \"" + form.id() + "\"}"))
          .as("record of %s without values", form.id())
          .isFalse();
    }
  }
}
