package no.regforms.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.definition.RegistryModule;
import no.regforms.validation.RecordValidator;

/**
 * The {@code test} registry under {@code core/src/test/resources/registries/test}: two forms
 * ({@code visit}, a clinician form with every variable type, sections, repeat groups, skip logic,
 * computed values and rules; {@code prom}, a patient questionnaire with a ten-item score), four
 * code lists and two indicators. It exercises every feature of the definition format.
 *
 * <p>The registry is loaded once per JVM and shared; it is immutable. {@link #validVisit()} and
 * {@link #validProm()} give records that validate clean, so a test changes one thing and expects
 * exactly one issue.
 */
public final class TestRegistry {

  /** The registry id. */
  public static final String ID = "test";

  /** "Today" for every validation in the tests: dates after it are in the future. */
  public static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

  /** A clock fixed at {@link #TODAY}. */
  public static final Clock CLOCK =
      Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneId.of("UTC"));

  private static final Registry REGISTRY = load().registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY, CLOCK);

  private TestRegistry() {}

  /**
   * The registry as a definition module over the test classpath, so it loads the same from {@code
   * target/test-classes} and from the {@code core} test-jar in another module.
   */
  public static RegistryModule module() {
    return new RegistryModule() {
      @Override
      public String id() {
        return ID;
      }

      @Override
      public String resourceRoot() {
        return "registries/test";
      }

      @Override
      public ClassLoader classLoader() {
        return TestRegistry.class.getClassLoader();
      }
    };
  }

  /**
   * The registry folder on disk (the test classpath copy).
   *
   * @throws IllegalStateException when the registry is inside a jar; use {@link #module()} there
   */
  public static Path folder() {
    URL url = TestRegistry.class.getResource("/registries/test/registry.json");
    if (url == null) {
      throw new IllegalStateException("registries/test is not on the test classpath");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
      throw new IllegalStateException("registries/test is not a folder on disk: " + url, e);
    }
  }

  /** Loads the registry afresh, with every issue. */
  public static LoadResult load() {
    return DefinitionLoader.create().load(module());
  }

  /** The registry, loaded once. */
  public static Registry registry() {
    return REGISTRY;
  }

  /** A validator for the registry whose today is {@link #TODAY}. */
  public static RecordValidator validator() {
    return VALIDATOR;
  }

  /**
   * A complete, valid {@code visit} record: a treated, smoking 45-year-old woman with two sessions.
   */
  public static RecordBuilder validVisit() {
    return RecordBuilder.of(ID, "visit")
        .set("visit_date", "2024-05-02")
        .set("admitted_at", "2024-05-02T10:30")
        .set("onset", "2023-11")
        .set("sex", "2")
        .set("age", 45)
        .set("pregnant", false)
        .set("height", 170)
        .number("weight", "70.5")
        .number("edss", "3.5")
        .set("referral_code", "AB123")
        .set("smoker", true)
        .set("cigarettes_per_day", 10)
        .set("diagnosis", "F32.2")
        .set("symptoms", List.of("headache", "fatigue"))
        .set("comment", "Ingen merknader")
        .set("treated", true)
        .set("start_date", "2024-05-01")
        .set("end_date", "2024-05-20")
        .set("remission", true)
        .set(
            "sessions",
            List.of(
                RecordBuilder.row(
                    "session_date", "2024-05-03", "charge", RecordBuilder.decimal("250.5")),
                RecordBuilder.row("session_date", "2024-05-06", "charge", 300)))
        .set("on_medication", true)
        .set("medications", List.of(RecordBuilder.row("drug", "sertraline", "dose", 50)));
  }

  /**
   * A complete, valid {@code prom} record: every item answered 2, so the total is 20 and severe.
   */
  public static RecordBuilder validProm() {
    RecordBuilder builder = RecordBuilder.of(ID, "prom").set("response_date", "2024-11-10");
    for (String item : promItems()) {
      builder.set(item, 2);
    }
    return builder.set("overall", "2");
  }

  /** The ten score items of {@code prom}: {@code q01} to {@code q10}. */
  public static List<String> promItems() {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      items.add(String.format("q%02d", i));
    }
    return List.copyOf(items);
  }

  /** A missing-value reason as a record holds it: {@code {"missing": reason}}. */
  public static Map<String, Object> missing(String reason) {
    return Map.of("missing", reason);
  }
}
