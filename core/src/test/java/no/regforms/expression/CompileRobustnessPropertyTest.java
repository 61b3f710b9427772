package no.regforms.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.regforms.diagnostic.Issue;

class CompileRobustnessPropertyTest {

  private static final TypeEnvironment ENV = environment();
  private static final List<String> TOKENS =
      List.of(
          "a",
          "n",
          "d",
          "c",
          "cs",
          "rows",
          "t",
          "t.x",
          "t.n",
          "r",
          "1",
          "2.5",
          "0",
          "'k1'",
          "'x'",
          "'\\''",
          "true",
          "false",
          "and",
          "or",
          "not",
          "in",
          "=",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "+",
          "-",
          "*",
          "/",
          ".",
          ",",
          "(",
          ")",
          "'",
          "\\",
          "!",
          "#",
          "date('2024-01-01')",
          "date('2024-02-30')",
          "yearmonth('2022-06')",
          "sum",
          "count",
          "any",
          "all",
          "min",
          "max",
          "mean",
          "if",
          "coalesce",
          "matches",
          "contains",
          "'(a+'",
          "months_between",
          "age_at",
          "filled",
          "answered",
          "round",
          "date",
          "today",
          "length",
          "count_filled",
          "add_days",
          "nosuch",
          " ");

  private static TypeEnvironment environment() {
    Map<String, ExprType> names = new LinkedHashMap<>();
    names.put("a", ExprType.BOOLEAN);
    names.put("n", ExprType.NUMBER);
    names.put("d", ExprType.DATE);
    names.put("c", ExprType.code("list", Set.of("k1", "k2")));
    names.put("cs", ExprType.codes("list", Set.of("k1", "k2")));
    names.put("rows", ExprType.rows(Map.of("x", ExprType.NUMBER, "n", ExprType.TEXT)));
    return TypeEnvironment.of(names);
  }

  @Property(tries = 1000)
  void compile_randomCharacters_neverThrows(@ForAll("characters") String text) {
    assertCompilesOrReports(text);
  }

  @Property(tries = 1000)
  void compile_randomTokenSoup_neverThrows(@ForAll("tokenSoup") String text) {
    assertCompilesOrReports(text);
  }

  private static void assertCompilesOrReports(String text) {
    CompilationResult result = ExpressionCompiler.create().compile(text, ENV);
    if (result.expression().isPresent()) {
      assertThat(result.hasErrors()).isFalse();
      // Evaluating with no values must not throw either: everything is simply unknown.
      result.expression().get().evaluate(EvaluationContext.of(Map.of()));
    } else {
      assertThat(result.diagnostics().errors())
          .as(text)
          .isNotEmpty()
          .allSatisfy(issue -> assertThat(issue.location()).isNotNull());
      result.diagnostics().errors().forEach(Issue::toDisplayString);
    }
  }

  @Provide
  Arbitrary<String> characters() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', 'å', '\u00a0')
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(25).map(tokens -> String.join(" ", tokens));
  }
}
