package no.regforms.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The profile keys beyond plain distributions: histograms, numeric weights, future dates, start,
 * until, unitsBy.
 */
class SyntheticProfileTest {

  private static final Path FOLDER = Path.of("src/test/resources/synthetic/cohort");
  private static final Registry REGISTRY = DefinitionLoader.create().load(FOLDER).registryOrThrow();
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

  private static SyntheticProfile profile;
  private static List<SyntheticRecord> records;

  @BeforeAll
  static void generate() {
    profile = REGISTRY.syntheticProfile().orElseThrow();
    records = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile, TODAY).generate(800, 4L, 0, records::add);
  }

  private static List<Record> of(String form) {
    return records.stream()
        .map(SyntheticRecord::record)
        .filter(r -> r.form().equals(form))
        .toList();
  }

  private static LocalDate date(Record record, String variable) {
    return LocalDate.parse((String) record.values().get(variable));
  }

  @Test
  void parse_readsStartUntilAndUnitsBy() {
    assertThat(profile.patientForms().get(1).until()).contains("death_date");
    assertThat(profile.patientForms().get(2).start()).contains(LocalDate.of(2022, 1, 1));
    assertThat(profile.unitsBy())
        .get()
        .extracting(SyntheticProfile.UnitsBy::variable)
        .isEqualTo("home");
  }

  @Test
  void generate_daysHistogram_drawsBucketsByWeight() {
    List<Long> offsets =
        of("enrol").stream()
            .map(r -> ChronoUnit.DAYS.between(date(r, "enrol_date"), date(r, "onset_date")))
            .toList();

    assertThat(offsets).allMatch(d -> (d >= -30 && d <= 0) || (d >= -400 && d <= -300));
    assertThat((double) offsets.stream().filter(d -> d >= -30).count() / offsets.size())
        .isCloseTo(0.75, within(0.05));
  }

  @Test
  void generate_numericWeights_drawListedNumbersByWeight() {
    List<Object> scores = of("enrol").stream().map(r -> r.values().get("score")).toList();

    assertThat(scores)
        .allMatch(s -> Set.of(new BigDecimal("2.5"), new BigDecimal("7")).contains(s));
    assertThat(
            (double) scores.stream().filter(new BigDecimal("2.5")::equals).count() / scores.size())
        .isCloseTo(0.75, within(0.05));
  }

  @Test
  void generate_normalOnScoredCode_drawsTheCodeWithTheNearestScore() {
    List<Object> moods = of("survey").stream().map(r -> r.values().get("mood")).toList();

    // Scores 1-4 of codes a-d; a normal (2.4, 0.9) rounds below 1.5 with P = 0.159 and from 3.5 up
    // with P = 0.111.
    assertThat(moods).hasSizeGreaterThan(300).allMatch(m -> Set.of("a", "b", "c", "d").contains(m));
    assertThat((double) moods.stream().filter("a"::equals).count() / moods.size())
        .isCloseTo(0.159, within(0.05));
    assertThat((double) moods.stream().filter("d"::equals).count() / moods.size())
        .isCloseTo(0.111, within(0.05));
  }

  @Test
  void generate_futureEmpty_leavesDatesAfterTodayEmpty() {
    List<Object> deaths = of("enrol").stream().map(r -> r.values().get("death_date")).toList();

    assertThat(deaths)
        .filteredOn(d -> d != null)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(LocalDate.parse((String) d)).isBefore(TODAY));
    assertThat(deaths).filteredOn(d -> d == null).isNotEmpty();
  }

  @Test
  void generate_until_noRecordAfterTheSharedDate() {
    Map<String, LocalDate> deaths =
        of("enrol").stream()
            .filter(r -> r.values().has("death_date"))
            .collect(Collectors.toMap(Record::patient, r -> date(r, "death_date")));
    List<Record> visitsOfTheDead =
        of("visit").stream().filter(r -> deaths.containsKey(r.patient())).toList();

    assertThat(visitsOfTheDead)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(date(r, "visit_date"))
                    .isBeforeOrEqualTo(deaths.get(r.patient()).plusDays(7)));
    assertThat(
            of("visit").stream()
                .filter(r -> !deaths.containsKey(r.patient()))
                .map(r -> date(r, "visit_date")))
        .anyMatch(d -> d.isAfter(TODAY.minusDays(200)));
  }

  @Test
  void generate_start_firstRecordNotBeforeStart() {
    assertThat(of("survey"))
        .hasSize(800)
        .allSatisfy(
            r -> assertThat(date(r, "survey_date")).isAfterOrEqualTo(LocalDate.of(2022, 1, 11)));
  }

  @Test
  void generate_unitsBy_everyRecordOfAPatientAtTheUnitOfTheirValue() {
    Map<String, String> home =
        of("enrol").stream()
            .collect(Collectors.toMap(Record::patient, r -> (String) r.values().get("home")));

    assertThat(home.values()).contains("north", "south");
    assertThat(records)
        .extracting(SyntheticRecord::record)
        .allSatisfy(
            r ->
                assertThat(r.unit())
                    .isEqualTo(home.get(r.patient()).equals("north") ? "100" : "200"));
  }

  @Test
  void generate_plantedFaults_reportErrorsOfExactlyTheirCode() {
    List<SyntheticRecord> planted = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile, TODAY)
        .generate(
            200,
            5L,
            0.5,
            r -> {
              if (r.plantedFault().isPresent()) planted.add(r);
            });
    RecordValidator validator = RecordValidator.of(REGISTRY);

    assertThat(planted)
        .extracting(r -> r.plantedFault().get())
        .contains(IssueCode.REQUIRED, IssueCode.HIDDEN_VALUE);
    assertThat(planted)
        .allSatisfy(
            r ->
                assertThat(validator.validate(r.record()).diagnostics().errors())
                    .extracting(Issue::code)
                    .containsOnly(r.plantedFault().get()));
  }

  @Test
  void of_untilNotShared_isRejected() {
    SyntheticProfile unshared =
        new SyntheticProfile(
            profile.patientForms(),
            profile.windowStart(),
            profile.windowEnd(),
            profile.units(),
            List.of(),
            profile.variables(),
            profile.fillRate(),
            profile.unitsBy());

    assertThatThrownBy(() -> SyntheticDataGenerator.of(REGISTRY, unshared))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("death_date")
        .hasMessageContaining("shared");
  }
}
