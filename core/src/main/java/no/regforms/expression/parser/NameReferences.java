package no.regforms.expression.parser;

import java.util.ArrayList;
import java.util.List;
import no.regforms.diagnostic.Issue;
import no.regforms.expression.ExpressionOrigin;

/**
 * Where an expression's text reads names, found by the expression lexer itself, so that a
 * definition can substitute a named sub-expression or rename an id without touching a function
 * name, a member ({@code f.date}) or the inside of a text literal.
 */
public final class NameReferences {

  private NameReferences() {}

  /**
   * The spans of the names {@code text} reads, in order: identifiers that are neither called
   * ({@code year(...)}) nor members ({@code f.date}). Empty when the text cannot be read; the
   * compiler reports why.
   */
  public static List<Span> in(String text) {
    List<Issue> problems = new ArrayList<>();
    List<Token> tokens = Lexer.tokenize(text, ExpressionOrigin.inline("<expression>"), problems);
    if (!problems.isEmpty()) return List.of();
    List<Span> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      boolean member = i > 0 && tokens.get(i - 1).kind() == Token.Kind.DOT;
      boolean called = tokens.get(i + 1 < tokens.size() ? i + 1 : i).kind() == Token.Kind.LPAREN;
      if (token.kind() == Token.Kind.IDENTIFIER && !member && !called) out.add(token.span());
    }
    return out;
  }

  /**
   * Whether {@code text} is one operand that binds tighter than any operator: a name, a literal, a
   * call or a parenthesised expression, so that it can replace a name without parentheses.
   */
  public static boolean isOperand(String text) {
    List<Token> tokens =
        Lexer.tokenize(text, ExpressionOrigin.inline("<expression>"), new ArrayList<>());
    int count = tokens.size() - 1; // without END
    if (count == 1) {
      return switch (tokens.get(0).kind()) {
        case IDENTIFIER, NUMBER, TEXT, TRUE, FALSE -> true;
        default -> false;
      };
    }
    int first = tokens.get(0).kind() == Token.Kind.IDENTIFIER ? 1 : 0;
    if (count < 2 || tokens.get(first).kind() != Token.Kind.LPAREN) return false;
    int depth = 0;
    for (int i = first; i < count; i++) {
      Token.Kind kind = tokens.get(i).kind();
      if (kind == Token.Kind.LPAREN) depth++;
      if (kind == Token.Kind.RPAREN) depth--;
      if (depth == 0 && i < count - 1) return false;
    }
    return depth == 0;
  }
}
