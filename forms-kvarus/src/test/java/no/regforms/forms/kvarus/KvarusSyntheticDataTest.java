package no.regforms.forms.kvarus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

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
 * The KVARUS synthetic profile: generated records validate, planted faults are caught with their
 * code, output is repeatable, and one pathway per patient hangs together across its eight forms.
 */
class KvarusSyntheticDataTest {

  private static final Registry REGISTRY = DefinitionLoader.create().load("kvarus").registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);
  private static SyntheticProfile profile;
  private static List<SyntheticRecord> records;

  @BeforeAll
  static void generate() throws IOException {
    profile = SyntheticProfile.load("kvarus").orElseThrow();
    records = generate(300, 42L, 0.1);
  }

  private static List<SyntheticRecord> generate(int patients, long seed, double invalid) {
    List<SyntheticRecord> out = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile).generate(patients, seed, invalid, out::add);
    return out;
  }

  @Test
  void generate_300patients_yieldsEveryFormOfTheProfile() {
    Set<String> forms = records.stream().map(r -> r.record().form()).collect(Collectors.toSet());

    assertThat(forms).containsExactlyInAnyOrderElementsOf(profile.patientForms().stream().map(f -> f.form()).toList());
    assertThat(forms).containsExactlyInAnyOrderElementsOf(REGISTRY.forms().keySet());
    assertThat(records.stream().filter(r -> r.record().form().equals("basis_clinician"))).hasSize(300);
    assertThat(records.stream().map(r -> r.record().patient()).toList()).isSorted();
  }

  @Test
  void generate_recordsWithoutPlantedFault_validateWithoutErrors() {
    Map<String, List<String>> failing = new LinkedHashMap<>();
    for (SyntheticRecord generated : records) {
      if (generated.plantedFault().isPresent()) continue;
      List<Issue> errors = VALIDATOR.validate(generated.record()).diagnostics().errors();
      if (!errors.isEmpty()) failing.put(generated.record().id(), errors.stream().map(KvarusSyntheticDataTest::describe).toList());
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
  void generate_recordsWithoutPlantedFault_rarelyWarn() {
    long warned = valid().stream().filter(r -> !VALIDATOR.validate(r).diagnostics().warnings().isEmpty()).count();

    // Use days follow the frequency band ("by"), so the consistency warnings fire only in the tails.
    assertThat((double) warned / valid().size()).isLessThan(0.02);
  }

  @Test
  void generate_sameSeed_sameOutput_otherSeed_otherOutput() {
    assertThat(lines(generate(20, 7L, 0.1))).isEqualTo(lines(generate(20, 7L, 0.1)));
    assertThat(lines(generate(20, 7L, 0.1))).isNotEqualTo(lines(generate(20, 8L, 0.1)));
  }

  @Test
  void generate_onePathwayPerPatient_keepsEpisodeAndNumbersMeasurementPoints() {
    List<Object> episodes = valid().stream().filter(r -> r.form().equals("basis_clinician")).map(r -> r.values().get("episode_id")).toList();
    assertThat(episodes).doesNotHaveDuplicates().hasSizeGreaterThan(250);
    Map<String, List<SyntheticRecord>> byPatient = records.stream().collect(Collectors.groupingBy(r -> r.record().patient()));

    assertThat(byPatient.values()).allSatisfy(forms -> {
      assertThat(forms.stream().filter(r -> r.plantedFault().isEmpty()).map(r -> r.record().values().get("episode_id")).distinct())
          .hasSizeLessThanOrEqualTo(1);
      List<SyntheticRecord> points = forms.stream().filter(r -> r.record().form().equals("measurement_clinician")).toList();
      for (int i = 0; i < points.size(); i++) {
        if (points.get(i).plantedFault().isEmpty()) {
          assertThat(points.get(i).record().values().get("measurement_seq")).isEqualTo(BigDecimal.valueOf(i + 1));
        }
      }
    });
  }

  @Test
  void generate_shares_followTheProfileAssumptions() {
    List<Record> firstAnswers = valid().stream()
        .filter(r -> r.form().equals("measurement_patient") && BigDecimal.ONE.equals(r.values().get("measurement_seq"))
            && r.values().get("eval_benefit") instanceof String)
        .toList();
    long benefit = firstAnswers.stream().filter(r -> Set.of("4", "5").contains(r.values().get("eval_benefit"))).count();
    List<Record> basis = valid().stream().filter(r -> r.form().equals("basis_clinician")).toList();
    long midt = basis.stream().filter(r -> r.unit().startsWith("99102")).count();
    double midtWeight = profile.units().entrySet().stream().filter(e -> e.getKey().startsWith("99102")).mapToDouble(e -> e.getValue()).sum();
    double allWeight = profile.units().values().stream().mapToDouble(Double::doubleValue).sum();

    // Assumptions (README): 70 % answer 4 or 5; Helse Midt-Norge units register most (001:L932-952).
    assertThat((double) benefit / firstAnswers.size()).isCloseTo(0.70, offset(0.1));
    assertThat(midtWeight / allWeight).isGreaterThan(0.4);
    assertThat((double) midt / basis.size()).isCloseTo(midtWeight / allWeight, offset(0.08));
  }

  private static List<Record> valid() {
    return records.stream().filter(r -> r.plantedFault().isEmpty()).map(SyntheticRecord::record).toList();
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
