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
import no.regforms.migration.MigrationResult;
import no.regforms.migration.RecordMigrator;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.record.RecordLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms migrate --registry <R> --to <V> <records.jsonl> --out <file>}: carries records to
 * definition version V by the migration steps of the registry's history, writing every record
 * (those it cannot carry unchanged) and one JSON line per record it touched or could not carry,
 * naming the steps and why, never a value. Exit 1 when a line cannot be read or a record cannot be
 * carried.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Carry records to a definition version by the registry's migration steps; one JSON line per record touched, then a summary.")
final class MigrateCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "<folder or id>",
      description = "Registry folder or id.")
  String registry;

  @Option(
      names = "--to",
      paramLabel = "<version>",
      description = "The version to carry records to (default: the current one).")
  String to;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<file.jsonl>",
      description = "Where to write the migrated records.")
  Path out;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  boolean force;

  @Option(
      names = "--lang",
      defaultValue = "nb",
      paramLabel = "<language>",
      description = "Language of the steps' reasons: nb or en (default: ${DEFAULT-VALUE}).")
  String language;

  @Mixin RecordInput input;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OptionChecks.language(spec, language);
    input.check();
    AtomicOutput.check(spec, out, AtomicOutput.Kind.FILE, force);
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    String target = to == null ? loaded.get().version() : to;
    if (RegistryOptions.atVersion(loaded.get(), target, err).isEmpty()) return Main.USAGE;
    RecordMigrator migrator = RecordMigrator.of(loaded.get());
    long touched = 0;
    long unchanged = 0;
    long failed = 0;
    JsonLinesRecordReader.Counts read;
    try (AtomicOutput output = AtomicOutput.file(spec, out, force)) {
      try (JsonLinesRecordWriter writer =
              new JsonLinesRecordWriter(
                  Files.newBufferedWriter(output.path(), StandardCharsets.UTF_8));
          JsonLinesRecordReader reader = input.open();
          Stream<RecordLine> lines = reader.lines()) {
        for (RecordLine line : (Iterable<RecordLine>) lines::iterator) {
          if (line.record().isEmpty()) {
            failed++;
            stdout.println(
                problem(
                    line.number(), line.problem().map(p -> p.text()).orElse("unreadable line")));
            continue;
          }
          MigrationResult result = migrator.migrate(line.record().get(), target);
          writer.write(result.record());
          if (result.problem().isPresent()) {
            failed++;
            stdout.println(problem(line.number(), result.problem().get()));
          } else if (result.touched()) {
            touched++;
            stdout.println(
                changes(line.number(), line.record().get().version(), target, result, language));
          } else {
            unchanged++;
          }
        }
        read = reader.counts();
      } catch (UncheckedIOException e) {
        err.printf("migrate: reading %s failed: %s%n", input.name(), e.getCause().getMessage());
        err.flush();
        return Main.INTERNAL;
      }
      output.commit();
    }
    ObjectNode summary = JSON.createObjectNode();
    summary.put("summary", true);
    summary.put("linesRead", read.linesRead());
    summary.put("to", target);
    summary.put("migrated", touched);
    summary.put("unchanged", unchanged);
    summary.put("failed", failed);
    stdout.println(summary);
    stdout.flush();
    return failed > 0 ? Main.DATA_ERRORS : Main.OK;
  }

  private static String problem(long line, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", line);
    node.put("problem", message);
    return node.toString();
  }

  /**
   * What the steps did to one record, by line: the record's values and identifiers are never
   * printed.
   */
  private static String changes(
      long line, String from, String to, MigrationResult result, String language) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", line);
    node.put("from", from);
    node.put("to", to);
    ArrayNode changes = node.putArray("changes");
    for (MigrationResult.Change change : result.changes()) {
      ObjectNode c = changes.addObject();
      c.put("version", change.version());
      c.put("step", change.step());
      change.read().forEach(c.putArray("read")::add);
      change.wrote().forEach(c.putArray("wrote")::add);
      change.why().ifPresent(why -> c.put("why", why.in(language)));
    }
    return node.toString();
  }
}
