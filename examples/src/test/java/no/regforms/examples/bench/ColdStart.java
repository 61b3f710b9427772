package no.regforms.examples.bench;

import no.regforms.definition.DefinitionLoader;

/**
 * Loads one registry in a fresh JVM and prints how long {@link DefinitionLoader} took, in
 * milliseconds of wall time and of the loading thread's CPU time (the second moves less on a busy
 * machine): the start a command pays before its first record. {@code none} loads nothing (the bare
 * JVM's start, for the whole-process baseline).
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) {
    if (args[0].equals("none")) {
      System.out.println("0 0");
      return;
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    DefinitionLoader.create().loadModule(args[0]).registryOrThrow();
    System.out.printf(
        java.util.Locale.ROOT,
        "%.1f %.1f%n",
        (System.nanoTime() - start) / 1e6,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
  }
}
