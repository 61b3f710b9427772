package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.render.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Opens the indicator report in headless Chromium ({@link Browser}), checks what a reader of an
 * annual report looks for, and saves screenshots under {@code target/indicator-report/}.
 */
class IndicatorReportBrowserTest {

  private static final Path OUT = Path.of("target", "indicator-report");
  private static Browser session;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(OUT);
    session = Browser.start();
    browser = session.driver();
    browser.manage().window().setSize(new Dimension(1000, 1400));
  }

  @AfterAll
  static void stop() {
    if (session != null) session.close();
  }

  private static Path render(Registry registry, IndicatorResults results, String name)
      throws Exception {
    Path page = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(
        page,
        IndicatorReport.of(registry, "nb").render(results, 2024, GroupLevel.HF),
        StandardCharsets.UTF_8);
    browser.get(page.toUri().toString());
    return page;
  }

  @Test
  void report_msSyntheticData_showsBarsPerHfNationalBandsAndTrend() throws Exception {
    Registry ms = Fixtures.registry("ms");
    RunOptions options =
        new RunOptions(
            List.of(2020, 2021, 2022, 2023, 2024),
            Set.of("ms_onset_to_diagnosis", "ms_referral_to_diagnosis", "ms_edss_in_year"),
            ExpectedCounts.NONE,
            false,
            RunOptions.DEFAULT_MAX_RECORDS_IN_MEMORY,
            Optional.empty(),
            java.time.LocalDate.of(2025, 5, 15));
    IndicatorResults results =
        IndicatorCalculator.of(ms).calculate(MsSynthetic.patients(120, 42).iterator(), options);

    render(ms, results, "ms-report");

    WebElement section = browser.findElement(By.id("ms_onset_to_diagnosis"));
    List<WebElement> charts = section.findElements(By.cssSelector("svg[role=img]"));
    assertThat(charts).hasSize(2);
    String barText = charts.get(0).getText();
    assertThat(barText)
        .contains("Norge (")
        .contains("Helse Bergen HF (")
        .contains("Høy")
        .contains("Middels")
        .contains("Lav");
    assertThat(barText).contains("Færre enn 5 observasjoner");
    assertThat(charts.get(1).getText()).contains("2020").contains("2024").contains("Norge");
    assertThat(charts.get(0).getSize().getHeight()).isGreaterThan(300);
    Files.write(OUT.resolve("ms-report.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.executeScript("arguments[0].scrollIntoView()", section);
    Files.write(OUT.resolve("ms-report-onset.png"), section.getScreenshotAs(OutputType.BYTES));
    assertThat(OUT.resolve("ms-report-onset.png")).isNotEmptyFile();
    // Without colour (a black-and-white print): levels must still read from the letters, band names
    // and patterns.
    browser.executeScript("document.documentElement.style.filter = 'grayscale(1)'");
    Files.write(OUT.resolve("ms-report-onset-grey.png"), section.getScreenshotAs(OutputType.BYTES));
    assertThat(barText).containsPattern("\\d+ % [HML]");
  }

  @Test
  void report_withoutExpectedCounts_saysCoverageIsNotComputedAndDrawsNoCoverageChart()
      throws Exception {
    Registry ms = Fixtures.registry("ms");
    RunOptions options =
        new RunOptions(
            List.of(2023, 2024),
            Set.of("ms_coverage", "ms_coverage_new", "ms_onset_to_diagnosis"),
            ExpectedCounts.NONE,
            false,
            RunOptions.DEFAULT_MAX_RECORDS_IN_MEMORY,
            Optional.empty(),
            java.time.LocalDate.of(2025, 5, 15));
    IndicatorResults results =
        IndicatorCalculator.of(ms).calculate(MsSynthetic.patients(60, 7).iterator(), options);

    render(ms, results, "ms-report-no-expected");

    for (String coverage : List.of("ms_coverage", "ms_coverage_new")) {
      WebElement section = browser.findElement(By.id(coverage));
      assertThat(section.findElements(By.cssSelector("svg[role=img]"))).as(coverage).isEmpty();
      assertThat(section.getText())
          .contains("Dekningsgraden er ikke beregnet fordi kjøringen ikke hadde forventet antall")
          .contains("Nasjonalt 2024: ikke beregnet");
    }
    WebElement onset = browser.findElement(By.id("ms_onset_to_diagnosis"));
    List<WebElement> charts = onset.findElements(By.cssSelector("svg[role=img]"));
    assertThat(charts).hasSize(2);
    assertThat(
            charts.get(0).findElements(By.cssSelector("text.small[text-anchor=middle]")).stream()
                .map(WebElement::getText)
                .filter(t -> t.endsWith("%"))
                .toList())
        .containsExactly("0 %", "20 %", "40 %", "60 %", "80 %", "100 %");
    Files.write(
        OUT.resolve("ms-report-no-expected.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void report_unitAtZeroPercent_showsItsPlaceOnTheAxisAndItsInterval() throws Exception {
    Registry ms = Fixtures.registry("ms");
    String id = "ms_onset_to_diagnosis";
    IndicatorResults results =
        new IndicatorResults(
            List.of(2024),
            List.of(
                result(id, GroupLevel.NATIONAL, Aggregator.NATIONAL, "Norge", 20, 52),
                result(id, GroupLevel.HF, "bergen", "Helse Bergen HF", 0, 12),
                result(id, GroupLevel.HF, "ous", "Oslo universitetssykehus HF", 20, 40)),
            no.regforms.diagnostic.Diagnostics.of(List.of()));

    render(ms, results, "zero-unit");

    WebElement chart = browser.findElement(By.id(id)).findElement(By.cssSelector("svg[role=img]"));
    assertThat(chart.getText()).contains("Helse Bergen HF (12)").contains("0 % L");
    WebElement zero = chart.findElement(By.cssSelector("rect.zero"));
    assertThat(zero.getAttribute("x")).isEqualTo("250");
    assertThat(zero.getSize().getWidth()).isPositive();
    double barY = Double.parseDouble(zero.getAttribute("y"));
    List<WebElement> whiskers =
        chart.findElements(By.tagName("line")).stream()
            .filter(l -> l.getAttribute("y1").equals(l.getAttribute("y2")))
            .filter(l -> Math.abs(Double.parseDouble(l.getAttribute("y1")) - (barY + 9)) < 0.01)
            .toList();
    assertThat(whiskers)
        .as("the 95 % interval of 0 of 12")
        .singleElement()
        .satisfies(
            w -> {
              assertThat(Double.parseDouble(w.getAttribute("x1"))).isEqualTo(250.0);
              assertThat(Double.parseDouble(w.getAttribute("x2"))).isGreaterThan(250 + 400 * 0.2);
            });
    Files.write(OUT.resolve("zero-unit.png"), chart.getScreenshotAs(OutputType.BYTES));
  }

  private static IndicatorResult result(
      String indicator,
      GroupLevel level,
      String group,
      String name,
      int numerator,
      int denominator) {
    var ci =
        new org.apache.commons.math3.stat.interval.WilsonScoreInterval()
            .createInterval(denominator, numerator, 0.95);
    double value = (double) numerator / denominator;
    Optional<Attainment> attainment =
        Attainment.grade(Fixtures.registry("ms").indicators().get(indicator).levels(), value);
    return new IndicatorResult(
        indicator,
        no.regforms.definition.Indicator.Type.PROPORTION,
        2024,
        level,
        group,
        name,
        level == GroupLevel.NATIONAL ? "" : "national",
        Optional.empty(),
        numerator,
        denominator,
        Optional.empty(),
        Optional.of(value),
        Optional.of(ci.getLowerBound()),
        Optional.of(ci.getUpperBound()),
        attainment,
        Suppression.NONE,
        java.util.Map.of(),
        java.util.Map.of());
  }
}
