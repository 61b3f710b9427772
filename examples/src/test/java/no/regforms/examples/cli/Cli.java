package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.regforms.testing.SampleRecords;

/** Runs the command line in this JVM with its own streams, as the tests of the commands need it. */
final class Cli {

  /** The repository root, for the definition modules' sample records. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  /** What a run gave: exit code, standard output and standard error. */
  record Run(int exit, String out, String err) {
    /** Standard output as JSON lines. */
    List<JsonNode> jsonLines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        try {
          if (!line.isBlank()) lines.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return lines;
    }

    /** The last line of standard output as JSON: the summary of validate. */
    JsonNode summary() {
      List<JsonNode> lines = jsonLines();
      return lines.get(lines.size() - 1);
    }

    /** Both streams, for assertion descriptions. */
    String both() {
      return out + err;
    }
  }

  /** Runs {@code args} with empty standard input, not on a terminal, showing no progress. */
  static Run run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  /** Runs {@code args} reading {@code stdin}. */
  static Run run(InputStream stdin, String... args) {
    return run(new Main.Invocation(stdin, false, Duration.ofDays(1), Duration.ofDays(1)), args);
  }

  /** Runs {@code args} as {@code invocation} starts them. */
  static Run run(Main.Invocation invocation, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(invocation, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The valid records of definition module {@code id}'s own tests, as a JSON Lines file. */
  static Path samples(String id) {
    return SampleRecords.jsonl(id, "valid");
  }
}
