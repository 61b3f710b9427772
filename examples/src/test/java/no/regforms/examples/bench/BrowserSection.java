package no.regforms.examples.bench;

final class BrowserSection {
  BrowserSection(BenchConfig config) {}
  void run(RatioTable table) { throw new UnsupportedOperationException("todo"); }
}
