package no.regforms.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run measured on, taken at its start: ratios are comparable across machines,
 * absolute times are not, and a loaded machine widens every error bar.
 */
record MachineInfo(
    String cpu, int cores, long memoryMiB, String jvm, String os, double loadAtStart) {

  static MachineInfo now() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getTotalMemorySize() >> 20
            : -1;
    return new MachineInfo(
        cpuModel().orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        os.getSystemLoadAverage());
  }

  private static Optional<String> cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** One line for the report's header. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %d MiB; %s; %s; load average %.2f at start",
        cpu,
        cores,
        memoryMiB,
        jvm,
        os,
        loadAtStart);
  }
}
