package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AxisScaleTest {

  private static String ticks(double max) {
    return String.join(
        " ", AxisScale.covering(max).ticks().stream().map(BigDecimal::toPlainString).toList());
  }

  @Test
  void covering_shareUpToOne_ticksEveryTwentyPercent() {
    assertThat(ticks(1.0)).isEqualTo("0 0.2 0.4 0.6 0.8 1");
  }

  @Test
  void covering_coverageAboveOne_roundTopAboveTheData() {
    assertThat(ticks(1.12)).isEqualTo("0 0.25 0.5 0.75 1 1.25");
    assertThat(ticks(0.043)).isEqualTo("0 0.01 0.02 0.03 0.04 0.05");
  }

  @Test
  void covering_meansAndMedians_wholeOrHalfSteps() {
    assertThat(ticks(3.7)).isEqualTo("0 1 2 3 4");
    assertThat(ticks(22.4)).isEqualTo("0 5 10 15 20 25");
    assertThat(ticks(4)).isEqualTo("0 1 2 3 4");
  }

  @Test
  void covering_nothingToDraw_unitAxis() {
    assertThat(ticks(0)).isEqualTo("0 0.2 0.4 0.6 0.8 1");
  }
}
