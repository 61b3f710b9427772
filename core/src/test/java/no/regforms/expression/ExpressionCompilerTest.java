package no.regforms.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.parser.Expr;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {

  private static final TypeEnvironment ENV =
      TypeEnvironment.of(
          Map.of(
              "age",
              ExprType.NUMBER,
              "smoker",
              ExprType.BOOLEAN,
              "indication",
              ExprType.code("ect_indication", Set.of("depression", "mania"))));

  @Test
  void compile_validText_exposesTextTypeReferencesAndSyntax() {
    CompiledExpression compiled =
        ExpressionCompiler.create()
            .compile("age >= 18 and indication = 'mania'", ENV)
            .expressionOrThrow();
    assertThat(compiled.text()).isEqualTo("age >= 18 and indication = 'mania'");
    assertThat(compiled.type()).isEqualTo(ExprType.BOOLEAN);
    assertThat(compiled.references()).containsExactlyInAnyOrder("age", "indication");
    assertThat(compiled.syntax()).isInstanceOf(Expr.Binary.class);
    assertThat(compiled.evaluate(EvaluationContext.of(Map.of("age", 30, "indication", "mania"))))
        .isEqualTo(true);
  }

  @Test
  void references_manyNames_inOrderOfFirstAppearance() {
    TypeEnvironment env =
        TypeEnvironment.of(
            Map.of(
                "e",
                ExprType.NUMBER,
                "b",
                ExprType.NUMBER,
                "d",
                ExprType.NUMBER,
                "a",
                ExprType.NUMBER,
                "c",
                ExprType.NUMBER));
    CompiledExpression compiled =
        ExpressionCompiler.create().compile("e + b + d + e + a + c", env).expressionOrThrow();
    assertThat(compiled.references()).containsExactly("e", "b", "d", "a", "c");
  }

  @Test
  void compile_textTooLong_reportsAtStart() {
    CompilationResult result =
        ExpressionCompiler.builder().maxLength(10).build().compile("age + age + age", ENV);
    assertThat(result.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPRESSION_TOO_LONG);
    assertThat(((SourceLocation) result.diagnostics().errors().get(0).location()).column())
        .isEqualTo(1);
    assertThat(
            ExpressionCompiler.create()
                .compile("1" + " + 1".repeat(1000), ENV)
                .diagnostics()
                .errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPRESSION_TOO_LONG);
  }

  @Test
  void compile_textWithinDefaultLimits_compiles() {
    String text = "1" + " + 1".repeat(900);
    assertThat(
            ExpressionCompiler.create()
                .compile(text, ENV)
                .expressionOrThrow()
                .evaluate(EvaluationContext.of(Map.of())))
        .isEqualTo(BigDecimal.valueOf(901));
  }

  @Test
  void compile_deeperThanBuilderLimit_reportsTooDeep() {
    ExpressionCompiler shallow = ExpressionCompiler.builder().maxDepth(3).build();
    assertThat(shallow.compile("((1))", ENV).hasErrors()).isFalse();
    assertThat(shallow.compile("(((1)))", ENV).diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPRESSION_TOO_DEEP);
  }

  @Test
  void builder_depthOutOfRange_isRejected() {
    assertThatThrownBy(() -> ExpressionCompiler.builder().maxDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExpressionCompiler.builder().maxDepth(100_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compile_origin_locatesIssues() {
    ExpressionOrigin origin =
        (text, start, end) ->
            SourceLocation.of("forms/a.json", 7, 20 + start, "/variables/0/visibleIf");
    Issue issue =
        ExpressionCompiler.create()
            .compile("age > agge", ENV, origin)
            .diagnostics()
            .errors()
            .get(0);
    assertThat(issue.location())
        .isEqualTo(SourceLocation.of("forms/a.json", 7, 26, "/variables/0/visibleIf"));
  }

  @Test
  void evaluate_sharedBetweenThreads_givesSameResults() throws InterruptedException {
    CompiledExpression compiled =
        ExpressionCompiler.create().compile("age * 2", ENV).expressionOrThrow();
    Thread[] threads = new Thread[4];
    BigDecimal[] results = new BigDecimal[threads.length];
    for (int i = 0; i < threads.length; i++) {
      int index = i;
      threads[i] =
          new Thread(
              () -> {
                for (int k = 0; k < 1000; k++) {
                  results[index] =
                      (BigDecimal) compiled.evaluate(EvaluationContext.of(Map.of("age", index)));
                }
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(results)
        .containsExactly(
            BigDecimal.valueOf(0),
            BigDecimal.valueOf(2),
            BigDecimal.valueOf(4),
            BigDecimal.valueOf(6));
  }
}
