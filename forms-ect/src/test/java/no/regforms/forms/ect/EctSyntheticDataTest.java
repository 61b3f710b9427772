package no.regforms.forms.ect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.record.Record;
import no.regforms.synthetic.SyntheticRecord;
import no.regforms.testing.RegistryModuleChecks;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ECT synthetic profile: generated records validate, planted faults are caught with their code,
 * output is repeatable, and the distributions follow the slides (000:L135-175).
 */
class EctSyntheticDataTest {

  private static final Registry REGISTRY =
      DefinitionLoader.create().loadModule("ect").registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);
  private static SyntheticProfile profile;
  private static List<SyntheticRecord> records;

  @BeforeAll
  static void generate() {
    profile = REGISTRY.syntheticProfile().orElseThrow();
    records = RegistryModuleChecks.generate(REGISTRY, 600, 42L, 0.1);
  }

  @Test
  void generate_600patients_yieldsEveryFormOfTheProfile() {
    Set<String> forms = records.stream().map(r -> r.record().form()).collect(Collectors.toSet());

    assertThat(forms).containsExactlyInAnyOrderElementsOf(REGISTRY.forms().keySet());
    assertThat(records.stream().filter(r -> r.record().form().equals("course"))).hasSize(600);
    // Every one of the 22 units answers the yearly survey for 2023 and 2024, after the patients, as
    // a unit: no patient.
    List<SyntheticRecord> unitRecords =
        records.stream().filter(r -> r.record().form().equals("unit_yearly")).toList();
    assertThat(unitRecords).hasSize(44).allSatisfy(r -> assertThat(r.record().patient()).isEmpty());
    assertThat(unitRecords.stream().map(r -> r.record().unit()).distinct()).hasSize(22);
    assertThat(records.subList(records.size() - unitRecords.size(), records.size()))
        .isEqualTo(unitRecords);
    assertThat(records.stream().map(r -> r.record().patient()).filter(p -> !p.isEmpty()).toList())
        .isSorted();
  }

  @Test
  void generate_seed7_writesTheSameFileAsBefore() {
    // The file of "./regforms generate --registry ect --patients 30 --seed 7 --invalid 0.05"; pin a
    // new hash only
    // when a change to the generated records is meant (the unit survey's records carry no patient).
    assertThat(RegistryModuleChecks.generatedFileHash(REGISTRY, 30, 7L, 0.05))
        .isEqualTo("c02252035f377e8217a0eba6c9401e7a58cda738fd80852ad5f33e543ccf4975");
  }

  @Test
  void generate_recordsWithoutPlantedFault_validateWithoutErrors() {
    RegistryModuleChecks.assertUnplantedRecordsValid(VALIDATOR, records);
  }

  @Test
  void generate_plantedFaults_areReportedWithExactlyTheirCode() {
    long planted = records.stream().filter(r -> r.plantedFault().isPresent()).count();

    assertThat(planted).isBetween((long) records.size() / 20, (long) records.size() / 5);
    RegistryModuleChecks.assertPlantedFaultsCaught(VALIDATOR, records, 5);
  }

  @Test
  void generate_sameSeed_sameOutput_otherSeed_otherOutput() {
    List<String> first =
        RegistryModuleChecks.lines(RegistryModuleChecks.generate(REGISTRY, 40, 7L, 0.1));

    assertThat(RegistryModuleChecks.lines(RegistryModuleChecks.generate(REGISTRY, 40, 7L, 0.1)))
        .isEqualTo(first);
    assertThat(RegistryModuleChecks.lines(RegistryModuleChecks.generate(REGISTRY, 40, 8L, 0.1)))
        .isNotEqualTo(first);
  }

  @Test
  void generate_indications_followTheSlideShares() {
    List<Record> courses = valid("course");
    Map<Object, Long> counts =
        courses.stream()
            .filter(r -> r.values().has("indication"))
            .collect(
                Collectors.groupingBy(r -> r.values().get("indication"), Collectors.counting()));
    double n = counts.values().stream().mapToLong(Long::longValue).sum();

    // 000:L157-175: shares of all courses; 2 % of courses get an indication outside the list.
    Map<String, Double> slide =
        Map.of("F32.2", 0.221, "F33.2", 0.183, "F32.3", 0.175, "F33.1", 0.108, "F32.1", 0.068);
    slide.forEach(
        (code, share) ->
            assertThat(counts.getOrDefault(code, 0L) / n)
                .as(code)
                .isCloseTo(share, org.assertj.core.data.Offset.offset(0.05)));
  }

  @Test
  void generate_madrsTotals_areNearTheSlideMeans() {
    List<Record> courses = valid("course");
    double before = mean(courses, "madrs_before");
    double after = mean(courses, "madrs_after");

    // 000:L135-149: MADRS before ECT mean 32.7, after ECT mean 10.7.
    assertThat(before).isCloseTo(32.7, org.assertj.core.data.Offset.offset(1.5));
    assertThat(after).isCloseTo(10.7, org.assertj.core.data.Offset.offset(1.5));
    long withBefore = courses.stream().filter(r -> r.values().has("madrs_before_1")).count();
    assertThat((double) withBefore / courses.size())
        .isCloseTo(429.0 / 526, org.assertj.core.data.Offset.offset(0.06));
  }

  @Test
  void generate_emergencyLaw_isRareAndCoversEveryCourseWithoutConsent() {
    List<Record> courses = valid("course");
    long emergency =
        courses.stream().filter(r -> Boolean.TRUE.equals(r.values().get("emergency_law"))).count();
    List<Record> noConsent =
        courses.stream().filter(r -> "none".equals(r.values().get("consent"))).toList();

    // 000:L179-181 and L150-153: 7 emergency-law treatments against 526 forms in 2024.
    assertThat((double) emergency / courses.size())
        .isCloseTo(7.0 / 526, org.assertj.core.data.Offset.offset(0.015));
    assertThat(noConsent)
        .allSatisfy(r -> assertThat(r.values().get("emergency_law")).isEqualTo(Boolean.TRUE));
  }

  @Test
  void generate_units_are22Hospitals() {
    assertThat(profile.units()).hasSize(22);
    assertThat(records.stream().map(r -> r.record().unit()).distinct().count()).isEqualTo(22);
  }

  private static List<Record> valid(String form) {
    return RegistryModuleChecks.valid(records, form);
  }

  /** Mean of the ten-item totals, over the records where all ten items are filled. */
  private static double mean(List<Record> courses, String prefix) {
    return courses.stream()
        .filter(r -> r.values().has(prefix + "_10"))
        .mapToInt(
            r -> {
              int total = 0;
              for (int i = 1; i <= 10; i++)
                total += ((BigDecimal) r.values().get(prefix + "_" + i)).intValue();
              return total;
            })
        .average()
        .orElseThrow();
  }
}
