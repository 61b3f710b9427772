package no.regforms.forms.kvarus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

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
 * The KVARUS synthetic profile: generated records validate, planted faults are caught with their
 * code, output is repeatable, and one pathway per patient hangs together across its eight forms.
 */
class KvarusSyntheticDataTest {

  private static final Registry REGISTRY =
      DefinitionLoader.create().loadModule("kvarus").registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);
  private static SyntheticProfile profile;
  private static List<SyntheticRecord> records;

  @BeforeAll
  static void generate() {
    profile = REGISTRY.syntheticProfile().orElseThrow();
    records = RegistryModuleChecks.generate(REGISTRY, 300, 42L, 0.1);
  }

  @Test
  void generate_300patients_yieldsEveryFormOfTheProfile() {
    Set<String> forms = records.stream().map(r -> r.record().form()).collect(Collectors.toSet());

    assertThat(forms)
        .containsExactlyInAnyOrderElementsOf(
            profile.patientForms().stream().map(f -> f.form()).toList());
    assertThat(forms).containsExactlyInAnyOrderElementsOf(REGISTRY.forms().keySet());
    assertThat(records.stream().filter(r -> r.record().form().equals("basis_clinician")))
        .hasSize(300);
    assertThat(records.stream().map(r -> r.record().patient()).toList()).isSorted();
  }

  @Test
  void generate_seed7_writesTheSameFileAsBefore() {
    // The file of "./regforms generate --registry kvarus --patients 30 --seed 7 --invalid 0.05";
    // pin a new hash only
    // when a change to the generated records is meant.
    assertThat(RegistryModuleChecks.generatedFileHash(REGISTRY, 30, 7L, 0.05))
        .isEqualTo("f3e3db9ab9e3e149a9c8315743cee65af762a3d1307a1853d938dca973c93b95");
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
  void generate_recordsWithoutPlantedFault_rarelyWarn() {
    long warned =
        valid().stream()
            .filter(r -> !VALIDATOR.validate(r).diagnostics().warnings().isEmpty())
            .count();

    // Use days follow the frequency band ("by"), so the consistency warnings fire only in the
    // tails.
    assertThat((double) warned / valid().size()).isLessThan(0.02);
  }

  @Test
  void generate_sameSeed_sameOutput_otherSeed_otherOutput() {
    List<String> first =
        RegistryModuleChecks.lines(RegistryModuleChecks.generate(REGISTRY, 20, 7L, 0.1));

    assertThat(RegistryModuleChecks.lines(RegistryModuleChecks.generate(REGISTRY, 20, 7L, 0.1)))
        .isEqualTo(first);
    assertThat(RegistryModuleChecks.lines(RegistryModuleChecks.generate(REGISTRY, 20, 8L, 0.1)))
        .isNotEqualTo(first);
  }

  @Test
  void generate_onePathwayPerPatient_keepsEpisodeAndNumbersMeasurementPoints() {
    List<Object> episodes =
        valid().stream()
            .filter(r -> r.form().equals("basis_clinician"))
            .map(r -> r.values().get("episode_id"))
            .toList();
    assertThat(episodes).doesNotHaveDuplicates().hasSizeGreaterThan(250);
    Map<String, List<SyntheticRecord>> byPatient =
        records.stream().collect(Collectors.groupingBy(r -> r.record().patient()));

    assertThat(byPatient.values())
        .allSatisfy(
            forms -> {
              assertThat(
                      forms.stream()
                          .filter(r -> r.plantedFault().isEmpty())
                          .map(r -> r.record().values().get("episode_id"))
                          .distinct())
                  .hasSizeLessThanOrEqualTo(1);
              List<SyntheticRecord> points =
                  forms.stream()
                      .filter(r -> r.record().form().equals("measurement_clinician"))
                      .toList();
              for (int i = 0; i < points.size(); i++) {
                if (points.get(i).plantedFault().isEmpty()) {
                  assertThat(points.get(i).record().values().get("measurement_seq"))
                      .isEqualTo(BigDecimal.valueOf(i + 1));
                }
              }
            });
  }

  @Test
  void generate_shares_followTheProfileAssumptions() {
    List<Record> firstAnswers =
        valid().stream()
            .filter(
                r ->
                    r.form().equals("measurement_patient")
                        && BigDecimal.ONE.equals(r.values().get("measurement_seq"))
                        && r.values().get("eval_benefit") instanceof String)
            .toList();
    long benefit =
        firstAnswers.stream()
            .filter(r -> Set.of("4", "5").contains(r.values().get("eval_benefit")))
            .count();
    List<Record> basis = valid().stream().filter(r -> r.form().equals("basis_clinician")).toList();
    long midt = basis.stream().filter(r -> r.unit().startsWith("99102")).count();
    double midtWeight =
        profile.units().entrySet().stream()
            .filter(e -> e.getKey().startsWith("99102"))
            .mapToDouble(e -> e.getValue())
            .sum();
    double allWeight = profile.units().values().stream().mapToDouble(Double::doubleValue).sum();

    // Assumptions (README): 70 % answer 4 or 5; Helse Midt-Norge units register most
    // (001:L932-952).
    assertThat((double) benefit / firstAnswers.size()).isCloseTo(0.70, offset(0.1));
    assertThat(midtWeight / allWeight).isGreaterThan(0.4);
    assertThat((double) midt / basis.size()).isCloseTo(midtWeight / allWeight, offset(0.08));
  }

  private static List<Record> valid() {
    return records.stream()
        .filter(r -> r.plantedFault().isEmpty())
        .map(SyntheticRecord::record)
        .toList();
  }
}
