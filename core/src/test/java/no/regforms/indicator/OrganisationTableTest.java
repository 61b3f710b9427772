package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Organisations;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import org.junit.jupiter.api.Test;

/** The organisation table and home-HF attribution as definitions: read, checked and located. */
class OrganisationTableTest {

  @Test
  void load_brokenOrganisationTableAndHomeHf_reportsEveryProblemLocated() throws Exception {
    Path folder = Path.of("src", "test", "resources", "indicator", "invalid-organisations");

    LoadResult result = DefinitionLoader.create().load(folder);

    assertThat(result.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(
            IssueCode.TYPE_MISMATCH,
            IssueCode.UNKNOWN_ORGANISATION,
            IssueCode.UNKNOWN_ORGANISATION,
            IssueCode.DUPLICATE_ID);
    assertThat(result.diagnostics().toDisplayString().strip())
        .isEqualTo(
            Files.readString(folder.resolve("expected-issues.txt"), StandardCharsets.UTF_8)
                .strip());
  }

  @Test
  void unit_datedEntries_mapToTheEntryValidOnTheDate() {
    Organisations organisations = Fixtures.testRegistry("qi").organisations();

    assertThat(
            organisations
                .unit("200", LocalDate.of(2022, 12, 31))
                .map(Organisations.Unit::healthTrust))
        .hasValue("more_romsdal");
    assertThat(organisations.unit("200", LocalDate.of(2023, 1, 1)).map(Organisations.Unit::orgnr))
        .hasValue("974754118");
    assertThat(organisations.unit("999", LocalDate.of(2023, 1, 1))).isEmpty();
    assertThat(organisations.healthTrust("983974724").map(Organisations.HealthTrust::id))
        .hasValue("bergen");
    assertThat(organisations.healthTrustsByRegion().get("helse_midt"))
        .extracting(Organisations.HealthTrust::id)
        .containsExactly("nord_trondelag", "st_olav", "more_romsdal");
  }

  @Test
  void unit_withoutOrgnr_reportsUnderItsHealthTrustsNumber() {
    Organisations organisations = Fixtures.testRegistry("qi").organisations();

    assertThat(organisations.unit("400", LocalDate.of(2024, 1, 1)).map(Organisations.Unit::orgnr))
        .hasValue("983974724");
  }

  @Test
  void registries_withoutOrganisationFile_stillHaveTheNorwegianTable() {
    Organisations organisations = Fixtures.registry("ms").organisations();

    assertThat(organisations.regions()).hasSize(4);
    assertThat(organisations.healthTrusts())
        .extracting(Organisations.HealthTrust::orgnr)
        .doesNotHaveDuplicates()
        .allMatch(orgnr -> orgnr.matches("[0-9]{9}"));
    assertThat(organisations.units()).isNotEmpty();
  }
}
