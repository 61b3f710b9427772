package no.regforms.expression.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;
import org.junit.jupiter.api.Test;

/** The JavaScript text the emitter writes, without a browser. */
class JavaScriptEmitterTest {

  private static final TypeEnvironment ENV =
      TypeEnvironment.of(
          Map.of(
              "t",
              ExprType.TEXT,
              "n",
              ExprType.NUMBER,
              "c",
              ExprType.codes("list", Set.of("a", "b")),
              "rows",
              ExprType.rows(Map.of("x", ExprType.NUMBER))));

  private static CompiledExpression compile(String text) {
    return ExpressionCompiler.create().compile(text, ENV).expressionOrThrow();
  }

  @Test
  void emit_textLiteralWithMarkup_isEscapedInsideAStringLiteral() {
    String js = JavaScriptEmitter.emit(compile("t = '</script><!-- \"x\" \\' æ'"));
    assertThat(js)
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("æ")
        .contains("\"\\u003c/script\\u003e\\u003c!-- \\\"x\\\" \\u0027 \\u00e6\"");
  }

  @Test
  void emit_overloads_resolvedByTheCheckersTypes() {
    assertThat(JavaScriptEmitter.emit(compile("sum(rows, r, r.x) + sum(n, 1)")))
        .contains(
            "RegformsExpr.sumRows(c.v(\"rows\",\"R\"),function(r0){return RegformsExpr.mem(r0,\"x\",\"N\");})")
        .contains("RegformsExpr.sum(c.v(\"n\",\"N\"),RegformsExpr.n(\"1\"))");
    assertThat(JavaScriptEmitter.emit(compile("contains(c, 'a') and contains(t, 'a')")))
        .contains("containsCode(")
        .contains("containsText(");
  }

  @Test
  void emit_matches_passesTheRe2PatternUnchangedToTheEngine() {
    CompiledExpression matches = compile("matches(t, '(?i)\\\\pL+.c')");
    assertThat(JavaScriptEmitter.emit(matches))
        .contains("RegformsExpr.matches(c.v(\"t\",\"S\"),RegformsExpr.re(\"(?i)\\\\pL+.c\"))");
    assertThat(JavaScriptEmitter.usesRegex(matches)).isTrue();
    assertThat(JavaScriptEmitter.usesRegex(compile("if(n > 1, matches(t, 'a'), false)"))).isTrue();
    assertThat(JavaScriptEmitter.usesRegex(compile("contains(t, 'a') and n > 1"))).isFalse();
  }

  @Test
  void runtime_resource_definesTheRuntimeAndCannotCloseAScript() {
    String runtime = JavaScriptEmitter.runtime();
    assertThat(runtime)
        .contains("var RegformsExpr")
        .doesNotContainIgnoringCase("</script")
        .doesNotContain("<!--");
  }

  @Test
  void regexEngine_resource_isRe2jsWithItsLicenceAndCannotCloseAScript() {
    assertThat(JavaScriptEmitter.regexEngine())
        .startsWith("/*!\n* re2js")
        .contains("@license MIT")
        .contains("globalThis")
        .doesNotContainIgnoringCase("</script")
        .doesNotContain("<!--");
  }
}
