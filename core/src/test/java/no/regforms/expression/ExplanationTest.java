package no.regforms.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  private static final TypeEnvironment ENV =
      TypeEnvironment.of(
          Map.of(
              "a",
              ExprType.NUMBER,
              "b",
              ExprType.NUMBER,
              "c",
              ExprType.NUMBER,
              "flag",
              ExprType.BOOLEAN,
              "rows",
              ExprType.rows(Map.of("n", ExprType.NUMBER))));

  private static Explanation explain(String text, Map<String, Object> values) {
    return ExpressionCompiler.create()
        .compile(text, ENV)
        .expressionOrThrow()
        .explain(EvaluationContext.of(values));
  }

  @Test
  void explain_parenthesisedOperands_showsEachPartWithItsParentheses() {
    Explanation explanation = explain("(a + b) * (c - 1)", Map.of("a", 1, "b", 2, "c", 5));

    assertThat(explanation.text()).isEqualTo("(a + b) * (c - 1)");
    assertThat((BigDecimal) explanation.value()).isEqualByComparingTo("12");
    assertThat(explanation.parts()).extracting(Explanation::text).containsExactly("a + b", "c - 1");
    assertThat(explanation.parts().get(0).parts())
        .extracting(Explanation::text)
        .containsExactly("a", "b");
  }

  @Test
  void explain_unknownValue_namesTheUnknownNamesItRead() {
    Map<String, Object> values = new HashMap<>();
    values.put("a", 1);
    Explanation explanation = explain("flag or a > b", values);

    assertThat(explanation.value()).isNull();
    assertThat(explanation.unknownNames()).containsExactly("flag", "b");
    assertThat(
            explanation.toJson().path("parts").path(1).path("parts").path(0).path("value").asInt())
        .isEqualTo(1);
  }

  @Test
  void explain_collectionFunction_showsTheRowsNotTheBoundBody() {
    Explanation explanation =
        explain("any(rows, r, r.n > 2)", Map.of("rows", java.util.List.of(Map.of("n", 3))));

    assertThat(explanation.value()).isEqualTo(true);
    assertThat(explanation.parts()).extracting(Explanation::text).containsExactly("rows");
  }
}
