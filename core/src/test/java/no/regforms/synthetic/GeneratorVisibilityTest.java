package no.regforms.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.Test;

/**
 * The generator computes values before it decides visibility, so an item shown by a computed
 * variable is filled; and it says when its data leans: records redrawn often, branches never taken.
 */
class GeneratorVisibilityTest {

  private static final Registry HIP =
      DefinitionLoader.create()
          .load(Path.of("src/test/resources/registries/hipfracture"))
          .registryOrThrow();

  @Test
  void generate_itemShownByComputedVariable_isFilledAndValidates() {
    List<Record> records = new ArrayList<>();
    GenerationSummary summary =
        SyntheticDataGenerator.of(HIP, HIP.syntheticProfile().orElseThrow())
            .generate(200, 3, 0, generated -> records.add(generated.record()));

    // delay_reason is shown when the computed within_48h is false: the late operations occur and
    // are explained.
    long late = records.stream().filter(r -> r.values().has("delay_reason")).count();
    assertThat(late).as("records with a delay reason").isPositive();
    RecordValidator validator = RecordValidator.of(HIP);
    for (Record record : records)
      assertThat(validator.validate(record).diagnostics().errors()).isEmpty();
    assertThat(summary.forms().get("admission").shown().get("delay_reason")).isEqualTo(late);
    assertThat(summary.warnings()).noneMatch(w -> w.contains("'delay_reason' was never shown"));
  }

  @Test
  void generate_recordsOftenBreakingARule_warnsWithCountsOnly() {
    // The test profile draws surgery and admission times independently: surgery comes first in
    // about half the draws, which the rule surgery_after_admission sends back.
    GenerationSummary summary =
        SyntheticDataGenerator.of(HIP, HIP.syntheticProfile().orElseThrow())
            .generate(100, 3, 0, generated -> {});

    GenerationSummary.FormCounts admission = summary.forms().get("admission");
    assertThat(admission.records()).isEqualTo(100);
    assertThat(admission.redraws()).isGreaterThan(5);
    assertThat(summary.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(
                        "form 'admission': 100 records were drawn "
                            + admission.redraws()
                            + " times more")
                    .contains("surgery_at"));
  }

  @Test
  void warnings_branchNeverTakenEitherWay_namesItemAndCounts() {
    GenerationSummary summary =
        new GenerationSummary(
            Map.of(
                "visit",
                new GenerationSummary.FormCounts(
                    40, 0, Map.of(), Map.of("pain_site", 0L, "smoker_years", 40L, "dose", 12L))));

    assertThat(summary.warnings())
        .containsExactly(
            "form 'visit': 'pain_site' was never shown in 40 records: its visibility condition was never true",
            "form 'visit': 'smoker_years' was shown in all 40 records: its visibility condition was never false");
  }

  @Test
  void warnings_fewRecordsOrFewRedraws_none() {
    GenerationSummary summary =
        new GenerationSummary(
            Map.of(
                "visit", new GenerationSummary.FormCounts(19, 0, Map.of(), Map.of("pain_site", 0L)),
                "enrol",
                    new GenerationSummary.FormCounts(100, 5, Map.of("rule at x", 5L), Map.of())));

    assertThat(summary.warnings()).isEmpty();
  }
}
