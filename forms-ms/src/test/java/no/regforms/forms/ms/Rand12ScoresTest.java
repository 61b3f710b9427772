package no.regforms.forms.ms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;

/** RAND-12's two summary scores, computed by the definition with the SF-12 version 1 weights. */
class Rand12ScoresTest {

  private static final RecordValidator VALIDATOR =
      RecordValidator.of(DefinitionLoader.create().loadModule("ms").registryOrThrow());

  /** Answer codes of items 1-12, in item order. */
  private static ValidationResult answers(String... codes) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("response_date", "2024-11-15");
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] != null) {
        values.put(String.format("rand12_%02d", i + 1), codes[i]);
      }
    }
    return VALIDATOR.validate(Record.of("ms", "rand12", RecordValues.of(values)));
  }

  private static BigDecimal score(ValidationResult result, String variable) {
    return new BigDecimal(String.valueOf(result.computed().get(variable)));
  }

  @Test
  void scores_bestAnswers_areTheConstants() {
    ValidationResult best = answers("1", "3", "3", "2", "2", "2", "2", "1", "1", "1", "6", "5");

    assertThat(best.diagnostics().errors()).isEmpty();
    assertThat(score(best, "rand12_physical")).isEqualByComparingTo("56.58");
    assertThat(score(best, "rand12_mental")).isEqualByComparingTo("60.76");
  }

  @Test
  void scores_worstAnswers_matchThePublishedAlgorithm() {
    // 23.99938 and 19.06444 before rounding, as published SF-12 scoring packages give for these
    // answers.
    ValidationResult worst = answers("5", "1", "1", "1", "1", "1", "1", "5", "6", "6", "1", "1");

    assertThat(score(worst, "rand12_physical")).isEqualByComparingTo("24.00");
    assertThat(score(worst, "rand12_mental")).isEqualByComparingTo("19.06");
  }

  @Test
  void scores_mixedAnswers_addEachItemsWeight() {
    // Physical: 56.57706 - 3.02396 (good) - 3.45555 (limited a little) - 5.51747 (limited in kind)
    // - 3.80130 (a little pain)
    //   + 1.36689 (calm a good bit) - 1.61850 (energy some of the time) + 0.41188 (downhearted a
    // little) + 0.11038 = 41.04943.
    // Mental: 60.75781 + 0.03482 + 1.86840 + 1.66968 + 0.90384 - 4.09842 - 3.29805 - 1.95934 -
    // 3.13896 = 52.73978.
    ValidationResult mixed = answers("3", "2", "3", "2", "1", "2", "2", "2", "3", "4", "5", "4");

    assertThat(score(mixed, "rand12_physical")).isEqualByComparingTo("41.05");
    assertThat(score(mixed, "rand12_mental")).isEqualByComparingTo("52.74");
  }

  @Test
  void scores_oneItemUnanswered_areNotComputed() {
    ValidationResult partial = answers("3", "2", "3", "2", "1", "2", "2", "2", "3", null, "5", "4");

    assertThat(partial.computed().get("rand12_physical")).isNull();
    assertThat(partial.computed().get("rand12_mental")).isNull();
  }
}
