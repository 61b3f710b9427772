package no.regforms.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart axis from 0 to a round top with round ticks (0, 20, 40, … 100 %; 0, 1, 2, … 4): the step
 * is 1, 2, 2.5 or 5 times a power of ten, the smallest that covers the data in at most five steps.
 *
 * @param top the axis maximum, a multiple of {@code step}
 * @param step the distance between ticks
 */
record AxisScale(double top, double step) {

  private static final double[] STEPS = {1, 2, 2.5, 5, 10};

  /** The axis for data up to {@code max} (0 or less gives the unit axis 0–1). */
  static AxisScale covering(double max) {
    if (!(max > 0)) return new AxisScale(1, 0.2);
    double raw = max / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude * 10;
    for (double multiple : STEPS) {
      if (multiple * magnitude >= raw * (1 - 1e-9)) {
        step = multiple * magnitude;
        break;
      }
    }
    double top = Math.ceil(max / step - 1e-9) * step;
    return new AxisScale(top, step);
  }

  /**
   * The tick values from 0 to {@code top}, exact in decimal (0.2 · 3 is 0.6, not
   * 0.6000000000000001).
   */
  List<BigDecimal> ticks() {
    List<BigDecimal> ticks = new ArrayList<>();
    BigDecimal exactStep = BigDecimal.valueOf(step);
    int count = (int) Math.round(top / step);
    for (int i = 0; i <= count; i++) {
      ticks.add(exactStep.multiply(BigDecimal.valueOf(i)).stripTrailingZeros());
    }
    return ticks;
  }
}
