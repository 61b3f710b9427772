package no.regforms.examples.bench;

final class FormEngineSection {
  FormEngineSection(BenchConfig config, BenchData data) {}
  void run(RatioTable table) { throw new UnsupportedOperationException("todo"); }
}
