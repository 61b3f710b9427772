package no.regforms.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.diagnostic.Issue;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;

class SyntheticDataGeneratorTest {

  private static final Path FOLDER = Path.of("src/test/resources/synthetic/clinic");
  private static final Registry REGISTRY = DefinitionLoader.create().load(FOLDER).registryOrThrow();

  private static List<SyntheticRecord> generate(int patients, long seed, double invalid) {
    SyntheticProfile profile = REGISTRY.syntheticProfile().orElseThrow();
    List<SyntheticRecord> out = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile).generate(patients, seed, invalid, out::add);
    return out;
  }

  @Test
  void generate_withoutFaults_everyRecordValidates() {
    List<SyntheticRecord> records = generate(200, 1, 0);
    RecordValidator validator = RecordValidator.of(REGISTRY);

    assertThat(records).hasSizeBetween(200, 600);
    for (SyntheticRecord generated : records) {
      ValidationResult result = validator.validate(generated.record());
      assertThat(result.diagnostics().errors()).as(generated.record().id()).isEmpty();
    }
  }

  @Test
  void generate_sameSeed_sameRecords_otherSeed_otherRecords() {
    assertThat(lines(generate(30, 5, 0.2))).isEqualTo(lines(generate(30, 5, 0.2)));
    assertThat(lines(generate(30, 5, 0.2))).isNotEqualTo(lines(generate(30, 6, 0.2)));
  }

  @Test
  void generate_plantedFaults_areReportedWithTheirCode() {
    List<SyntheticRecord> records = generate(300, 3, 0.5);
    RecordValidator validator = RecordValidator.of(REGISTRY);

    List<SyntheticRecord> planted =
        records.stream().filter(r -> r.plantedFault().isPresent()).toList();
    assertThat(planted.size()).isBetween(records.size() / 3, records.size() * 2 / 3);
    assertThat(planted.stream().map(r -> r.plantedFault().get()).distinct().count())
        .isGreaterThanOrEqualTo(5);
    for (SyntheticRecord generated : planted) {
      List<String> codes =
          validator.validate(generated.record()).diagnostics().issues().stream()
              .map(Issue::code)
              .map(c -> c.code())
              .toList();
      assertThat(codes)
          .as(generated.plantedFault().get().code())
          .contains(generated.plantedFault().get().code());
    }
  }

  @Test
  void generate_sortedByPatient_sharedValuesKept_unitsWeighted() {
    List<SyntheticRecord> records = generate(400, 9, 0);

    List<String> patients = records.stream().map(r -> r.record().patient()).toList();
    assertThat(patients).isSorted();
    Map<String, List<Object>> birthDates =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.record().patient(),
                    Collectors.mapping(
                        r -> r.record().values().get("birth_date"), Collectors.toList())));
    assertThat(birthDates.values())
        .allSatisfy(dates -> assertThat(dates).containsOnly(dates.get(0)));
    long big = records.stream().filter(r -> r.record().unit().equals("100001")).count();
    assertThat((double) big / records.size()).isBetween(0.65, 0.85);
  }

  @Test
  void generate_profileNamingUnknownForm_isRejected() {
    SyntheticProfile profile = SyntheticProfile.uniform(List.of("nosuchform"));

    assertThatThrownBy(() -> SyntheticDataGenerator.of(REGISTRY, profile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no form 'nosuchform'");
  }

  @Test
  void generate_unitForms_oneRecordPerUnitAndYearAfterThePatients() {
    SyntheticProfile base = REGISTRY.syntheticProfile().orElseThrow();
    SyntheticProfile profile =
        new SyntheticProfile(
            base.patientForms(),
            base.windowStart(),
            base.windowEnd(),
            base.units(),
            base.shared(),
            base.variables(),
            base.fillRate(),
            base.unitsBy(),
            List.of(
                new SyntheticProfile.UnitForm(
                    "visit", List.of(2021, 2022), java.util.Optional.empty())));
    List<SyntheticRecord> records = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile).generate(10, 4, 0, records::add);

    List<SyntheticRecord> unitRecords =
        records.stream().filter(r -> r.record().patient().startsWith("p-unit-")).toList();
    assertThat(unitRecords)
        .extracting(r -> r.record().id())
        .containsExactly(
            "p-unit-100001-visit-2021",
            "p-unit-100001-visit-2022",
            "p-unit-100002-visit-2021",
            "p-unit-100002-visit-2022");
    assertThat(unitRecords)
        .extracting(r -> r.record().unit())
        .containsExactly("100001", "100001", "100002", "100002");
    assertThat(records.subList(records.size() - 4, records.size())).isEqualTo(unitRecords);
    assertThat(records.stream().map(r -> r.record().patient()).toList()).isSorted();
    RecordValidator validator = RecordValidator.of(REGISTRY);
    assertThat(unitRecords)
        .allSatisfy(
            r -> assertThat(validator.validate(r.record()).diagnostics().errors()).isEmpty());
  }

  private static List<String> lines(List<SyntheticRecord> records) {
    return records.stream()
        .map(
            r ->
                JsonLinesRecordWriter.toJson(
                        r.record(),
                        Map.of("planted", r.plantedFault().map(c -> c.code()).orElse("")))
                    .toString())
        .toList();
  }
}
