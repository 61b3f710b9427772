package no.regforms.expression.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.ExpressionOrigin;

/** Splits an expression's text into tokens, reporting every character it cannot read. */
final class Lexer {

  private static final Map<String, Token.Kind> KEYWORDS =
      Map.of(
          "and",
          Token.Kind.AND,
          "or",
          Token.Kind.OR,
          "not",
          Token.Kind.NOT,
          "in",
          Token.Kind.IN,
          "true",
          Token.Kind.TRUE,
          "false",
          Token.Kind.FALSE);

  private final String text;
  private final ExpressionOrigin origin;
  private final List<Issue> issues;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String text, ExpressionOrigin origin, List<Issue> issues) {
    this.text = text;
    this.origin = origin;
    this.issues = issues;
  }

  /**
   * The tokens of {@code text}, ending with {@link Token.Kind#END}; problems go to {@code issues}.
   */
  static List<Token> tokenize(String text, ExpressionOrigin origin, List<Issue> issues) {
    Lexer lexer = new Lexer(text, origin, issues);
    lexer.run();
    return lexer.tokens;
  }

  static boolean isKeyword(String word) {
    return KEYWORDS.containsKey(word);
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      int start = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (isDigit(c)) {
        number();
      } else if (isIdentifierStart(c)) {
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
          pos++;
        }
        String word = text.substring(start, pos);
        add(KEYWORDS.getOrDefault(word, Token.Kind.IDENTIFIER), word, start);
      } else if (c == '\'') {
        text();
      } else {
        operator(c, start);
      }
    }
    tokens.add(new Token(Token.Kind.END, "", new Span(text.length(), text.length())));
  }

  private void number() {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    // A dot followed by a digit is a decimal point; otherwise the number ends before the dot.
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
      pos++;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    add(Token.Kind.NUMBER, text.substring(start, pos), start);
  }

  private void text() {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'') {
        pos++;
        tokens.add(new Token(Token.Kind.TEXT, value.toString(), new Span(start, pos)));
        return;
      }
      if (c == '\\') {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if (next == '\'' || next == '\\') {
          value.append(next);
          pos += 2;
          continue;
        }
        int end = Math.min(text.length(), pos + 2);
        report("unknown escape in text; only \\' and \\\\ are allowed", pos, end);
        pos = end;
        continue;
      }
      value.append(c);
      pos++;
    }
    report("text is not closed; add a ' at the end", start, text.length());
  }

  private void operator(char c, int start) {
    char next = start + 1 < text.length() ? text.charAt(start + 1) : 0;
    switch (c) {
      case '=':
        single(Token.Kind.EQ, start);
        break;
      case '+':
        single(Token.Kind.PLUS, start);
        break;
      case '-':
        single(Token.Kind.MINUS, start);
        break;
      case '*':
        single(Token.Kind.STAR, start);
        break;
      case '/':
        single(Token.Kind.SLASH, start);
        break;
      case '.':
        single(Token.Kind.DOT, start);
        break;
      case ',':
        single(Token.Kind.COMMA, start);
        break;
      case '(':
        single(Token.Kind.LPAREN, start);
        break;
      case ')':
        single(Token.Kind.RPAREN, start);
        break;
      case '<':
        if (next == '=') {
          pair(Token.Kind.LE, start);
        } else if (next == '>') {
          report("'<>' is not an operator; use '!='", start, start + 2);
          pos += 2;
        } else {
          single(Token.Kind.LT, start);
        }
        break;
      case '>':
        if (next == '=') {
          pair(Token.Kind.GE, start);
        } else {
          single(Token.Kind.GT, start);
        }
        break;
      case '!':
        if (next == '=') {
          pair(Token.Kind.NE, start);
        } else {
          report(
              "unexpected '!'; use 'not' for negation or '!=' for 'not equal'", start, start + 1);
          pos++;
        }
        break;
      case '"':
        report(
            "text is written in single quotes ('like this'), not double quotes", start, start + 1);
        pos++;
        break;
      default:
        int end = start + Character.charCount(text.codePointAt(start));
        report("unexpected character '" + text.substring(start, end) + "'", start, end);
        pos = end;
    }
  }

  private void single(Token.Kind kind, int start) {
    pos = start + 1;
    add(kind, text.substring(start, pos), start);
  }

  private void pair(Token.Kind kind, int start) {
    pos = start + 2;
    add(kind, text.substring(start, pos), start);
  }

  private void add(Token.Kind kind, String tokenText, int start) {
    tokens.add(new Token(kind, tokenText, new Span(start, pos)));
  }

  private void report(String message, int start, int end) {
    issues.add(Issue.error(IssueCode.SYNTAX_ERROR, message, origin.locate(text, start, end)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
