package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Helse Midt-Norge examples of seed 003, rebuilt from their counts and graded with their
 * levels: MS diagnosis within 2 years 67 of 78 = 86 % (HMR 91 %, HNT 78 %, St. Olavs 84 %); STEMI
 * reperfusion in time 153 of 245 = 62 % against the ≥ 85 % target (HNT 49 %, HMR 45 %, St. Olav 81
 * %); HbA1c below 53 mmol/mol 210 of 465 = 45 % against high from 60 %.
 */
class PublishedFiguresTest {

  private static final Registry QI = Fixtures.testRegistry("qi");

  private static void add(List<Record> records, String hf, int met, int total) {
    for (int i = 0; i < total; i++) {
      records.add(
          Fixtures.record(
              "qi",
              "case",
              hf + "-" + i,
              "",
              "",
              "hf",
              hf,
              "event_date",
              "2024-06-01",
              "met",
              i < met));
    }
  }

  @ParameterizedTest(name = "{0}: {1}/{2} = {3} % graded {4}")
  @CsvSource({
    "qi_ms_diagnosis, 67, 78, 86, H, more_romsdal:32:35:91, nord_trondelag:14:18:78, st_olav:21:25:84",
    "qi_stemi, 153, 245, 62, L, nord_trondelag:17:35:49, more_romsdal:41:92:45, st_olav:95:118:81",
    "qi_bdr, 210, 465, 45, L, nord_trondelag:50:100:50, more_romsdal:60:165:36, st_olav:100:200:50"
  })
  void regionResult_seed003Counts_reproducesPercentAndLevel(
      String indicator,
      long numerator,
      long denominator,
      long percent,
      String level,
      String hf1,
      String hf2,
      String hf3) {
    List<Record> records = new ArrayList<>();
    List<String[]> hfs = List.of(hf1.split(":"), hf2.split(":"), hf3.split(":"));
    for (String[] hf : hfs) add(records, hf[0], Integer.parseInt(hf[1]), Integer.parseInt(hf[2]));

    IndicatorResults results =
        IndicatorCalculator.of(QI)
            .calculate(
                records.iterator(), RunOptions.years(2024).withIndicators(Set.of(indicator)));

    IndicatorResult region =
        results.find(indicator, 2024, GroupLevel.RHF, "helse_midt").orElseThrow();
    assertThat(region.numerator()).isEqualTo(numerator);
    assertThat(region.denominator()).isEqualTo(denominator);
    assertThat(Math.round(region.value().orElseThrow() * 100)).isEqualTo(percent);
    assertThat(region.attainment().map(Attainment::letter)).hasValue(level);
    assertThat(region.lower().orElseThrow()).isLessThan(region.value().orElseThrow());
    assertThat(region.upper().orElseThrow()).isGreaterThan(region.value().orElseThrow());
    for (String[] hf : hfs) {
      IndicatorResult trust = results.find(indicator, 2024, GroupLevel.HF, hf[0]).orElseThrow();
      assertThat(Math.round(trust.value().orElseThrow() * 100))
          .as(hf[0])
          .isEqualTo(Long.parseLong(hf[3]));
    }
  }

  @ParameterizedTest(name = "{0} with green {1}, yellow {2}, {3} better: {4}")
  @CsvSource({
    "0.80, 0.80, 0.60, higher, H", "0.7999, 0.80, 0.60, higher, M", "0.60, 0.80, 0.60, higher, M",
        "0.5999, 0.80, 0.60, higher, L",
    "0.03, 0.03, 0.04, lower, H", "0.035, 0.03, 0.04, lower, M", "0.04, 0.03, 0.04, lower, M",
        "0.0401, 0.03, 0.04, lower, L",
    "0.85, 0.85, , higher, H", "0.84, 0.85, , higher, L"
  })
  void grade_skdeRule_boundariesAsDefineLevel(
      double value,
      java.math.BigDecimal green,
      java.math.BigDecimal yellow,
      String direction,
      String expected) {
    var levels =
        new no.regforms.definition.Indicator.Levels(
            direction.equals("higher"), green, yellow == null ? green : yellow);

    assertThat(Attainment.grade(java.util.Optional.of(levels), value).map(Attainment::letter))
        .hasValue(expected);
  }
}
