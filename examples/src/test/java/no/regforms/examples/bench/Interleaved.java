package no.regforms.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's variants measured side by side on a shared machine: each round runs every variant
 * once, in turn, and times it by the CPU time of this thread, so a change in the machine's load
 * between variants (which moves JMH's wall-clock scores of one benchmark after another) moves none
 * of them. Each variant's figure is the median of its rounds, after warm-up rounds.
 */
final class Interleaved {

  /** One variant: a pass over the data. */
  interface Pass {
    void run(Blackhole sink) throws Exception;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Interleaved() {}

  /** Median CPU milliseconds per pass of each variant, by name. */
  static Map<String, Double> measure(Map<String, Pass> variants, int warmups, int rounds)
      throws Exception {
    Blackhole sink =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    Map<String, List<Double>> times = new LinkedHashMap<>();
    variants.keySet().forEach(name -> times.put(name, new ArrayList<>()));
    for (int round = 0; round < warmups + rounds; round++) {
      for (Map.Entry<String, Pass> variant : variants.entrySet()) {
        long start = THREADS.getCurrentThreadCpuTime();
        variant.getValue().run(sink);
        double millis = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        if (round >= warmups) times.get(variant.getKey()).add(millis);
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    times.forEach((name, list) -> medians.put(name, ProcessSection.median(list)));
    return medians;
  }
}
