package no.regforms.expression.parser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.ExpressionOrigin;

/**
 * A recursive-descent parser for the expression language.
 *
 * <p>Internal, not API. Grammar, lowest precedence first:
 *
 * <pre>
 * expr       := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | comparison
 * comparison := additive (('=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') additive
 *                         | 'not'? 'in' '(' expr (',' expr)* ')')?
 * additive   := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := '-' unary | postfix
 * postfix    := primary ('.' name)*
 * primary    := number | text | 'true' | 'false' | name | name '(' (expr (',' expr)*)? ')'
 *             | '(' expr ')'
 * </pre>
 *
 * <p>Every recursion (parentheses, arguments, list items, prefix operators) passes through a depth
 * counter, so no input can exhaust the stack: beyond {@code maxDepth} the parser stops with {@link
 * IssueCode#EXPRESSION_TOO_DEEP}. The finished tree's height is then bounded as well ({@link
 * #MAX_TREE_HEIGHT}), because long operator chains such as {@code a + b + c} grow the tree without
 * recursing in the parser, and later phases walk the tree recursively.
 */
public final class Parser {

  /** The greatest height of a syntax tree; later phases recurse at most this deep. */
  public static final int MAX_TREE_HEIGHT = 1000;

  private final String text;
  private final ExpressionOrigin origin;
  private final int maxDepth;
  private final List<Issue> issues = new ArrayList<>();
  private List<Token> tokens = List.of();
  private int index;
  private int depth;

