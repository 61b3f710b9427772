package no.regforms.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import no.regforms.expression.EvaluationContext;

/** The values one case shows an indicator's expressions, with the run parameters of one year. */
final class CaseContext implements EvaluationContext {

  /**
   * The run parameters of one report year, made once per run: expressions read them for every case.
   */
  record Parameters(int year, BigDecimal reportYear, LocalDate periodStart, LocalDate periodEnd) {
    static Parameters of(int year) {
      return new Parameters(
          year, BigDecimal.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
  }

  private final Map<String, Object> values;
  private final Parameters parameters;
  private final LocalDate today;

  CaseContext(Map<String, Object> values, Parameters parameters, LocalDate today) {
    this.values = values;
    this.parameters = parameters;
    this.today = today;
  }

  @Override
  public Object value(String name) {
    Object value = values.get(name);
    // A variable of the same name as a parameter wins, even when it has no value.
    if (value != null || values.containsKey(name)) return value;
    switch (name) {
      case "report_year":
        return parameters.reportYear();
      case "period_start":
        return parameters.periodStart();
      case "period_end":
        return parameters.periodEnd();
      default:
        return null;
    }
  }

  @Override
  public LocalDate today() {
    return today;
  }

  static boolean isParameter(String name) {
    return name.equals("report_year") || name.equals("period_start") || name.equals("period_end");
  }
}
