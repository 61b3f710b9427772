package no.regforms.examples.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs another program's {@code main} in this JVM and, when the JVM exits, writes its peak resident
 * set size (Linux's {@code VmHWM}, in KiB) to the file named by {@code -Dpeak.file}: the whole
 * process's peak, as the operating system counts it, whatever the program's heap did.
 *
 * <pre>
 * {@code java -Dpeak.file=peak.txt -cp ... PeakRss no.regforms.examples.cli.Main indicators ...}
 * </pre>
 */
public final class PeakRss {

  private PeakRss() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("peak.file"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    String hwm =
                        Files.readAllLines(Path.of("/proc/self/status")).stream()
                            .filter(l -> l.startsWith("VmHWM:"))
                            .findFirst()
                            .orElse("VmHWM: -1 kB");
                    Files.writeString(out, hwm.replaceAll("[^0-9-]", ""));
                  } catch (IOException e) {
                    // no /proc: the caller reports the peak as unknown
                  }
                }));
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
