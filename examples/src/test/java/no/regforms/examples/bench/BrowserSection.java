package no.regforms.examples.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.examples.bench.RatioTable.Verdict;
import no.regforms.render.Browser;
import no.regforms.render.FormRenderer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The generated form pages in headless Chromium: keystroke to next frame (median and p95) for real
 * key presses (Chromium's DevTools input events, through chromedriver), page size and
 * DOMContentLoaded, on the forms of the three real registries and on a generated 200-item chain
 * where each answer reveals the next item.
 *
 * <p>A key's latency runs from its {@code keydown} event's time stamp to the end of the next frame:
 * a {@code requestAnimationFrame} callback queued from the key's handler, then a task queued from
 * that callback, which runs once the frame's style, layout and paint are done. Keys are sent one at
 * a time, each after the last one's frame, into the visible text and number inputs in turn (after
 * every yes/no question is answered yes, so that conditional parts show). Chromium's own counters
 * (DevTools {@code Performance.getMetrics}) say where the keys' time went: script, style, layout. A
 * bare page with one input, measured first in the same way, is the baseline: what any page gets
 * from this Chromium on this machine.
 */
final class BrowserSection {

  private static final String FRAME_PROBE =
      String.join(
          "\n",
          "window.__latencies = []; window.__frames = [];",
          "document.addEventListener('keydown', function (e) {",
          "  var start = e.timeStamp;",
          "  requestAnimationFrame(function () {",
          "    var frame = performance.now();",
          "    setTimeout(function () {",
          "      var end = performance.now();",
          "      window.__frames.push(end - frame);",
          "      window.__latencies.push(end - start);",
          "    }, 0);",
          "  });",
          "}, true);");

  private static final String AWAIT_FRAMES =
      String.join(
          "\n",
          "var done = arguments[arguments.length - 1], count = arguments[0];",
          "(function wait() { if (window.__latencies.length >= count) done(true); else setTimeout(wait, 1); })();");

  /**
   * Answers "yes" to every visible yes/no question, three rounds deep, so conditional parts show.
   */
  private static final String REVEAL =
      String.join(
          "\n",
          "for (var pass = 0; pass < 3; pass++) {",
          "  document.querySelectorAll(\".rf-form input[type=radio][value='true']\").forEach(function (e) {",
          "    if (e.offsetParent !== null && !e.checked) e.click();",
          "  });",
          "}");

  /**
   * The visible text or number input for key {@code arguments[0]}: the inputs in turn, three keys
   * each. Found in one script, so that the page's counters are not filled with chromedriver's own
   * visibility checks of every input.
   */
  private static final String NEXT_INPUT =
      String.join(
          "\n",
          "var all = document.querySelectorAll(\".rf-form [data-control='number'] .rf-input,"
              + " .rf-form [data-control='text'] .rf-input, .rf-form [data-control='textarea'] .rf-input\");",
          "var shown = Array.prototype.filter.call(all, function (e) { return e.offsetParent !== null; });",
          "return shown.length === 0 ? null : shown[Math.floor(arguments[0] / 3) % shown.length];");

  /**
   * The baseline: one text input and no script but the probe, measured as the forms are. Its p95 is
   * what Chromium alone gives on this machine: frames start on a 60 Hz tick, so a key waits up to a
   * frame for the next one whatever the page does.
   */
  private static final String BARE_PAGE =
      "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>bare</title></head>"
          + "<body><form class=\"rf-form\"><div data-control=\"text\">"
          + "<input class=\"rf-input\" type=\"text\" aria-label=\"x\"></div></form></body></html>";

  private static final String BARE_NAME = "baseline: a bare page with one input and no script";

  private final BenchConfig config;
  private double bareP95 = Double.NaN;

  BrowserSection(BenchConfig config) {
    this.config = config;
  }

  void run(RatioTable table) throws Exception {
    Path pages = config.work().resolve("pages");
    Files.createDirectories(pages);
    FormRenderer renderer = FormRenderer.create();
    try (Browser browser = Browser.start()) {
      Path bare = pages.resolve("bare-input.html");
      Files.writeString(bare, BARE_PAGE, StandardCharsets.UTF_8);
      measure(table, browser, bare, BARE_NAME, false);
      for (String id : List.of("ect", "ms", "kvarus")) {
        Registry registry = DefinitionLoader.create().loadModule(id).registryOrThrow();
        for (Form form : forms(registry)) {
          Path page = pages.resolve(id + "-" + form.id() + ".html");
          Files.writeString(
              page, renderer.renderPage(registry, form, "nb"), StandardCharsets.UTF_8);
          measure(table, browser, page, id + " " + form.id(), false);
        }
      }
      GeneratedForm chain = GeneratedForm.chain(200);
      Registry generated =
          DefinitionLoader.create()
              .load(chain.writeRegistry(config.work().resolve("chain-form")))
              .registryOrThrow();
      Path page = pages.resolve("generated-chain.html");
      Files.writeString(
          page,
          renderer.renderPage(generated, generated.formOrThrow("chain"), "nb"),
          StandardCharsets.UTF_8);
      measure(table, browser, page, "generated 200-item chain, filled in order", true);
    }
  }

