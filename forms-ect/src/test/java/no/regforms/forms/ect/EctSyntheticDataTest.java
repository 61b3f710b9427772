package no.regforms.forms.ect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.record.Record;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.synthetic.SyntheticProfile;
import no.regforms.synthetic.SyntheticRecord;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ECT synthetic profile: generated records validate, planted faults are caught with their
 * code, output is repeatable, and the distributions follow the slides (000:L135-175).
 */
class EctSyntheticDataTest {

  private static final Registry REGISTRY = DefinitionLoader.create().load("ect").registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);
  private static SyntheticProfile profile;
  private static List<SyntheticRecord> records;

  @BeforeAll
  static void generate() throws IOException {
    profile = SyntheticProfile.load("ect").orElseThrow();
    records = generate(600, 42L, 0.1);
  }

  private static List<SyntheticRecord> generate(int patients, long seed, double invalid) {
    List<SyntheticRecord> out = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile).generate(patients, seed, invalid, out::add);
    return out;
  }

  @Test
  void generate_600patients_yieldsEveryFormOfTheProfile() {
    Set<String> forms = records.stream().map(r -> r.record().form()).collect(Collectors.toSet());

    assertThat(forms).containsExactlyInAnyOrderElementsOf(profile.patientForms().stream().map(f -> f.form()).toList());
    assertThat(records.stream().filter(r -> r.record().form().equals("course"))).hasSize(600);
    assertThat(records.stream().map(r -> r.record().patient()).toList()).isSorted();
  }

  @Test
  void generate_recordsWithoutPlantedFault_validateWithoutErrors() {
    Map<String, List<String>> failing = new LinkedHashMap<>();
    for (SyntheticRecord generated : records) {
      if (generated.plantedFault().isPresent()) continue;
      List<Issue> errors = VALIDATOR.validate(generated.record()).diagnostics().errors();
      if (!errors.isEmpty()) failing.put(generated.record().id(), errors.stream().map(EctSyntheticDataTest::describe).toList());
    }

    assertThat(failing).as("records with errors (first few): %s", failing.entrySet().stream().limit(5).toList()).isEmpty();
  }

  @Test
  void generate_plantedFaults_areReportedWithExactlyTheirCode() {
    List<SyntheticRecord> planted = records.stream().filter(r -> r.plantedFault().isPresent()).toList();

    assertThat(planted.size()).isBetween(records.size() / 20, records.size() / 5);
    assertThat(planted.stream().map(r -> r.plantedFault().get()).distinct().count()).isGreaterThanOrEqualTo(5);
    for (SyntheticRecord generated : planted) {
      List<String> codes = VALIDATOR.validate(generated.record()).diagnostics().errors().stream()
          .map(Issue::code).map(c -> c.code()).distinct().toList();
      assertThat(codes).as(generated.record().id()).containsExactly(generated.plantedFault().get().code());
    }
  }

  @Test
  void generate_sameSeed_sameOutput_otherSeed_otherOutput() {
    assertThat(lines(generate(40, 7L, 0.1))).isEqualTo(lines(generate(40, 7L, 0.1)));
    assertThat(lines(generate(40, 7L, 0.1))).isNotEqualTo(lines(generate(40, 8L, 0.1)));
  }

  @Test
  void generate_indications_followTheSlideShares() {
    List<Record> courses = valid("course");
    Map<Object, Long> counts = courses.stream().filter(r -> r.values().has("indication"))
        .collect(Collectors.groupingBy(r -> r.values().get("indication"), Collectors.counting()));
    double n = counts.values().stream().mapToLong(Long::longValue).sum();

    // 000:L157-175: shares of all courses; 2 % of courses get an indication outside the list.
    Map<String, Double> slide = Map.of("F32.2", 0.221, "F33.2", 0.183, "F32.3", 0.175, "F33.1", 0.108, "F32.1", 0.068);
    slide.forEach((code, share) ->
        assertThat(counts.getOrDefault(code, 0L) / n).as(code).isCloseTo(share, org.assertj.core.data.Offset.offset(0.05)));
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
    assertThat((double) withBefore / courses.size()).isCloseTo(429.0 / 526, org.assertj.core.data.Offset.offset(0.06));
  }

  @Test
  void generate_emergencyLaw_isRareAndCoversEveryCourseWithoutConsent() {
    List<Record> courses = valid("course");
    long emergency = courses.stream().filter(r -> Boolean.TRUE.equals(r.values().get("emergency_law"))).count();
    List<Record> noConsent = courses.stream().filter(r -> "none".equals(r.values().get("consent"))).toList();

    // 000:L179-181 and L150-153: 7 emergency-law treatments against 526 forms in 2024.
    assertThat((double) emergency / courses.size()).isCloseTo(7.0 / 526, org.assertj.core.data.Offset.offset(0.015));
    assertThat(noConsent).allSatisfy(r -> assertThat(r.values().get("emergency_law")).isEqualTo(Boolean.TRUE));
  }

  @Test
  void generate_units_are22Hospitals() {
    assertThat(profile.units()).hasSize(22);
    assertThat(records.stream().map(r -> r.record().unit()).distinct().count()).isEqualTo(22);
  }

  private static List<Record> valid(String form) {
    return records.stream().filter(r -> r.plantedFault().isEmpty()).map(SyntheticRecord::record)
        .filter(r -> r.form().equals(form)).toList();
  }

  /** Mean of the ten-item totals, over the records where all ten items are filled. */
  private static double mean(List<Record> courses, String prefix) {
    return courses.stream().filter(r -> r.values().has(prefix + "_10")).mapToInt(r -> {
      int total = 0;
      for (int i = 1; i <= 10; i++) total += ((BigDecimal) r.values().get(prefix + "_" + i)).intValue();
      return total;
    }).average().orElseThrow();
  }

  private static String describe(Issue issue) {
    String where = issue.location() instanceof RecordPath path ? path.path() : "";
    return issue.code().code() + " at " + where;
  }

  private static List<String> lines(List<SyntheticRecord> generated) {
    return generated.stream()
        .map(r -> JsonLinesRecordWriter.toJson(r.record(), Map.of("planted", r.plantedFault().map(c -> c.code()).orElse(""))).toString())
        .toList();
  }
}
