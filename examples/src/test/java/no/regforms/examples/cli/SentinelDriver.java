package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Runs command lines one after another in one JVM, through the same entry point as {@code
 * ./regforms} (real standard output and error, the logging the JVM was started with), and after
 * each prints {@code == exit <code>}. Started as its own process by {@link HealthDataTest}.
 */
final class SentinelDriver {

  private SentinelDriver() {}

  /** {@code args[0]}: a file with one JSON array of arguments per line. */
  public static void main(String[] args) throws Exception {
    System.out.println(
        "== trace enabled: " + LoggerFactory.getLogger(SentinelDriver.class).isTraceEnabled());
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String[] command = json.readValue(line, String[].class);
      int exit = Main.run(command);
      System.out.flush();
      System.err.flush();
      System.out.println("== exit " + exit + " " + command[0]);
    }
  }
}
