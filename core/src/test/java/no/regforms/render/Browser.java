package no.regforms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium, driven through a system chromedriver; nothing is downloaded. Every browser
 * test (core and examples) starts its browser here. Start one per test class (start-up takes a
 * second or two) and {@link #close} it after.
 *
 * <p>Chromium is the system property {@code regforms.chromium}, else the first of {@code chromium},
 * {@code chromium-browser}, {@code google-chrome} on the {@code PATH}; chromedriver is {@code
 * regforms.chromedriver}, else {@code chromedriver} on the {@code PATH}. Either missing fails the
 * test: CI installs Debian's {@code chromium} and {@code chromium-driver} (see {@code .ci/run}).
 */
public final class Browser implements AutoCloseable {

  /** The chromedriver the tests use. */
  public static final Path DRIVER = find("regforms.chromedriver", "chromedriver");

  /** The Chromium the tests use. */
  public static final Path CHROMIUM =
      find("regforms.chromium", "chromium", "chromium-browser", "google-chrome");

  // Selenium warns through java.util.logging that it has no DevTools (CDP) bindings for this
  // Chromium
  // version; the tests use WebDriver only. Held in a field so the setting is not garbage-collected.
  private static final java.util.logging.Logger SELENIUM_LOG = quietSelenium();

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  private static java.util.logging.Logger quietSelenium() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.openqa.selenium");
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  /**
   * The file the system property {@code property} names, else the first of {@code names} found on
   * the PATH.
   */
  static Path find(String property, String... names) {
    String given = System.getProperty(property);
    if (given != null && !given.isBlank()) return Path.of(given);
    for (String directory :
        System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : names) {
        if (directory.isEmpty()) continue;
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) return candidate;
      }
    }
    return Path.of(names[0]); // not found: start() says how to get it
  }

  /** Starts a headless browser. */
  public static Browser start() {
    assertThat(DRIVER)
        .as(
            "chromedriver: put it on the PATH (apt-get install chromium-driver) or pass -Dregforms.chromedriver=<file>")
        .isExecutable();
    assertThat(CHROMIUM)
        .as(
            "Chromium: put it on the PATH (apt-get install chromium) or pass -Dregforms.chromium=<file>")
        .isExecutable();
    try {
      Path profile = Files.createTempDirectory("regforms-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--lang=nb-NO",
          "--window-size=1100,1400",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(DRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The driver, for finding and clicking elements. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Opens {@code file}. */
  public void open(Path file) {
    driver.get(file.toUri().toString());
  }

  /** Runs {@code script} in the page and returns its result as Selenium converts it. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * Saves a full-page screenshot as {@code target/screenshots/<name>.png}, and the first screen as
   * {@code <name>-top.png}, and returns the path of the first.
   */
  public Path screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
      Files.write(dir.resolve(name + "-top.png"), driver.getScreenshotAs(OutputType.BYTES));
      Object height = script("return document.documentElement.scrollHeight;");
      driver
          .manage()
          .window()
          .setSize(
              new org.openqa.selenium.Dimension(
                  1100, (int) Math.min(8000, ((Number) height).longValue() + 40)));
      Path file = dir.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Saves a screenshot of the page as it prints (CSS print media) as {@code
   * target/screenshots/<name>.png}.
   */
  public Path printScreenshot(String name) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    try {
      return screenshot(name);
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
