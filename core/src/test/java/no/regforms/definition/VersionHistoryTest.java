package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The registry of each released version, built from one folder's since/until. */
class VersionHistoryTest {

  static final Registry VERSIONED =
      DefinitionLoader.create()
          .load(Path.of("src", "test", "resources", "registries", "versioned"))
          .registryOrThrow();

  private static Form visit(String version) {
    return VERSIONED.atVersion(version).orElseThrow().formOrThrow("visit");
  }

  @Test
  void history_versionsOldestFirst_currentLast() {
    assertThat(VERSIONED.history().names()).containsExactly("2020.1", "2022.1", "2024.1");
    assertThat(VERSIONED.history().current()).isEqualTo(VERSIONED.version());
    assertThat(VERSIONED.atVersion("2024.1")).containsSame(VERSIONED);
    assertThat(VERSIONED.atVersion("2023.1")).isEmpty();
  }

  @Test
  void atVersion_retiredAndIntroducedVariables_onEachSideOfTheSwitch() {
    assertThat(visit("2020.1").variables())
        .containsKeys("visit_date", "weight_lb", "tobacco", "systolic")
        .doesNotContainKeys("weight_kg", "smokes", "seen_on", "pulse_pressure");
    assertThat(visit("2022.1").variables())
        .containsKeys("visit_date", "weight_kg", "smokes", "systolic")
        .doesNotContainKeys("weight_lb", "tobacco", "seen_on", "pulse_pressure");
    assertThat(visit("2024.1").variables())
        .containsKeys("seen_on", "weight_kg", "pulse_pressure")
        .doesNotContainKeys("visit_date", "systolic", "diastolic");
  }

  @Test
  void atVersion_retiredCodeAndRule_lastInTheirUntilVersion() {
    assertThat(
            VERSIONED.atVersion("2020.1").orElseThrow().codeList("tobacco").orElseThrow().byCode())
        .containsKey("occasional");
    assertThat(VERSIONED.codeList("tobacco").orElseThrow().byCode())
        .doesNotContainKey("occasional");
    assertThat(visit("2022.1").rules())
        .extracting(Rule::id)
        .containsExactly("diastolic_below_systolic");
    assertThat(visit("2024.1").rules()).isEmpty();
  }

  @Test
  void lifespans_firstAndLastVersionWithDates() {
    VersionHistory history = VERSIONED.history();
    VersionHistory.Lifespan pounds = history.variable("visit", "weight_lb");
    VersionHistory.Lifespan kilos = history.variable("visit", "weight_kg");

    assertThat(pounds).isEqualTo(new VersionHistory.Lifespan("2020.1", "2020.1"));
    assertThat(history.firstDay(pounds)).contains(LocalDate.of(2020, 1, 1));
    assertThat(history.lastDay(pounds)).contains(LocalDate.of(2021, 12, 31));
    assertThat(kilos).isEqualTo(new VersionHistory.Lifespan("2022.1", "2024.1"));
    assertThat(history.lastDay(kilos)).isEmpty();
    assertThat(history.code("tobacco", "occasional").last()).isEqualTo("2020.1");
  }

  @Test
  void inclusion_criterionSince2022_absentBefore() {
    assertThat(VERSIONED.atVersion("2020.1").orElseThrow().inclusion()).isEmpty();
    assertThat(VERSIONED.inclusion()).extracting(InclusionCriterion::id).containsExactly("adult");
  }

  @Test
  void indicatorVersion_eachSwitchYear_picksTheDefinitionValidThatYear() {
    assertThat(VERSIONED.indicatorVersion("weight_recorded", 2015).orElseThrow().version())
        .isEqualTo("2019");
    assertThat(VERSIONED.indicatorVersion("weight_recorded", 2020).orElseThrow().version())
        .isEqualTo("2019");
    assertThat(VERSIONED.indicatorVersion("weight_recorded", 2021).orElseThrow().version())
        .isEqualTo("2021");
    assertThat(VERSIONED.indicatorVersion("weight_recorded", 2022).orElseThrow().version())
        .isEqualTo("2021");
    assertThat(VERSIONED.indicatorVersion("weight_recorded", 2023).orElseThrow().version())
        .isEqualTo("2023");
    assertThat(
            VERSIONED
                .indicatorVersion("weight_recorded", 2020)
                .orElseThrow()
                .indicator()
                .numerator()
                .orElseThrow()
                .text())
        .isEqualTo("filled(weight_kg)");
  }

  @Test
  void migrations_readAndTypedAgainstTheVersionsOnEitherSide() {
    assertThat(VERSIONED.history().version("2022.1").orElseThrow().migrate())
        .extracting(MigrationStep::kind)
        .containsExactly(
            MigrationStep.Kind.CONVERT,
            MigrationStep.Kind.RENAME,
            MigrationStep.Kind.RECODE,
            MigrationStep.Kind.SPLIT);
    assertThat(VERSIONED.history().version("2024.1").orElseThrow().migrate())
        .extracting(MigrationStep::kind)
        .containsExactly(MigrationStep.Kind.RENAME, MigrationStep.Kind.MERGE);
  }
}
