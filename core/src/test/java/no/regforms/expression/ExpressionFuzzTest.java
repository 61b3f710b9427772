package no.regforms.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.js.JavaScriptEmitter;
import no.regforms.testing.FuzzDeadline;

/**
 * Fuzzes the expression parser, type checker, evaluator and JavaScript emitter with arbitrary text:
 * an expression either compiles, and then evaluates on empty and filled values and emits JavaScript
 * without an exception, or it is refused with errors that each point into the text.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays the corpus under {@code ExpressionFuzzTestInputs};
 * see {@code docs/fuzzing.md}.
 */
class ExpressionFuzzTest {

  private static final ExpressionCompiler COMPILER = ExpressionCompiler.create();
  private static final TypeEnvironment ENV = TypeEnvironment.of(names());
  private static final List<EvaluationContext> CONTEXTS =
      List.of(EvaluationContext.of(Map.of()), filled());

  private static Map<String, ExprType> names() {
    Map<String, ExprType> names = new LinkedHashMap<>();
    names.put("a", ExprType.NUMBER);
    names.put("b", ExprType.NUMBER);
    names.put("t", ExprType.TEXT);
    names.put("d1", ExprType.DATE);
    names.put("d2", ExprType.DATE);
    names.put("ym", ExprType.YEARMONTH);
    names.put("dt", ExprType.DATETIME);
    names.put("flag", ExprType.BOOLEAN);
    names.put(
        "code",
        ExprType.code(
            "abc", Set.of("x", "y"), Map.of("x", BigDecimal.ONE, "y", new BigDecimal("2.5"))));
    names.put("codes", ExprType.codes("abc", Set.of("x", "y")));
    names.put(
        "rows",
        ExprType.rows(Map.of("n", ExprType.NUMBER, "ok", ExprType.BOOLEAN, "d", ExprType.DATE)));
    return names;
  }

  private static EvaluationContext filled() {
    Map<String, Object> values = new HashMap<>();
    values.put("a", new BigDecimal("12.5"));
    values.put("b", BigDecimal.ZERO);
    values.put("t", "Hello åø");
    values.put("d1", LocalDate.of(2024, 2, 29));
    values.put("d2", LocalDate.of(1900, 1, 1));
    values.put("ym", YearMonth.of(2024, 12));
    values.put("dt", LocalDateTime.of(2024, 3, 1, 10, 15));
    values.put("flag", true);
    values.put("code", "y");
    values.put("codes", List.of("x", "y"));
    values.put(
        "rows",
        List.of(
            Map.of("n", new BigDecimal("1.5"), "ok", true, "d", LocalDate.of(2024, 1, 31)),
            Map.of("n", new BigDecimal("-3"))));
    return EvaluationContext.of(values);
  }

  @FuzzTest
  void compile(byte[] input) {
    FuzzDeadline.within(() -> compileChecked(input));
  }

  private void compileChecked(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    CompilationResult result = COMPILER.compile(text, ENV);
    if (result.expression().isPresent()) {
      CompiledExpression expression = result.expression().get();
      CONTEXTS.forEach(expression::evaluate);
      assertThat(JavaScriptEmitter.emit(expression)).startsWith("function(c){");
    } else {
      assertThat(result.diagnostics().errors())
          .as(text)
          .isNotEmpty()
          .allSatisfy(ExpressionFuzzTest::pointsIntoText);
    }
  }

  private static void pointsIntoText(Issue issue) {
    assertThat(issue.location())
        .isInstanceOfSatisfying(
            SourceLocation.class,
            location -> assertThat(location.excerpt()).as(issue.toDisplayString()).isPresent());
    assertThat(issue.toDisplayString()).doesNotContain("Exception");
  }
}
