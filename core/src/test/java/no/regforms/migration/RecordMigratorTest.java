package no.regforms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.Test;

/** Migration steps as data, composed along the history. */
class RecordMigratorTest {

  private static final Registry VERSIONED =
      DefinitionLoader.create()
          .load(Path.of("src", "test", "resources", "registries", "versioned"))
          .registryOrThrow();
  private static final RecordMigrator MIGRATOR = RecordMigrator.of(VERSIONED);

  private static Record of2020(String tobacco) {
    Map<String, Object> values =
        new LinkedHashMap<>(
            Map.of(
                "visit_date",
                "2020-05-01",
                "age",
                40,
                "weight_lb",
                176.4,
                "systolic",
                130,
                "diastolic",
                85));
    values.put("tobacco", tobacco);
    return new Record("versioned", "visit", "2020.1", "", "", "", RecordValues.of(values), 3);
  }

  @Test
  void migrate_acrossTwoVersions_composesEveryStepInOrder() {
    MigrationResult result = MIGRATOR.migrate(of2020("occasional"), "2024.1");
    Map<String, Object> values = result.record().values().asMap();

    assertThat(result.problem()).isEmpty();
    assertThat(result.record().version()).isEqualTo("2024.1");
    assertThat(values)
        .containsOnlyKeys("seen_on", "age", "weight_kg", "smokes", "ever_smoked", "pulse_pressure");
    assertThat((BigDecimal) values.get("weight_kg"))
        .isEqualByComparingTo("80"); // 176.4 lb = 80.01 kg, one decimal
    assertThat(values.get("smokes"))
        .isEqualTo(true); // occasional was recoded to daily before the split
    assertThat(values.get("ever_smoked")).isEqualTo(true);
    assertThat((BigDecimal) values.get("pulse_pressure")).isEqualByComparingTo("45");
    assertThat(values.get("seen_on")).isEqualTo("2020-05-01");
    assertThat(result.changes())
        .extracting(c -> c.version() + " " + c.step())
        .containsExactly(
            "2022.1 convert",
            "2022.1 rename",
            "2022.1 recode",
            "2022.1 split",
            "2024.1 rename",
            "2024.1 merge");
  }

  @Test
  void migrate_migratedRecord_validatesUnderTheTargetVersion() {
    for (String tobacco : new String[] {"never", "former", "daily", "occasional"}) {
      Record migrated = MIGRATOR.migrate(of2020(tobacco), "2024.1").record();
      assertThat(RecordValidator.of(VERSIONED).validate(migrated).diagnostics().issues())
          .as(tobacco)
          .isEmpty();
    }
  }

  @Test
  void migrate_neverSmoker_splitGivesFalseForBoth() {
    Map<String, Object> values =
        MIGRATOR.migrate(of2020("never"), "2022.1").record().values().asMap();

    assertThat(values)
        .containsEntry("smokes", false)
        .containsEntry("ever_smoked", false)
        .containsKey("visit_date");
  }

  @Test
  void migrate_recordAlreadyAtTarget_unchanged() {
    Record current = MIGRATOR.migrate(of2020("never"), "2024.1").record();

    MigrationResult again = MIGRATOR.migrate(current, "2024.1");
    assertThat(again.touched()).isFalse();
    assertThat(again.record().values()).isEqualTo(current.values());
  }

  @Test
  void migrate_unknownOrLaterVersion_returnedUnchangedWithTheReason() {
    Record unknown =
        new Record(
            "versioned", "visit", "2019.9", "", "", "", RecordValues.of(Map.of("age", 3)), 1);
    Record later = MIGRATOR.migrate(of2020("never"), "2024.1").record();

    assertThat(MIGRATOR.migrate(unknown, "2024.1").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("2020.1, 2022.1, 2024.1"));
    assertThat(MIGRATOR.migrate(later, "2022.1").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("forward only"));
    assertThat(MIGRATOR.migrate(later, "2022.1").record()).isSameAs(later);
  }
}
