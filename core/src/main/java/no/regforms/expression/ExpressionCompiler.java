package no.regforms.expression;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.checker.CheckResult;
import no.regforms.expression.checker.TypeChecker;
import no.regforms.expression.eval.Program;
import no.regforms.expression.parser.ParseResult;
import no.regforms.expression.parser.Parser;

/**
 * Parses and type-checks expressions against a {@link TypeEnvironment}, and plans them for
 * evaluation.
 *
 * <p>Immutable and thread-safe. {@link #compile} never throws on bad text: every problem (syntax,
 * unknown names and functions, type errors, unknown codes, invalid literals and patterns, limits)
 * is an {@link Issue} in the result, located inside the text through the {@link ExpressionOrigin}.
 *
 * <pre>{@code
 * ExpressionCompiler compiler = ExpressionCompiler.create();
 * CompilationResult result = compiler.compile("months_between(onset, diagnosis_date) <= 24", env);
 * if (result.hasErrors()) {
 *   System.err.println(result.diagnostics().toDisplayString());
 * }
 * }</pre>
 */
public final class ExpressionCompiler {

  /** The default longest text accepted, in characters. */
  public static final int DEFAULT_MAX_LENGTH = 4000;

  /** The default deepest nesting of parentheses, calls and prefix operators. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** The greatest nesting depth a builder accepts; deeper parsing could exhaust a small stack. */
  public static final int MAX_DEPTH_LIMIT = 256;

  private final int maxLength;
  private final int maxDepth;

  private ExpressionCompiler(int maxLength, int maxDepth) {
    this.maxLength = maxLength;
    this.maxDepth = maxDepth;
  }

  /** A compiler with the default limits. */
  public static ExpressionCompiler create() {
    return new ExpressionCompiler(DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
  }

  /** A builder for a compiler with other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Compiles {@code text}, reporting issues at positions given by {@code origin}. */
  public CompilationResult compile(
      String text, TypeEnvironment environment, ExpressionOrigin origin) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(origin, "origin");
    if (text.length() > maxLength) {
      return failed(
          List.of(
              Issue.error(
                  IssueCode.EXPRESSION_TOO_LONG,
                  "expression is "
                      + text.length()
                      + " characters long; at most "
                      + maxLength
                      + " are allowed",
                  origin.locate(text, 0, Math.min(text.length(), 10)))));
    }
    ParseResult parsed = Parser.parse(text, origin, maxDepth);
    if (parsed.syntax().isEmpty()) {
      return failed(parsed.issues());
    }
    CheckResult checked = TypeChecker.check(parsed.syntax().get(), environment, text, origin);
    if (checked.type().isEmpty()) {
      return failed(checked.issues());
    }
    Program program = Program.plan(parsed.syntax().get(), checked.typing());
    CompiledExpression compiled =
        new CompiledExpression(
            text,
            parsed.syntax().get(),
            checked.type().get(),
            checked.references(),
            program,
            checked.typing());
    return new CompilationResult(Optional.of(compiled), Diagnostics.of(checked.issues()));
  }

  /** Compiles {@code text} that came from no file, as {@code <expression>}. */
  public CompilationResult compile(String text, TypeEnvironment environment) {
    return compile(text, environment, ExpressionOrigin.inline("<expression>"));
  }

  private static CompilationResult failed(List<Issue> issues) {
    return new CompilationResult(Optional.empty(), Diagnostics.of(issues));
  }

  /** The largest expression this compiler accepts, in characters. */
  public int maxLength() {
    return maxLength;
  }

  /** The deepest nesting this compiler accepts. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Collects the limits of a compiler; not thread-safe, unlike the compiler it builds. */
  public static final class Builder {
    private int maxLength = DEFAULT_MAX_LENGTH;
    private int maxDepth = DEFAULT_MAX_DEPTH;

    private Builder() {}

    /**
     * The longest text accepted; longer text is reported as {@link IssueCode#EXPRESSION_TOO_LONG}.
     *
     * @throws IllegalArgumentException if {@code characters} is not positive
     */
    public Builder maxLength(int characters) {
      if (characters < 1) {
        throw new IllegalArgumentException("maxLength must be positive, was " + characters);
      }
      this.maxLength = characters;
      return this;
    }

    /**
     * The deepest nesting of parentheses, calls and prefix operators; deeper text is reported as
     * {@link IssueCode#EXPRESSION_TOO_DEEP}.
     *
     * @throws IllegalArgumentException if {@code levels} is not between 1 and {@link
     *     #MAX_DEPTH_LIMIT}
     */
    public Builder maxDepth(int levels) {
      if (levels < 1 || levels > MAX_DEPTH_LIMIT) {
        throw new IllegalArgumentException(
            "maxDepth must be between 1 and " + MAX_DEPTH_LIMIT + ", was " + levels);
      }
      this.maxDepth = levels;
      return this;
    }

    /** The compiler. */
    public ExpressionCompiler build() {
      return new ExpressionCompiler(maxLength, maxDepth);
    }
  }
}
