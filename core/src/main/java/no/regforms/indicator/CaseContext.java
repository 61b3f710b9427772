package no.regforms.indicator;

import java.time.LocalDate;
import java.util.Map;
import no.regforms.expression.EvaluationContext;

/** The values one case shows an indicator's expressions, with the run parameters of one year. */
final class CaseContext implements EvaluationContext {

  private final Map<String, Object> values;
  private final int year;
  private final LocalDate today;

  CaseContext(Map<String, Object> values, int year, LocalDate today) {
    this.values = values;
    this.year = year;
    this.today = today;
  }

  @Override
  public Object value(String name) {
    switch (name) {
      case "report_year":
        if (!values.containsKey(name)) return java.math.BigDecimal.valueOf(year);
        break;
      case "period_start":
        if (!values.containsKey(name)) return LocalDate.of(year, 1, 1);
        break;
      case "period_end":
        if (!values.containsKey(name)) return LocalDate.of(year, 12, 31);
        break;
      default:
        break;
    }
    return values.get(name);
  }

  @Override
  public LocalDate today() {
    return today;
  }

  static boolean isParameter(String name) {
    return name.equals("report_year") || name.equals("period_start") || name.equals("period_end");
  }
}
