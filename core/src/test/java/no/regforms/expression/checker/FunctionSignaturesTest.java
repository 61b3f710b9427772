package no.regforms.expression.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;
import no.regforms.expression.parser.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionSignaturesTest {

  private static final TypeEnvironment ENV =
      TypeEnvironment.of(
          Map.of(
              "a",
              ExprType.NUMBER,
              "t",
              ExprType.TEXT,
              "codes",
              ExprType.codes("c", Set.of("x", "y")),
              "rows",
              ExprType.rows(Map.of("n", ExprType.NUMBER))));

  @Test
  void names_everyBuiltinName_hasASignature() {
    assertThat(FunctionSignatures.names()).containsExactlyInAnyOrderElementsOf(Builtin.names());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sum(a, 1)              | SUM",
        "sum(rows, r, r.n)      | SUM_ROWS",
        "count(rows)            | COUNT_ROWS",
        "count(codes)           | COUNT_CODES",
        "count(rows, r, r.n > 1) | COUNT_WHERE",
        "round(a)               | ROUND",
        "round(a, 2)            | ROUND_TO",
        "contains(t, 'x')       | CONTAINS_TEXT",
        "contains(codes, 'x')   | CONTAINS_CODE",
        "max(rows, r, r.n)      | MAX_ROWS",
      })
  void check_overloadedCall_recordsTheOverloadOnTheCall(String text, Builtin expected) {
    CompiledExpression compiled =
        ExpressionCompiler.create().compile(text, ENV).expressionOrThrow();

    assertThat(compiled.functionOf((Expr.Call) compiled.syntax())).isEqualTo(expected);
  }
}
