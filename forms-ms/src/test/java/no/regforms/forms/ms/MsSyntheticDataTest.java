package no.regforms.forms.ms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.IssueCode;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.synthetic.SyntheticRecord;
import no.regforms.testing.RegistryModuleChecks;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MS synthetic profile ({@code synthetic.json}): every generated record without a planted fault
 * validates, every planted fault is caught with its code, output is repeatable from the seed, and
 * the distributions taken from the 2024 annual report come out close to the report's figures.
 */
class MsSyntheticDataTest {

  private static final Registry REGISTRY =
      DefinitionLoader.create().loadModule("ms").registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(REGISTRY);

  /** Tabell 4.1.1 (seed 004, lines 2098-2134): patients alive 31.12.2024 by home HF. */
  private static final Map<String, Integer> TABELL_4_1_1 = tabell411();

  private static SyntheticProfile profile;
  private static List<SyntheticRecord> records;

  @BeforeAll
  static void generate() {
    profile = REGISTRY.syntheticProfile().orElseThrow();
    records = generate(profile, 300, 20241231L, 0.1);
  }

  private static List<SyntheticRecord> generate(
      SyntheticProfile profile, int patients, long seed, double invalid) {
    List<SyntheticRecord> out = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile).generate(patients, seed, invalid, out::add);
    return out;
  }

  @Test
  void generate_seed7_writesTheSameFileAsBefore() {
    // The file of "./regforms generate --registry ms --patients 30 --seed 7 --invalid 0.05"; pin a
    // new hash only
    // when a change to the generated records is meant.
    assertThat(RegistryModuleChecks.generatedFileHash(REGISTRY, 30, 7L, 0.05))
        .isEqualTo("043b0fa66822df5326f9bd71d8b41f9986215abd88abda1bec9363218395ce6f");
  }

  @Test
  void profile_fromModuleAndFolder_isTheSame() {
    SyntheticProfile fromFolder =
        DefinitionLoader.create()
            .load(MsRegistryTest.FOLDER)
            .registryOrThrow()
            .syntheticProfile()
            .orElseThrow();

    assertThat(fromFolder).isEqualTo(profile);
    assertThat(profile.patientForms())
        .extracting(SyntheticProfile.PatientForm::form)
        .containsExactly("inclusion", "followup", "msis29", "rand12");
  }

  @Test
  void generate_300Patients_yieldsEveryFormOfTheProfile() {
    Map<String, Long> perForm =
        records.stream()
            .collect(Collectors.groupingBy(r -> r.record().form(), Collectors.counting()));

    assertThat(perForm).containsOnlyKeys("inclusion", "followup", "msis29", "rand12");
    assertThat(perForm.get("inclusion")).isEqualTo(300);
    assertThat(perForm.get("followup")).isGreaterThan(300);
    assertThat(records).extracting(r -> r.record().patient()).isSorted();
  }

  @Test
  void generate_recordsWithoutPlantedFault_validateWithoutErrors() {
    assertThat(records.stream().filter(r -> r.plantedFault().isEmpty()).count())
        .isGreaterThan(3000);
    RegistryModuleChecks.assertUnplantedRecordsValid(VALIDATOR, records);
  }

  @Test
  void generate_plantedFaults_areReportedWithExactlyTheirCode() {
    List<SyntheticRecord> planted =
        records.stream().filter(r -> r.plantedFault().isPresent()).toList();

    assertThat((double) planted.size() / records.size()).isCloseTo(0.1, within(0.03));
    assertThat(planted)
        .extracting(r -> r.plantedFault().get())
        .contains(
            IssueCode.REQUIRED,
            IssueCode.OUT_OF_RANGE,
            IssueCode.UNKNOWN_CODE,
            IssueCode.INVALID_FORMAT,
            IssueCode.HIDDEN_VALUE,
            IssueCode.UNDEFINED_VARIABLE);
    RegistryModuleChecks.assertPlantedFaultsCaught(VALIDATOR, records, 6);
  }

  @Test
  void generate_sameSeed_sameOutput_otherSeed_otherOutput() {
    List<String> first = RegistryModuleChecks.lines(generate(profile, 25, 7L, 0.2));

    assertThat(RegistryModuleChecks.lines(generate(profile, 25, 7L, 0.2))).isEqualTo(first);
    assertThat(RegistryModuleChecks.lines(generate(profile, 25, 8L, 0.2))).isNotEqualTo(first);
  }

  @Test
  void generate_unit_isAUnitOfThePatientsHomeHf_onEveryRecord() {
    SyntheticProfile.UnitsBy unitsBy = profile.unitsBy().orElseThrow();
    Map<String, List<SyntheticRecord>> byPatient =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.record().patient(), LinkedHashMap::new, Collectors.toList()));

    assertThat(unitsBy.variable()).isEqualTo("home_hf");
    assertThat(unitsBy.units()).containsOnlyKeys(TABELL_4_1_1.keySet());
    assertThat(byPatient)
        .hasSize(300)
        .allSatisfy(
            (patient, forms) -> {
              Object homeHf = forms.get(0).record().values().get("home_hf");
              assertThat(forms.get(0).record().form()).isEqualTo("inclusion");
              assertThat(forms)
                  .extracting(r -> r.record().unit())
                  .containsOnly(forms.get(0).record().unit());
              if (forms.get(0).plantedFault().isEmpty() && homeHf instanceof String hf) {
                assertThat(unitsBy.units().get(hf))
                    .as(patient)
                    .containsKey(forms.get(0).record().unit());
              }
            });
  }

  @Test
  void generate_homeHf_followsTabell411() {
    List<Map<String, Object>> inclusions = inclusions(4000, 11L);
    double total = TABELL_4_1_1.values().stream().mapToInt(Integer::intValue).sum();

    assertThat(total).isEqualTo(13129);
    Map<String, Long> counts =
        inclusions.stream()
            .collect(Collectors.groupingBy(v -> (String) v.get("home_hf"), Collectors.counting()));
    assertThat(counts).containsOnlyKeys(TABELL_4_1_1.keySet());
    TABELL_4_1_1.forEach(
        (hf, alive) ->
            assertThat((double) counts.get(hf) / inclusions.size())
                .as(hf)
                .isCloseTo(alive / total, within(0.02)));
  }

  @Test
  void generate_inclusion_matchesReportedShares() {
    List<Map<String, Object>> inclusions = inclusions(4000, 12L);

    // 69.7 % women of all alive (seed 004 line 21; cover page)
    assertThat(share(inclusions, v -> "2".equals(v.get("sex")))).isCloseTo(0.697, within(0.03));
    // RRMS 91.9 %, PPMS 6.4 %, unknown 1.6 % at onset (line 1545)
    assertThat(share(inclusions, v -> "RRMS".equals(v.get("ms_type_onset"))))
        .isCloseTo(0.919, within(0.02));
    assertThat(share(inclusions, v -> "PPMS".equals(v.get("ms_type_onset"))))
        .isCloseTo(0.064, within(0.02));
    // 77 % diagnosed at most 24 months after onset in 2024 (line 560)
    assertThat(share(inclusions, v -> months(v.get("onset"), v.get("diagnosis_date")) <= 24))
        .isCloseTo(0.77, within(0.03));
    // 40 of 429 diagnosed in 2024 lack a referral date (line 610)
    assertThat(share(inclusions, v -> v.get("referral_date") instanceof Map))
        .isCloseTo(40 / 429.0, within(0.02));
    // mean onset age 34.7; about 20 % before 25 and 70 % before 40 (lines 1494-1495)
    List<Double> onsetAges =
        inclusions.stream()
            .map(
                v ->
                    ChronoUnit.MONTHS.between(
                            YearMonth.from(LocalDate.parse((String) v.get("birth_date"))),
                            YearMonth.parse((String) v.get("onset")))
                        / 12.0)
            .toList();
    assertThat(onsetAges.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
        .isCloseTo(34.7, within(1.5));
    assertThat(share(onsetAges, a -> a < 25)).isCloseTo(0.20, within(0.04));
    assertThat(share(onsetAges, a -> a < 40)).isCloseTo(0.70, within(0.04));
    // 94 % with oligoclonal bands among known status (lines 1761-1764)
    List<Map<String, Object>> knownOcb =
        inclusions.stream().filter(v -> v.get("ocb") instanceof String).toList();
    assertThat(share(knownOcb, v -> "positive".equals(v.get("ocb")))).isCloseTo(0.94, within(0.02));
  }

  @Test
  void generate_followup_matchesReportedTreatmentAndEdssShares() {
    List<Map<String, Object>> controls =
        records.stream()
            .filter(r -> r.record().form().equals("followup") && r.plantedFault().isEmpty())
            .map(r -> r.record().values().asMap())
            .toList();

    // all alive 31.12.2024: 69.7 % on treatment, 21.9 % none, 8.4 % unknown (lines 912-913)
    assertThat(share(controls, v -> "ongoing".equals(v.get("treatment_status"))))
        .isCloseTo(0.697, within(0.03));
    assertThat(share(controls, v -> "none".equals(v.get("treatment_status"))))
        .isCloseTo(0.219, within(0.03));
    assertThat(share(controls, v -> v.get("treatment_status") instanceof Map))
        .isCloseTo(0.084, within(0.02));
    // 64 % with a valid EDSS among patients with a control (line 114)
    assertThat(share(controls, v -> Boolean.TRUE.equals(v.get("edss_done"))))
        .isCloseTo(0.64, within(0.03));
    // rituximab is the most used drug, cladribine the second (Figur 2.1.11 text)
    Map<Object, Long> ongoing =
        controls.stream()
            .flatMap(v -> rows(v.get("treatments")).stream())
            .filter(t -> !t.containsKey("stop_date"))
            .collect(Collectors.groupingBy(t -> t.get("drug"), Collectors.counting()));
    List<Object> byUse =
        ongoing.entrySet().stream()
            .sorted(Map.Entry.<Object, Long>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(byUse).startsWith("L01FA01", "L04AA40");
  }

  private static List<Map<String, Object>> inclusions(int patients, long seed) {
    SyntheticProfile.PatientForm inclusion = profile.patientForms().get(0);
    SyntheticProfile onlyInclusion =
        new SyntheticProfile(
            List.of(inclusion),
            profile.windowStart(),
            profile.windowEnd(),
            profile.units(),
            profile.shared(),
            profile.variables(),
            profile.fillRate(),
            profile.unitsBy());
    return generate(onlyInclusion, patients, seed, 0).stream()
        .map(r -> r.record().values().asMap())
        .toList();
  }

  private static <T> double share(List<T> items, Predicate<T> test) {
    return (double) items.stream().filter(test).count() / items.size();
  }

  private static long months(Object onset, Object diagnosis) {
    return ChronoUnit.MONTHS.between(
        YearMonth.parse((String) onset), YearMonth.from(LocalDate.parse((String) diagnosis)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Object value) {
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  private static Map<String, Integer> tabell411() {
    Map<String, Integer> alive = new LinkedHashMap<>();
    alive.put("finnmark", 114);
    alive.put("unn", 446);
    alive.put("nordland", 359);
    alive.put("helgeland", 191);
    alive.put("nord_trondelag", 434);
    alive.put("st_olav", 848);
    alive.put("more_romsdal", 921);
    alive.put("forde", 357);
    alive.put("bergen", 1353);
    alive.put("fonna", 468);
    alive.put("stavanger", 886);
    alive.put("ostfold", 639);
    alive.put("ahus", 1399);
    alive.put("ous", 1064);
    alive.put("innlandet", 882);
    alive.put("vestre_viken", 896);
    alive.put("vestfold", 512);
    alive.put("telemark", 474);
    alive.put("sorlandet", 886);
    return alive;
  }
}
