package no.regforms.definition;

import java.util.List;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.CompilationResult;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;

/**
 * Compiles the expressions of definition files, locating every issue inside the JSON string it came
 * from, and checks that each expression gives the kind of value its key needs.
 */
final class FormulaCompiler {

  private final ExpressionCompiler compiler;
  private final List<Issue> issues;

  FormulaCompiler(ExpressionCompiler compiler, List<Issue> issues) {
    this.compiler = compiler;
    this.issues = issues;
  }

  /** A condition ({@code visibleIf}, {@code check}): must give true or false. */
  Optional<Formula> condition(
      JsonFields item, String key, TypeEnvironment environment, JsonDocument document) {
    return compile(
        item, key, environment, document, ExprType.BOOLEAN, "a condition (true or false)");
  }

  /** A computed value: must give a value of the variable's type. */
  Optional<Formula> computation(
      JsonFields item,
      String key,
      TypeEnvironment environment,
      JsonDocument document,
      ExprType expected) {
    return compile(
        item,
        key,
        environment,
        document,
        expected,
        "a " + describe(expected) + " like the variable's type");
  }

  /** A number ({@code period}, {@code value} of an indicator). */
  Optional<Formula> number(
      JsonFields item, String key, TypeEnvironment environment, JsonDocument document) {
    return compile(item, key, environment, document, ExprType.NUMBER, "a number");
  }

  private Optional<Formula> compile(
      JsonFields item,
      String key,
      TypeEnvironment environment,
      JsonDocument document,
      ExprType expected,
      String expectation) {
    if (!item.has(key)) return Optional.empty();
    String text = item.text(key);
    String pointer = item.pointer(key);
    CompilationResult result =
        compiler.compile(
            text,
            environment,
            (source, start, end) -> document.locateInString(pointer, source, start, end));
    issues.addAll(result.diagnostics().issues());
    if (result.hasErrors() || result.expression().isEmpty()) return Optional.empty();
    CompiledExpression compiled = result.expression().get();
    if (!fits(compiled.type(), expected)) {
      issues.add(
          Issue.error(
              IssueCode.TYPE_MISMATCH,
              "'"
                  + key
                  + "' must be "
                  + expectation
                  + ", but this expression gives "
                  + describe(compiled.type()),
              document.locateInString(pointer, text, 0, text.length())));
      return Optional.empty();
    }
    return Optional.of(new Formula(text, compiled, document.locate(pointer)));
  }

  private static boolean fits(ExprType actual, ExprType expected) {
    if (actual.kind() == expected.kind()) return true;
    // A computed code may be written as a text expression: if(x > 10, 'high', 'low').
    return expected.kind() == ExprType.Kind.CODE && actual.kind() == ExprType.Kind.TEXT;
  }

  private static String describe(ExprType type) {
    switch (type.kind()) {
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "true or false";
      case CODES:
        return "list of codes";
      case ROWS:
        return "list of rows";
      default:
        return type.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
