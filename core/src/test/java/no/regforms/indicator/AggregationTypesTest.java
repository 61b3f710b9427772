package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/**
 * The count, sum, min and max indicator types: values, what is left out, suppression, the table and
 * SKDE.
 */
class AggregationTypesTest {

  private static final Registry QI = Fixtures.testRegistry("qi");
  private static final Set<String> TYPES =
      Set.of("qi_score_count", "qi_score_sum", "qi_score_min", "qi_score_max");

  /**
   * Unit 100: scores 10, 11.5, 12, 13 and an excluded case (score 99); unit 101: scores 1 and 50,
   * below minDenominator 3; unit 200: scores 2.5, 20, 7 and a case without a score.
   */
  private static IndicatorResults run() {
    List<Record> records = new ArrayList<>();
    Object[][] cases = {
      {"100", 10},
      {"100", 11.5},
      {"100", 12},
      {"100", 13},
      {"100", 99, false},
      {"101", 1},
      {"101", 50},
      {"200", 2.5},
      {"200", 20},
      {"200", 7},
      {"200", null}
    };
    int n = 0;
    for (Object[] c : cases) {
      List<Object> values =
          new ArrayList<>(List.of("event_date", "2024-03-01", "met", c.length > 2 ? c[2] : true));
      if (c[1] != null) values.addAll(List.of("score", c[1]));
      records.add(record("qi", "case", "c" + n, "p" + n++, (String) c[0], values.toArray()));
    }
    return IndicatorCalculator.of(QI)
        .calculate(records.iterator(), RunOptions.years(2024).withIndicators(TYPES));
  }

  private static IndicatorResult result(
      IndicatorResults results, String indicator, GroupLevel level, String group) {
    return results.find(indicator, 2024, level, group).orElseThrow();
  }

  @Test
  void count_countsEveryCaseTheDenominatorAdmits_exclusionsApartAndAValueNotNeeded() {
    IndicatorResult nation = result(run(), "qi_score_count", GroupLevel.NATIONAL, "national");

    assertThat(nation.denominator()).isEqualTo(10);
    assertThat(nation.numerator()).isZero();
    assertThat(nation.value()).contains(10.0);
    assertThat(nation.excluded()).isEqualTo(Map.of("not_met", 1L));
    assertThat(nation.leftOut()).isEmpty();
    assertThat(nation.lower()).isEmpty();
  }

  @Test
  void sumMinMax_overTheCasesWithAValue_missingValueLeftOutAndCounted() {
    IndicatorResults results = run();

    IndicatorResult sum = result(results, "qi_score_sum", GroupLevel.NATIONAL, "national");
    assertThat(sum.value()).contains(127.0);
    assertThat(sum.denominator()).isEqualTo(9);
    assertThat(sum.leftOut()).isEqualTo(Map.of("score", 1L));
    assertThat(result(results, "qi_score_min", GroupLevel.NATIONAL, "national").value())
        .contains(1.0);
    assertThat(result(results, "qi_score_max", GroupLevel.NATIONAL, "national").value())
        .contains(50.0);
    // The excluded case's 99 is in no figure.
    assertThat(result(results, "qi_score_max", GroupLevel.UNIT, "100").value()).contains(13.0);
    IndicatorResult min200 = result(results, "qi_score_min", GroupLevel.UNIT, "200");
    assertThat(min200.value()).contains(2.5);
    assertThat(min200.denominator()).isEqualTo(3);
    assertThat(min200.isSuppressed()).as("3 values reach minDenominator 3").isFalse();
    assertThat(min200.lower()).isEmpty();
  }

  @Test
  void minMax_unitBelowMinDenominator_hiddenInTheTable() {
    IndicatorResults results = run();
    IndicatorResult max101 = result(results, "qi_score_max", GroupLevel.UNIT, "101");

    assertThat(max101.suppression()).isEqualTo(Suppression.PRIMARY);
    assertThat(ResultTableWriter.row(max101))
        .containsEntry("value", null)
        .containsEntry("denominator", null);
  }

  @Test
  void skde_countUploadedAsAntall_sumMinMaxHaveNoSkdeTypeAndAreLeftOut() {
    SkdeExport export = SkdeExport.of(QI);
    SkdeExport.Upload upload = export.upload(run());

    assertThat(upload.diagnostics().issues()).isEmpty();
    assertThat(upload.fractions()).isEmpty();
    assertThat(upload.others())
        .extracting(SkdeExport.UploadRow::indId)
        .containsOnly("qi_score_count");
    SkdeExport.UploadRow national =
        upload.others().stream().filter(r -> r.orgnr().equals("1")).findFirst().orElseThrow();
    assertThat(national.var()).isEqualByComparingTo(BigDecimal.TEN);
    assertThat(national.denominator()).isEqualTo(10);
    assertThat(export.indRecords().records())
        .filteredOn(r -> TYPES.contains(r.get("id")))
        .extracting(r -> r.get("id") + " " + r.get("type") + " " + r.get("sformat"))
        .containsExactly("qi_score_count antall ,.0f");
  }
}
