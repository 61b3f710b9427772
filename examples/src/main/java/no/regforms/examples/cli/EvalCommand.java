package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.expression.CompilationResult;
import no.regforms.expression.EvaluationContext;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.ExpressionOrigin;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordLimits;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms eval}: evaluates one expression against one record, as the validator would see the
 * record (hidden values removed, computed values derived), and prints the value as JSON.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate an expression against a record; prints the value as JSON (null when unknown).")
final class EvalCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--form", required = true, description = "Form id.")
  String form;

  @Option(names = "--record", paramLabel = "<file or JSON>",
      description = "A record file (the record format), or the record's JSON itself; without it, an empty record. Never printed.")
  String record;

  @Parameters(paramLabel = "<expression>", description = "The expression, e.g. \"months_between(onset, diagnosis_date)\".")
  String expression;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    Optional<Form> target = RegistryOptions.form(loaded.get(), form, err);
    if (target.isEmpty()) return Main.USAGE;
    CompilationResult compiled = ExpressionCompiler.create()
        .compile(expression, target.get().environment(), ExpressionOrigin.inline("<expression>"));
    if (compiled.hasErrors()) {
      err.println(compiled.diagnostics().toDisplayString());
      err.flush();
      return Main.USAGE;
    }
    Map<String, Object> values = Map.of();
    boolean recordHasErrors = false;
    if (record != null) {
      RecordLine line;
      try {
        line = RecordParser.parse(recordJson());
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
      ValidationResult result = RecordValidator.of(loaded.get()).validate(line.record().orElseThrow());
      values = result.values();
      recordHasErrors = result.hasErrors();
      if (recordHasErrors) {
        err.printf("note: the record has %s; values with errors count as unknown%n",
            Plural.of(result.diagnostics().errors().size(), "error"));
        err.flush();
      }
    }
    Object value = compiled.expressionOrThrow().evaluate(EvaluationContext.of(values));
    out.println(toJson(value));
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
    if (bytes.length > limit) throw new UnreadableRecord(Main.DATA_ERRORS, "the file is longer than " + limit + " bytes");
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
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) return nodes.nullNode();
    if (value instanceof BigDecimal number) return nodes.numberNode(number.stripTrailingZeros().scale() < 0
        ? number.setScale(0) : number.stripTrailingZeros());
    if (value instanceof Boolean bool) return nodes.booleanNode(bool);
    if (value instanceof String text) return nodes.textNode(text);
    if (value instanceof TemporalAccessor) return nodes.textNode(value.toString());
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      list.forEach(element -> array.add(toJson(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      var object = nodes.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
      return object;
    }
    return new ObjectMapper().valueToTree(value);
  }
}
