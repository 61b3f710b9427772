package no.regforms.expression.parser;

/**
 * One lexical token.
 *
 * @param kind what kind of token
 * @param text the token as written (for text literals: the unescaped value)
 * @param span where it is
 */
record Token(Kind kind, String text, Span span) {

  enum Kind {
    NUMBER,
    TEXT,
    IDENTIFIER,
    AND,
    OR,
    NOT,
    IN,
    TRUE,
    FALSE,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    DOT,
    COMMA,
    LPAREN,
    RPAREN,
    END
  }

  /** How the token is named in a message. */
  String describe() {
    switch (kind) {
      case END:
        return "the end of the expression";
      case TEXT:
        return "a text";
      case NUMBER:
        return "the number " + text;
      default:
        return "'" + text + "'";
    }
  }
}
