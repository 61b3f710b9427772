package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.validation.RecordValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms validate}: validates a JSON Lines file of records, printing one JSON line per record
 * with issues and a summary line. Exit 1 if any record has an error, 2 on usage or definition errors.
 */
@Command(name = "validate", description = "Validate records (JSON Lines) against a registry form.")
final class ValidateCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--form", description = "Form id; records of other forms are reported as wrong_form. Default: each record's own form.")
  String form;

  @Option(names = "--lang", defaultValue = "en", description = "Language of messages: nb or en (default ${DEFAULT-VALUE}).")
  String language;

  @Parameters(paramLabel = "<records.jsonl>", description = "Records, one JSON object per line.")
  Path records;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    if (form != null && RegistryOptions.form(loaded.get(), form, err).isEmpty()) return Main.USAGE;
    if (!Files.isReadable(records)) {
      err.printf("cannot read %s%n", records);
      err.flush();
      return Main.USAGE;
    }
    RecordValidator validator = RecordValidator.of(loaded.get());
    Counts counts = new Counts();
    try (JsonLinesRecordReader reader = new JsonLinesRecordReader(Files.newBufferedReader(records, StandardCharsets.UTF_8));
        Stream<RecordLine> lines = reader.lines()) {
      lines.forEach(line -> report(line, validator, out, counts));
    } catch (UncheckedIOException e) {
      err.printf("reading %s failed after %d records: %s%n", records, counts.records, e.getCause().getMessage());
      err.flush();
      return Main.USAGE;
    }
    ObjectNode summary = JSON.createObjectNode();
    summary.put("summary", true);
    summary.put("records", counts.records);
    summary.put("valid", counts.records - counts.withErrors);
    summary.put("withErrors", counts.withErrors);
    summary.put("withWarnings", counts.withWarnings);
    summary.put("unreadableLines", counts.unreadable);
    out.println(summary);
    out.flush();
    return counts.withErrors > 0 || counts.unreadable > 0 ? 1 : 0;
  }

  private static final class Counts {
    long records;
    long withErrors;
    long withWarnings;
    long unreadable;
  }

  private void report(RecordLine line, RecordValidator validator, PrintWriter out, Counts counts) {
    counts.records++;
    if (line.problem().isPresent()) {
      counts.unreadable++;
      counts.withErrors++;
      out.println(lineJson(line.number(), "", Diagnostics.of(java.util.List.of(line.problem().get()))));
      return;
    }
    Record record = line.record().orElseThrow();
    Diagnostics diagnostics = validator.validate(record, form != null ? form : record.form()).diagnostics();
    if (diagnostics.issues().isEmpty()) return;
    if (diagnostics.hasErrors()) counts.withErrors++;
    if (!diagnostics.warnings().isEmpty()) counts.withWarnings++;
    out.println(lineJson(line.number(), record.id(), diagnostics));
  }

  private String lineJson(long number, String id, Diagnostics diagnostics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", number);
    node.put("id", id);
    ArrayNode issues = node.putArray("issues");
    for (Issue issue : diagnostics.issues()) {
      ObjectNode item = issues.addObject();
      item.put("path", issue.location() instanceof RecordPath path ? path.path() : issue.location().display());
      item.put("code", issue.code().code());
      item.put("severity", issue.severity().label());
      item.put("message", issue.text(language));
    }
    return node.toString();
  }
}
