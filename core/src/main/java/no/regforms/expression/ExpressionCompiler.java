package no.regforms.expression;

/**
 * Parses and type-checks expressions against a {@link TypeEnvironment}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpressionCompiler {

  private ExpressionCompiler() {}

  /** A compiler with the default limits. */
  public static ExpressionCompiler create() {
    return new ExpressionCompiler();
  }

  /** Compiles {@code text}, reporting issues at positions given by {@code origin}. */
  public CompilationResult compile(String text, TypeEnvironment environment, ExpressionOrigin origin) {
    throw new UnsupportedOperationException("placeholder until the expression engine lands");
  }

  /** Compiles {@code text} that came from no file, as {@code <expression>}. */
  public CompilationResult compile(String text, TypeEnvironment environment) {
    return compile(text, environment, ExpressionOrigin.inline("<expression>"));
  }
}