  /**
   * Every form in the full run; in the quick run the first of each registry (ECT's course form).
   */
  private List<Form> forms(Registry registry) {
    List<Form> all = new ArrayList<>(registry.forms().values());
    if (!config.quick()) return all;
    return List.of(registry.form("course").orElse(all.get(0)));
  }

  private void measure(RatioTable table, Browser browser, Path page, String name, boolean inOrder) {
    List<Double> loads = new ArrayList<>();
    for (int i = 0; i < (config.quick() ? 1 : 3); i++) {
      browser.open(page);
      loads.add(
          ((Number)
                  browser.script(
                      "var t = performance.timing; return t.domContentLoadedEventEnd - t.navigationStart;"))
              .doubleValue());
    }
    if (!inOrder) browser.script(REVEAL);
    if (!inOrder && browser.script(NEXT_INPUT, 0) == null) {
      // A form of choices and dates only (KVARUS' PROMs): no key goes into a text field there.
      table.add(
          "browser",
          name + ": no text or number input to type into",
          "not measured",
          "",
          Verdict.INFO);
      return;
    }
    browser.script(FRAME_PROBE);
    browser.driver().executeCdpCommand("Performance.enable", Map.of());
    Map<String, Double> before = metrics(browser);
    int keys = config.keystrokes();
    for (int k = 0; k < keys; k++) {
      WebElement target =
          inOrder
              ? browser.driver().findElement(By.id(String.format("rf-q%03d", k % 200 + 1)))
              : next(browser, k);
      target.sendKeys(String.valueOf(1 + k % 9));
      browser.driver().executeAsyncScript(AWAIT_FRAMES, k + 1);
    }
    Map<String, Double> after = metrics(browser);
    @SuppressWarnings("unchecked")
    List<Number> raw = (List<Number>) browser.script("return window.__latencies;");
    List<Double> latencies = raw.stream().map(Number::doubleValue).sorted().toList();
    double median = percentile(latencies, 50);
    double p95 = percentile(latencies, 95);
    @SuppressWarnings("unchecked")
    List<Number> rawFrames = (List<Number>) browser.script("return window.__frames;");
    List<Double> frames = rawFrames.stream().map(Number::doubleValue).sorted().toList();
    long bytes = page.toFile().length();
    boolean baseline = name.equals(BARE_NAME);
    table.add(
        "browser",
        name + ": keystroke to next frame, median / p95 (" + keys + " keys)",
        String.format(Locale.ROOT, "%.1f / %.1f ms", median, p95),
        baseline ? "" : "p95 under 16 ms",
        baseline ? Verdict.INFO : Verdict.of(p95 < 16));
    if (baseline) {
      bareP95 = p95;
    } else {
      table.add(
          "browser",
          name + ": p95 over the bare page's",
          String.format(Locale.ROOT, "%+.1f ms (%.2fx)", p95 - bareP95, p95 / bareP95),
          "",
          Verdict.INFO);
    }
    table.add(
        "browser",
        name + ": page size, DOMContentLoaded",
        String.format(Locale.ROOT, "%d KB, %.0f ms", bytes / 1024, ProcessSection.median(loads)),
        "",
        Verdict.INFO);
    // Where a key's time goes, from Chromium's own counters (seconds, summed over the keys).
    table.add(
        "browser",
        name + ": per key, script / style / layout / all main-thread tasks",
        String.format(
            Locale.ROOT,
            "%.1f / %.1f / %.1f / %.1f ms",
            perKey(before, after, "ScriptDuration", keys),
            perKey(before, after, "RecalcStyleDuration", keys),
            perKey(before, after, "LayoutDuration", keys),
            perKey(before, after, "TaskDuration", keys)),
        "",
        Verdict.INFO);
    // The frame's own part of a key's latency (style, layout, paint), apart from the key's script
    // and the wait for the frame to start: frames begin on a 60 Hz tick, whatever the page does.
    table.add(
        "browser",
        name + ": from the frame's start to its end, median / p95",
        String.format(
            Locale.ROOT, "%.1f / %.1f ms", percentile(frames, 50), percentile(frames, 95)),
        "",
        Verdict.INFO);
  }

  private static Map<String, Double> metrics(Browser browser) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list =
        (List<Map<String, Object>>)
            browser.driver().executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
    Map<String, Double> out = new HashMap<>();
    for (Map<String, Object> metric : list)
      out.put((String) metric.get("name"), ((Number) metric.get("value")).doubleValue());
    return out;
  }

  private static double perKey(
      Map<String, Double> before, Map<String, Double> after, String metric, int keys) {
    return (after.getOrDefault(metric, 0.0) - before.getOrDefault(metric, 0.0)) * 1000 / keys;
  }

  private static WebElement next(Browser browser, int k) {
    WebElement input = (WebElement) browser.script(NEXT_INPUT, k);
    if (input == null)
      throw new IllegalStateException("the page has no visible text or number input");
    return input;
  }

  /** The nearest-rank percentile of sorted {@code values}. */
  static double percentile(List<Double> values, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * values.size());
    return values.get(Math.max(0, rank - 1));
  }
}
