package no.regforms.examples.bench;

final class ProcessSection {
  ProcessSection(BenchConfig config, BenchData data) {}
  void indicators(RatioTable table) { throw new UnsupportedOperationException("todo"); }
  void coldStart(RatioTable table) { throw new UnsupportedOperationException("todo"); }
}
