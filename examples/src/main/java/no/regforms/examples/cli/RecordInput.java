package no.regforms.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.RecordLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Where a command reads records from, and the limits on one record: the same options for {@code
 * validate} and {@code indicators}. The records file is given with {@code --data} or as the one
 * positional argument; {@code -} reads standard input.
 */
final class RecordInput {

  private static final String STDIN = "-";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--data",
      paramLabel = "<records.jsonl>",
      description =
          "Records, one JSON object per line (UTF-8), or a CSV extract (a .csv file or a folder of them, "
              + "see --layout); - reads standard input. May also be given without --data.")
  Path data;

  @Parameters(
      arity = "0..1",
      paramLabel = "<records.jsonl>",
      description = "The records file, as --data.")
  Path positional;

  @Option(
      names = "--max-record-bytes",
      paramLabel = "<n>",
      description =
          "Longest record line in bytes; longer lines are reported and skipped (default: ${DEFAULT-VALUE}).")
  int maxRecordBytes = RecordLimits.DEFAULTS.maxRecordBytes();

  @Option(
      names = "--max-depth",
      paramLabel = "<n>",
      description =
          "Deepest nesting of arrays and objects in a record (default: ${DEFAULT-VALUE}).")
  int maxDepth = RecordLimits.DEFAULTS.maxNestingDepth();

  @Option(
      names = "--max-string-length",
      paramLabel = "<n>",
      description = "Longest text in a record, in characters (default: ${DEFAULT-VALUE}).")
  int maxStringLength = RecordLimits.DEFAULTS.maxStringLength();

  @Option(
      names = "--max-number-length",
      paramLabel = "<n>",
      description = "Longest number in a record, in characters (default: ${DEFAULT-VALUE}).")
  int maxNumberLength = RecordLimits.DEFAULTS.maxNumberLength();

  /** Checks the options before any work: one input that can be read, limits in range. */
  void check() {
    if (data != null && positional != null) {
      throw usage("give the records once: with --data or as the argument, not both");
    }
    if (file() == null) {
      throw usage("name the records file with --data <records.jsonl> (or - for standard input)");
    }
    if (isExtract()) {
      if (!Files.isReadable(file()))
        throw usage("cannot read " + file() + ": no such file or folder");
    } else if (!isStdin() && (!Files.isRegularFile(file()) || !Files.isReadable(file()))) {
      throw usage(
          "cannot read "
              + file()
              + (Files.isDirectory(file()) ? ": it is a folder" : ": no such file"));
    }
    OptionChecks.range(
        mixee, "--max-record-bytes", maxRecordBytes, 1, RecordLimits.MAX_RECORD_BYTES);
    OptionChecks.range(mixee, "--max-depth", maxDepth, 1, 1_000);
    OptionChecks.range(
        mixee, "--max-string-length", maxStringLength, 1, RecordLimits.MAX_RECORD_BYTES);
    OptionChecks.range(mixee, "--max-number-length", maxNumberLength, 1, 10_000);
  }

  /** The limits on one record. */
  RecordLimits limits() {
    return new RecordLimits(maxRecordBytes, maxDepth, maxStringLength, maxNumberLength);
  }

  /** The records file, or {@code -}. */
  Path file() {
    return data != null ? data : positional;
  }

  /** Whether the records are a CSV extract: a .csv file or a folder (of them). */
  boolean isExtract() {
    Path file = file();
    return file != null
        && !isStdin()
        && (Files.isDirectory(file)
            || file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
  }

  /** Whether the records come from standard input. */
  boolean isStdin() {
    return file() != null && file().toString().equals(STDIN);
  }

  /** The input's size in bytes, or -1 when unknown (standard input). */
  long size() {
    try {
      return isStdin() ? -1 : Files.size(file());
    } catch (IOException e) {
      return -1;
    }
  }

  /** The input as named in messages. */
  String name() {
    return isStdin() ? "standard input" : file().toString();
  }

  /** Opens the records for reading. */
  JsonLinesRecordReader open() throws IOException {
    if (isStdin()) {
      Main main = (Main) mixee.root().userObject();
      return new JsonLinesRecordReader(main.invocation().stdin(), limits());
    }
    return JsonLinesRecordReader.open(file(), limits());
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
