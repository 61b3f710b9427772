package no.regforms.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;
import no.regforms.record.RecordLimits;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A generated form opened in a {@link Browser}: fills it in as a person would (events and all),
 * reads what the page shows, and validates the page's record on the JVM for comparison.
 */
public final class FormPage {

  /**
   * The server as a host would run it for a page: texts as long as a field may hold (the tests type
   * 100 001 characters).
   */
  private static final RecordParser SERVER =
      RecordParser.of(new RecordLimits(1 << 20, 32, 1 << 20, 100));

  private final Browser browser;
  private final Registry registry;
  private final String lang;
  private final RecordValidator validator;

  private FormPage(Browser browser, Registry registry, String lang) {
    this.browser = browser;
    this.registry = registry;
    this.lang = lang;
    this.validator = RecordValidator.of(registry);
  }

  /** Renders {@code form} into {@code target/render-pages/} and opens it. */
  public static FormPage open(Browser browser, Registry registry, Form form, String lang) {
    try {
      Path dir = Path.of("target", "render-pages");
      Files.createDirectories(dir);
      Path file = dir.resolve(registry.id() + "-" + form.id() + "." + lang + ".html");
      Files.writeString(
          file, FormRenderer.create().renderPage(registry, form, lang), StandardCharsets.UTF_8);
      browser.open(file.toAbsolutePath());
      return new FormPage(browser, registry, lang);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens the form page a host serves at {@code url} (a page of {@code registry} in {@code lang}).
   */
  public static FormPage openUrl(Browser browser, Registry registry, String url, String lang) {
    browser.driver().get(url);
    return new FormPage(browser, registry, lang);
  }

  /** Reloads the page, discarding everything filled in. */
  public void reload() {
    browser.driver().navigate().refresh();
  }

  /** The element with DOM id {@code id}. */
  public WebElement element(String id) {
    return browser.driver().findElement(By.id(id));
  }

  /** The wrapper of variable {@code var} at the top level of the form. */
  public WebElement item(String var) {
    return element("rf-" + var + "-item");
  }

  /**
   * Whether the item {@code domId} (a variable's wrapper, a section or a repeat group) is shown.
   */
  public boolean isShown(String domId) {
    return (Boolean)
        browser.script(
            "var e = document.getElementById(arguments[0]); return e !== null && e.closest('[hidden]') === null;",
            domId);
  }

  /** Types {@code text} into the input {@code domId} as keystrokes, after clearing it. */
  public void type(String domId, String text) {
    WebElement input = element(domId);
    input.clear();
    input.sendKeys(text);
    blur();
  }

  /**
   * Sets the input {@code domId} to {@code value} and raises input and change, as a date picker
   * does.
   */
  public void set(String domId, String value) {
    browser.script(
        "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        domId,
        value);
  }

  /** Clicks the radio button or checkbox for {@code value} of variable {@code domId}. */
  public void choose(String domId, String value) {
    WebElement choice =
        browser
            .driver()
            .findElement(By.cssSelector("input[name='" + domId + "'][value='" + value + "']"));
    choice.click();
  }

  /** Selects {@code value} in the drop-down {@code domId}. */
  public void select(String domId, String value) {
    set(domId, value);
  }

  /** Moves the focus away, as tabbing out of a field does. */
  public void blur() {
    browser.script("if (document.activeElement) document.activeElement.blur();");
  }

  /** The texts of the messages shown for the item {@code domId}'s wrapper. */
  public List<String> messages(String wrapperId) {
    List<String> out = new ArrayList<>();
    for (WebElement p : element(wrapperId).findElements(By.cssSelector(":scope > .rf-msg > p"))) {
      out.add(p.getText());
    }
    return out;
  }

  /** Runs {@code script} in the page. */
  public Object script(String script, Object... args) {
    return browser.script(script, args);
  }

  /** Every issue the page has now, as {@code path|code|severity|message}, sorted. */
  @SuppressWarnings("unchecked")
  public List<String> pageIssues() {
    List<Map<String, Object>> issues =
        (List<Map<String, Object>>) browser.script("return window.regforms.issues();");
    List<String> out = new ArrayList<>();
    for (Map<String, Object> i : issues) {
      out.add(
          i.get("path") + "|" + i.get("code") + "|" + i.get("severity") + "|" + i.get("message"));
    }
    out.sort(null);
    return out;
  }

  /** The computed values the page shows, by record path, as canonical text. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> pageComputed() {
    return new java.util.TreeMap<>(
        (Map<String, Object>) browser.script("return window.regforms.computed();"));
  }

  /** The computed values the server validator derives from the page's record, as canonical text. */
  public Map<String, Object> jvmComputed() {
    Record record = SERVER.read(recordJson(), 1).record().orElseThrow();
    Map<String, Object> out = new java.util.TreeMap<>();
    validator
        .validate(record)
        .computed()
        .forEach(
            (path, value) -> {
              Object text = value;
              if (value instanceof java.math.BigDecimal number) {
                text = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
              }
              out.put(path, String.valueOf(text));
            });
    return out;
  }

  /**
   * The DOM id of variable {@code var}'s input in row {@code row} (1-based) of repeat group {@code
   * repeat}.
   */
  public String rowInput(String repeat, int row, String var) {
    return (String)
        browser.script(
            "var rows = document.querySelectorAll('#rf-' + arguments[0] + ' > .rf-rows > .rf-row');"
                + "var e = rows[arguments[1] - 1].querySelector('[data-var=\"' + arguments[2] + '\"] .rf-input, [data-var=\"' + arguments[2] + '\"] output');"
                + "return e.id;",
            repeat,
            row,
            var);
  }

  /** The number of rows of repeat group {@code repeat} on the page. */
  public long rows(String repeat) {
    return (Long)
        browser.script(
            "return document.querySelectorAll('#rf-' + arguments[0] + ' > .rf-rows > .rf-row').length;",
            repeat);
  }

  /** Clicks the add button of repeat group {@code repeat}. */
  public void addRow(String repeat) {
    element("rf-" + repeat).findElement(By.cssSelector(":scope > .rf-add")).click();
  }

  /** Clicks the remove button of row {@code row} (1-based) of repeat group {@code repeat}. */
  public void removeRow(String repeat, int row) {
    element("rf-" + repeat)
        .findElements(By.cssSelector(":scope > .rf-rows > .rf-row > .rf-row-head > .rf-remove"))
        .get(row - 1)
        .click();
  }

  /** Whether the add button of {@code repeat} is enabled. */
  public boolean canAdd(String repeat) {
    return element("rf-" + repeat).findElement(By.cssSelector(":scope > .rf-add")).isEnabled();
  }

  /** Whether the remove button of row {@code row} is enabled. */
  public boolean canRemove(String repeat, int row) {
    return element("rf-" + repeat)
        .findElements(By.cssSelector(":scope > .rf-rows > .rf-row > .rf-row-head > .rf-remove"))
        .get(row - 1)
        .isEnabled();
  }

  /** The page's record as JSON text. */
  public String recordJson() {
    return (String) browser.script("return window.regforms.recordJson();");
  }

  /** Submits through the page; true when the page let the record out. */
  public boolean submit() {
    return (Boolean) browser.script("return window.regforms.submit();");
  }

  /**
   * The issues of the server validator for the page's record, in the same shape as {@link
   * #pageIssues}.
   */
  public List<String> jvmIssues() {
    RecordLine line = SERVER.read(recordJson(), 1);
    if (line.record().isEmpty()) {
      throw new AssertionError(
          "the page's record does not parse: " + line.problem().orElseThrow().text());
    }
    Record record = line.record().get();
    List<String> out = new ArrayList<>();
    for (Issue issue : validator.validate(record).diagnostics().issues()) {
      String path =
          issue.location() instanceof RecordPath p ? p.path() : issue.location().toString();
      out.add(
          path
              + "|"
              + issue.code().code()
              + "|"
              + issue.severity().name().toLowerCase(Locale.ROOT)
              + "|"
              + issue.message().in(lang));
    }
    out.sort(null);
    return out;
  }

  /**
   * Fills the visible fields with values drawn from {@code seed}: in and out of range, fractions,
   * empty fields, missing-value reasons, every kind of choice; adds and removes repeat rows.
   */
  public void fillRandomly(long seed) {
    browser.script(FILLER, seed);
  }

  private static final String FILLER =
      String.join(
          "\n",
          "var seed = arguments[0] % 2147483647; if (seed <= 0) seed += 2147483646;",
          "function rnd() { seed = seed * 16807 % 2147483647; return (seed - 1) / 2147483646; }",
          "function pick(a) { return a[Math.floor(rnd() * a.length)]; }",
          "function fire(e) { e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); }",
          "function shown(e) { return e.closest('[hidden]') === null && !e.disabled; }",
          "function num(x) { return String(Math.round(x * 100) / 100); }",
          "var form = document.querySelector('.rf-form');",
          "for (var pass = 0; pass < 3; pass++) {",
          "  form.querySelectorAll('.rf-repeat').forEach(function (r) {",
          "    if (!shown(r)) return;",
          "    var n = Math.floor(rnd() * 3);",
          "    for (var i = 0; i < n; i++) { var add = r.querySelector(':scope > .rf-add'); if (!add.disabled && rnd() < 0.5) add.click(); }",
          "    var removes = r.querySelectorAll(':scope > .rf-rows > .rf-row > .rf-row-head > .rf-remove');",
          "    if (removes.length > 0 && rnd() < 0.2 && !removes[removes.length - 1].disabled) removes[removes.length - 1].click();",
          "  });",
          "  form.querySelectorAll('[data-var]').forEach(function (node) {",
          "    if (!shown(node) || node.getAttribute('data-pass') === String(pass)) return;",
          "    node.setAttribute('data-pass', String(pass));",
          "    if (pass > 0 && rnd() < 0.7) return;",
          "    var control = node.getAttribute('data-control');",
          "    if (control === 'computed') return;",
          "    var missing = node.querySelectorAll('.rf-missing');",
          "    if (missing.length > 0 && rnd() < 0.12) { pick(Array.from(missing)).click(); return; }",
          "    if (rnd() < 0.15) return;",
          "    var inputs = Array.from(node.querySelectorAll('.rf-input')).filter(function (e) { return e.closest('[data-var]') === node; });",
          "    if (inputs.length === 0) return;",
          "    var e = inputs[0];",
          "    if (control === 'radio') { pick(inputs).click(); return; }",
          "    if (control === 'checkbox') { inputs.forEach(function (c) { if (rnd() < 0.35) c.click(); }); return; }",
          "    if (control === 'select') { e.selectedIndex = Math.floor(rnd() * e.options.length); fire(e); return; }",
          "    var v;",
          "    if (control === 'number') {",
          "      var min = e.min === '' ? 0 : +e.min, max = e.max === '' ? min + 100 : +e.max, mid = (min + max) / 2;",
          "      v = pick([num(min), num(max), num(Math.round(mid)), num(min - 1), num(max + 1), num(mid + 0.5), num(mid + 0.25),",
          "                num(min + (max - min) * 0.1), num(min + (max - min) * 0.9), num(min + (max - min) * 0.02), '']);",
          "    } else if (control === 'date') {",
          "      v = pick(['2020-05-17', '1999-12-31', '2024-02-29', '2035-01-01', '1950-06-15', new Date().toISOString().slice(0, 10), '']);",
          "    } else if (control === 'month') {",
          "      v = pick(['2020-05', '1949-12', '2035-01', '2023-11', '']);",
          "    } else if (control === 'datetime-local') {",
          "      v = pick(['2024-03-01T10:15', '2019-12-31T23:59', '']);",
          "    } else {",
          "      v = pick(['AB-1234', 'ab-12', 'Tekst med æøå', 'x'.repeat(45), '12', '']);",
          "    }",
          "    e.value = v; fire(e);",
          "  });",
          "}");
}
