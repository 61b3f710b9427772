package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.regforms.definition.SyntheticProfile.Bucket;
import no.regforms.definition.SyntheticProfile.Distribution;
import no.regforms.definition.SyntheticProfile.Histogram;
import no.regforms.definition.SyntheticProfile.Span;
import org.junit.jupiter.api.Test;

/**
 * {@code synthetic.json} read with the registry into typed, immutable parts (its mistakes are in
 * the invalid corpus).
 */
class SyntheticProfileReaderTest {

  private static final SyntheticProfile PROFILE =
      ValidDefinitionCorpusTest.load("repeat_in_section").syntheticProfile().orElseThrow();

  @Test
  void load_profile_readsPatientAndUnitFormsWindowUnitsAndShares() {
    assertThat(PROFILE.patientForms())
        .containsExactly(
            new SyntheticProfile.PatientForm(
                "course", 1, 3, 30, 90, Optional.of(LocalDate.of(2020, 1, 1)), Optional.empty()));
    assertThat(PROFILE.unitForms())
        .containsExactly(
            new SyntheticProfile.UnitForm("course", List.of(2023, 2024), Optional.empty()));
    assertThat(PROFILE.windowStart()).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(PROFILE.windowEnd()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(PROFILE.units())
        .containsExactly(java.util.Map.entry("101", 2.0), java.util.Map.entry("102", 1.0));
    assertThat(PROFILE.shared()).containsExactly("admitted");
    assertThat(PROFILE.fillRate()).isEqualTo(0.75);
    assertThat(PROFILE.unitsBy()).isEmpty();
  }

  @Test
  void load_values_typedAsJsonGivesThem() {
    assertThat(PROFILE.distribution("course", "dose").values())
        .containsExactly(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("2.5"));
    assertThat(PROFILE.distribution("course", "dose").missingRate()).contains(0.1);
    assertThat(PROFILE.distribution("course", "admitted").values()).containsExactly(true);
    assertThat(PROFILE.distribution("course", "discharged").values()).containsExactly("2024-01-31");
    assertThat(PROFILE.distribution("course", "comment").fill()).contains(0.2);
  }

  @Test
  void load_formKeyAndCases_winOverPlainKeyAndReplaceTheEntry() {
    Distribution treated = PROFILE.distribution("course", "treated");

    assertThat(treated.probability()).contains(0.3);
    assertThat(treated.by()).contains("admitted");
    assertThat(treated.cases().get("true").probability()).contains(0.9);
    assertThat(PROFILE.distribution("other", "treated")).isEqualTo(Distribution.NONE);
  }

  @Test
  void load_rowsAndDays_spansAndHistogramWithDefaultWeight() {
    assertThat(PROFILE.distribution("course", "sessions").rows()).contains(new Span(1, 4));
    Distribution sessionDate = PROFILE.distribution("course", "session_date");

    assertThat(sessionDate.from()).contains("discharged");
    assertThat(sessionDate.days())
        .contains(
            new Histogram(
                List.of(new Bucket(new Span(-10, 0), 1), new Bucket(new Span(1, 5), 2.5))));
    assertThat(sessionDate.futureEmpty()).isFalse();
  }

  @Test
  void load_registryWithoutProfile_hasNone() {
    assertThat(ValidDefinitionCorpusTest.load("minimal").syntheticProfile()).isEmpty();
  }
}
