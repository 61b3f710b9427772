package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import org.junit.jupiter.api.Test;

/** Records checked exactly as the version they declare defined them. */
class RecordVersionTest {

  private static final Registry VERSIONED =
      DefinitionLoader.create()
          .load(Path.of("src", "test", "resources", "registries", "versioned"))
          .registryOrThrow();
  private static final RecordValidator VALIDATOR = RecordValidator.of(VERSIONED);

  private static Record visit(String version, Map<String, Object> values) {
    return new Record("versioned", "visit", version, "", "", "", RecordValues.of(values), 1);
  }

  private static final Map<String, Object> OF_2020 =
      Map.of(
          "visit_date",
          "2020-05-01",
          "age",
          40,
          "weight_lb",
          176.4,
          "tobacco",
          "occasional",
          "systolic",
          130,
          "diastolic",
          85);

  private static List<IssueCode> codes(ValidationResult result) {
    return result.diagnostics().issues().stream().map(Issue::code).toList();
  }

  @Test
  void validate_recordOfAnOldVersion_checkedAsThatVersionDefinedIt() {
    assertThat(VALIDATOR.validate(visit("2020.1", OF_2020)).diagnostics().issues()).isEmpty();
  }

  @Test
  void validate_sameValuesStampedWithTheNextVersion_retiredVariablesAndCodesAreErrors() {
    ValidationResult result = VALIDATOR.validate(visit("2022.1", OF_2020));

    assertThat(result.diagnostics().errors())
        .extracting(Issue::path)
        .contains("weight_lb", "tobacco");
    assertThat(codes(result)).containsOnly(IssueCode.UNDEFINED_VARIABLE);
  }

  @Test
  void validate_versionTheRegistryNeverHad_errorListingTheKnownVersions() {
    ValidationResult result =
        VALIDATOR.validate(visit("2021.1", Map.of("seen_on", "2021-01-01", "age", 40)));

    Issue unknown =
        result.diagnostics().errors().stream()
            .filter(i -> i.code() == IssueCode.UNKNOWN_VERSION)
            .findFirst()
            .orElseThrow();
    assertThat(unknown.text("en")).contains("'2021.1'", "2020.1, 2022.1, 2024.1");
  }

  @Test
  void asVersion_oldRecordAgainstTheCurrentVersion_showsWhatAMigrationMustFix() {
    ValidationResult result = VALIDATOR.asVersion("2024.1").validate(visit("2020.1", OF_2020));

    assertThat(result.diagnostics().errors())
        .extracting(Issue::path)
        .contains("visit_date", "weight_lb", "tobacco", "systolic", "diastolic", "seen_on");
    assertThatThrownBy(() -> VALIDATOR.asVersion("1999.1"))
        .hasMessageContaining("2020.1, 2022.1, 2024.1");
  }

  @Test
  void inclusion_criterionIntroducedIn2022_appliesFromThatVersionOn() {
    Map<String, Object> young2020 = Map.of("visit_date", "2020-05-01", "age", 17);
    Map<String, Object> young2022 = Map.of("visit_date", "2022-05-01", "age", 17);
    Map<String, Object> adult2022 = Map.of("visit_date", "2022-05-01", "age", 18);

    assertThat(codes(VALIDATOR.validate(visit("2020.1", young2020)))).isEmpty();
    assertThat(codes(VALIDATOR.validate(visit("2022.1", young2022))))
        .containsExactly(IssueCode.NOT_INCLUDED);
    assertThat(codes(VALIDATOR.validate(visit("2022.1", adult2022)))).isEmpty();
  }
}