  /** Thrown to abandon parsing after the first syntax error; never leaves this class. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  private Parser(String text, ExpressionOrigin origin, int maxDepth) {
    this.text = text;
    this.origin = origin;
    this.maxDepth = maxDepth;
  }

  /**
   * Parses {@code text}, reporting issues located through {@code origin}.
   *
   * @param maxDepth the deepest nesting of parentheses, calls and prefix operators allowed
   */
  public static ParseResult parse(String text, ExpressionOrigin origin, int maxDepth) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
    Parser parser = new Parser(text, origin, maxDepth);
    return parser.run();
  }

  private ParseResult run() {
    tokens = Lexer.tokenize(text, origin, issues);
    if (!issues.isEmpty()) {
      return new ParseResult(Optional.empty(), issues);
    }
    Expr result;
    try {
      result = expression();
      if (peek().kind() != Token.Kind.END) {
        Token extra = peek();
        Issue issue =
            error(
                IssueCode.SYNTAX_ERROR,
                "expected an operator or the end of the expression but found " + extra.describe(),
                extra.span());
        if (extra.kind() == Token.Kind.IDENTIFIER
            && Lexer.isKeyword(extra.text().toLowerCase(Locale.ROOT))) {
          issue =
              issue.withHint(
                  "keywords are written in lower case: '"
                      + extra.text().toLowerCase(Locale.ROOT)
                      + "'");
        }
        issues.add(issue);
        throw new Abort();
      }
    } catch (Abort abort) {
      return new ParseResult(Optional.empty(), issues);
    }
    checkHeight(result);
    return new ParseResult(issues.isEmpty() ? Optional.of(result) : Optional.empty(), issues);
  }

  private void checkHeight(Expr root) {
    // Iterative, so that a very tall tree is measured without recursion.
    record Entry(Expr node, int depth) {}
    Deque<Entry> stack = new ArrayDeque<>();
    stack.push(new Entry(root, 1));
    while (!stack.isEmpty()) {
      Entry entry = stack.pop();
      if (entry.depth() > MAX_TREE_HEIGHT) {
        issues.add(
            error(
                IssueCode.EXPRESSION_TOO_DEEP,
                "expression is nested more than "
                    + MAX_TREE_HEIGHT
                    + " levels deep; split long chains of operators, for example with sum(...)",
                entry.node().span()));
        return;
      }
      for (Expr child : entry.node().children()) {
        stack.push(new Entry(child, entry.depth() + 1));
      }
    }
  }

  private Expr expression() {
    enter();
    Expr left = and();
    while (peek().kind() == Token.Kind.OR) {
      Token op = next();
      Expr right = and();
      left = binary(Expr.BinaryOp.OR, left, right, op);
    }
    depth--;
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peek().kind() == Token.Kind.AND) {
      Token op = next();
      Expr right = not();
      left = binary(Expr.BinaryOp.AND, left, right, op);
    }
    return left;
  }

  private Expr not() {
    if (peek().kind() == Token.Kind.NOT) {
      Token op = next();
      enter();
      Expr operand = not();
      depth--;
      return new Expr.Unary(Expr.UnaryOp.NOT, operand, Span.covering(op.span(), operand.span()));
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    Expr result = left;
    Expr.BinaryOp op = comparisonOp(peek().kind());
    if (op != null) {
      Token opToken = next();
      Expr right = additive();
      result = binary(op, left, right, opToken);
    } else if (peek().kind() == Token.Kind.IN) {
      next();
      result = in(left, false);
    } else if (peek().kind() == Token.Kind.NOT && peekAt(1).kind() == Token.Kind.IN) {
      next();
      next();
      result = in(left, true);
    }
    Token after = peek();
    if (result != left
        && (comparisonOp(after.kind()) != null
            || after.kind() == Token.Kind.IN
            || (after.kind() == Token.Kind.NOT && peekAt(1).kind() == Token.Kind.IN))) {
      issues.add(
          error(
              IssueCode.SYNTAX_ERROR,
              "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'",
              after.span()));
      throw new Abort();
    }
    return result;
  }

  private Expr in(Expr operand, boolean negated) {
    expect(Token.Kind.LPAREN, "'(' to start the list after 'in', as in x in ('a', 'b')");
    List<Expr> items = new ArrayList<>();
    do {
      items.add(expression());
    } while (accept(Token.Kind.COMMA));
    Token close = expect(Token.Kind.RPAREN, "',' or ')' in the list after 'in'");
    return new Expr.In(operand, items, negated, Span.covering(operand.span(), close.span()));
  }

  private static Expr.BinaryOp comparisonOp(Token.Kind kind) {
    switch (kind) {
      case EQ:
        return Expr.BinaryOp.EQ;
      case NE:
        return Expr.BinaryOp.NE;
      case LT:
        return Expr.BinaryOp.LT;
      case LE:
        return Expr.BinaryOp.LE;
      case GT:
        return Expr.BinaryOp.GT;
      case GE:
        return Expr.BinaryOp.GE;
      default:
        return null;
    }
  }

  private Expr additive() {
    Expr left = term();
    while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
      Token op = next();
      Expr right = term();
      left =
          binary(
              op.kind() == Token.Kind.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUBTRACT,
              left,
              right,
              op);
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (peek().kind() == Token.Kind.STAR || peek().kind() == Token.Kind.SLASH) {
      Token op = next();
      Expr right = unary();
      left =
          binary(
              op.kind() == Token.Kind.STAR ? Expr.BinaryOp.MULTIPLY : Expr.BinaryOp.DIVIDE,
              left,
              right,
              op);
    }
    return left;
  }

  private Expr unary() {
    if (peek().kind() == Token.Kind.MINUS) {
      Token op = next();
      enter();
      Expr operand = unary();
      depth--;
      return new Expr.Unary(Expr.UnaryOp.NEGATE, operand, Span.covering(op.span(), operand.span()));
    }
    return postfix();
  }

  private Expr postfix() {
    Expr target = primary();
    while (accept(Token.Kind.DOT)) {
      Token member = expect(Token.Kind.IDENTIFIER, "a member name after '.', as in t.drug");
      target =
          new Expr.Member(
              target, member.text(), member.span(), Span.covering(target.span(), member.span()));
    }
    return target;
  }

  private Expr primary() {
    Token token = next();
    switch (token.kind()) {
      case NUMBER:
        return new Expr.NumberLiteral(new BigDecimal(token.text()), token.span());
      case TEXT:
        return new Expr.TextLiteral(token.text(), token.span());
      case TRUE:
        return new Expr.BooleanLiteral(true, token.span());
      case FALSE:
        return new Expr.BooleanLiteral(false, token.span());
      case IDENTIFIER:
        return peek().kind() == Token.Kind.LPAREN
            ? call(token)
            : new Expr.Name(token.text(), token.span());
      case LPAREN:
        Expr inner = expression();
        expect(Token.Kind.RPAREN, "')' to close the '(' at column " + (token.span().start() + 1));
        return inner;
      default:
        Issue issue =
            error(
                IssueCode.SYNTAX_ERROR,
                "expected a value, a name or '(' but found " + token.describe(),
                token.span());
        if (token.kind() == Token.Kind.EQ && peek().kind() == Token.Kind.EQ) {
          issue = issue.withHint("equality is a single '='");
        }
        issues.add(issue);
        throw new Abort();
    }
  }

  private Expr call(Token name) {
    next();
    List<Expr> arguments = new ArrayList<>();
    if (peek().kind() != Token.Kind.RPAREN) {
      do {
        arguments.add(expression());
      } while (accept(Token.Kind.COMMA));
    }
    Token close =
        expect(Token.Kind.RPAREN, "',' or ')' after the arguments of " + name.text() + "(...)");
    Span span = Span.covering(name.span(), close.span());
    if (arguments.size() == 1 && arguments.get(0) instanceof Expr.TextLiteral literal) {
      if (name.text().equals("date")) {
        try {
          return new Expr.DateLiteral(LocalDate.parse(literal.value()), span);
        } catch (DateTimeParseException e) {
          issues.add(
              error(
                  IssueCode.INVALID_LITERAL,
                  "'"
                      + literal.value()
                      + "' is not a valid date; write a real calendar date as yyyy-mm-dd, such as date('2024-12-31')",
                  literal.span()));
        }
      } else if (name.text().equals("yearmonth")) {
        try {
          return new Expr.YearMonthLiteral(YearMonth.parse(literal.value()), span);
        } catch (DateTimeParseException e) {
          issues.add(
              error(
                  IssueCode.INVALID_LITERAL,
                  "'"
                      + literal.value()
                      + "' is not a valid year and month; write yyyy-mm, such as yearmonth('2022-06')",
                  literal.span()));
        }
      }
    }
    return new Expr.Call(name.text(), name.span(), arguments, span);
  }

  private Expr binary(Expr.BinaryOp op, Expr left, Expr right, Token opToken) {
    return new Expr.Binary(
        op, left, right, opToken.span(), Span.covering(left.span(), right.span()));
  }

  private void enter() {
    depth++;
    if (depth > maxDepth) {
      issues.add(
          error(
              IssueCode.EXPRESSION_TOO_DEEP,
              "expression is nested more than " + maxDepth + " levels deep; simplify it",
              peek().span()));
      throw new Abort();
    }
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(index);
    if (index < tokens.size() - 1) {
      index++;
    }
    return token;
  }

  private boolean accept(Token.Kind kind) {
    if (peek().kind() == kind) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(Token.Kind kind, String what) {
    if (peek().kind() != kind) {
      issues.add(
          error(
              IssueCode.SYNTAX_ERROR,
              "expected " + what + " but found " + peek().describe(),
              peek().span()));
      throw new Abort();
    }
    return next();
  }

  private Issue error(IssueCode code, String message, Span span) {
    return Issue.error(code, message, origin.locate(text, span.start(), span.end()));
  }
}
