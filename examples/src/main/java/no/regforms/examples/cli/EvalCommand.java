package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.expression.CompilationResult;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.Explanation;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.ExpressionOrigin;
import no.regforms.record.RecordLimits;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.Decision;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms eval}: evaluates one expression against one record, as the validator would see
 * the record (hidden values removed, computed values derived), and prints the value as JSON.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate an expression against a record; prints the value as JSON (null when unknown).")
final class EvalCommand implements Callable<Integer> {

  private static final ObjectMapper RECORDS = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--form", required = true, description = "Form id.")
  String form;

  @Option(
      names = "--record",
      paramLabel = "<file or JSON>",
      description =
          "A record file (the record format), or the record's JSON itself; without it, an empty record. Never printed.")
  String record;

  @Option(
      names = "--explain",
      description =
          "Also print why: the value of every part of the expression and why each unknown"
              + " name is unknown; without an expression, why the record's items are hidden, how its values are computed and why"
              + " its rules fail.")
  boolean explain;

  @Parameters(
      paramLabel = "<expression>",
      arity = "0..1",
      description =
          "The expression, e.g. \"months_between(onset, diagnosis_date)\"; optional with --explain.")
  String expression;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    Optional<Form> target = RegistryOptions.form(loaded.get(), form, err);
    if (target.isEmpty()) return Main.USAGE;
    if (expression == null && !explain) {
      err.println(
          "eval: give an expression, or --explain to explain the record's hidden items, computed values and failed rules");
      err.flush();
      return Main.USAGE;
    }
    CompilationResult compiled = null;
    if (expression != null) {
      compiled =
          ExpressionCompiler.create()
              .compile(
                  expression, target.get().environment(), ExpressionOrigin.inline("<expression>"));
      if (compiled.hasErrors()) {
        err.println(compiled.diagnostics().toDisplayString());
        err.flush();
        return Main.USAGE;
      }
    }
    Map<String, Object> values = Map.of();
    boolean recordHasErrors = false;
    List<Decision> decisions = List.of();
    if (record != null) {
      RecordLine line;
      try {
        line = RecordParser.parse(asRecord(recordJson(), loaded.get().id(), form));
      } catch (UnreadableRecord e) {
        err.println("eval: --record: " + e.getMessage());
        err.flush();
        return e.exitCode;
      }
      if (line.problem().isPresent()) {
        err.println("eval: --record: " + line.problem().get().text());
        err.flush();
        return Main.DATA_ERRORS;
      }
      RecordValidator validator = RecordValidator.of(loaded.get());
      ValidationResult result = validator.validate(line.record().orElseThrow(), form);
      values = result.values();
      if (explain) {
        decisions =
            compiled != null
                ? List.of(validator.explain(line.record().get(), compiled.expressionOrThrow()))
                : validator.explain(line.record().get());
      }
      recordHasErrors = result.hasErrors();
      if (recordHasErrors) {
        err.printf(
            "note: the record has %s; values with errors count as unknown%n",
            Plural.of(result.diagnostics().errors().size(), "error"));
        err.flush();
      }
    }
    if (compiled != null) {
      EvaluationContext context = EvaluationContext.of(values);
      out.println(toJson(compiled.expressionOrThrow().evaluate(context)));
      if (explain && record == null)
        ExplanationText.print(compiled.expressionOrThrow().explain(context), out);
    }
    for (Decision decision : decisions) {
      if (decision.kind() == Decision.Kind.EXPRESSION) {
        ExplanationText.print(decision.explanation(), decision.unknown(), out);
      } else {
        ExplanationText.print(decision, out);
      }
    }
    out.flush();
    return recordHasErrors ? Main.DATA_ERRORS : Main.OK;
  }

  /**
   * The record's JSON: the argument itself when it is an object, else the file it names. The
   * argument is never echoed: it may be a record typed in the wrong place.
   */
  private String recordJson() throws UnreadableRecord {
    if (record.trim().startsWith("{")) return record;
    int limit = RecordLimits.DEFAULTS.maxRecordBytes();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(Path.of(record))) {
      bytes = in.readNBytes(limit + 1);
    } catch (IOException | InvalidPathException e) {
      throw new UnreadableRecord(Main.USAGE, "names no readable file and is not a JSON object");
    }
    if (bytes.length > limit)
      throw new UnreadableRecord(Main.DATA_ERRORS, "the file is longer than " + limit + " bytes");
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableRecord(Main.DATA_ERRORS, "the file is not UTF-8 text");
    }
  }

  /** Why {@code --record} could not be read, and the exit code that says so. */
  private static final class UnreadableRecord extends Exception {
    final int exitCode;

    UnreadableRecord(int exitCode, String message) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }
  }

  static JsonNode toJson(Object value) {
    return Explanation.valueToJson(value);
  }

  /**
   * {@code json} as a record of the form given: a record ({@code {"registry", "form", "values"}})
   * stays as it is; any other object is taken as the form's values, as a developer types them.
   */
  static String asRecord(String json, String registryId, String formId) {
    JsonNode node;
    try {
      node = RECORDS.readTree(json);
    } catch (IOException e) {
      return json; // the record parser reports where the JSON breaks
    }
    if (node == null || !node.isObject()) return json;
    boolean wrapped = node.path("values").isObject() && (node.has("form") || node.has("registry"));
    if (wrapped) return json;
    com.fasterxml.jackson.databind.node.ObjectNode record = RECORDS.createObjectNode();
    record.put("registry", registryId);
    record.put("form", formId);
    record.set("values", node);
    return record.toString();
  }
}
