package no.regforms.expression.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExpressionOrigin;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static final ExpressionOrigin ORIGIN = ExpressionOrigin.inline("<test>");

  private static Expr parse(String text) {
    ParseResult result = Parser.parse(text, ORIGIN, 64);
    assertThat(result.issues()).isEmpty();
    return result.syntax().orElseThrow();
  }

  private static List<Issue> errors(String text) {
    ParseResult result = Parser.parse(text, ORIGIN, 64);
    assertThat(result.syntax()).isEmpty();
    return result.issues();
  }

  private static int column(Issue issue) {
    return ((SourceLocation) issue.location()).column();
  }

  @Test
  void lexer_allTokenKinds_areRecognised() {
    List<Token> tokens =
        Lexer.tokenize(
            "a_1 12 3.5 'x\\'y' and or not in true false = != < <= > >= + - * / . , ( )",
            ORIGIN,
            new java.util.ArrayList<>());
    assertThat(tokens)
        .extracting(Token::kind)
        .containsExactly(
            Token.Kind.IDENTIFIER,
            Token.Kind.NUMBER,
            Token.Kind.NUMBER,
            Token.Kind.TEXT,
            Token.Kind.AND,
            Token.Kind.OR,
            Token.Kind.NOT,
            Token.Kind.IN,
            Token.Kind.TRUE,
            Token.Kind.FALSE,
            Token.Kind.EQ,
            Token.Kind.NE,
            Token.Kind.LT,
            Token.Kind.LE,
            Token.Kind.GT,
            Token.Kind.GE,
            Token.Kind.PLUS,
            Token.Kind.MINUS,
            Token.Kind.STAR,
            Token.Kind.SLASH,
            Token.Kind.DOT,
            Token.Kind.COMMA,
            Token.Kind.LPAREN,
            Token.Kind.RPAREN,
            Token.Kind.END);
    assertThat(tokens.get(3).text()).isEqualTo("x'y");
  }

  @Test
  void parse_precedence_multiplicationBindsTighterThanAddition() {
    Expr expr = parse("a + b * c");
    assertThat(expr)
        .isInstanceOfSatisfying(
            Expr.Binary.class,
            b -> {
              assertThat(b.op()).isEqualTo(Expr.BinaryOp.ADD);
              assertThat(b.right())
                  .isInstanceOfSatisfying(
                      Expr.Binary.class, r -> assertThat(r.op()).isEqualTo(Expr.BinaryOp.MULTIPLY));
            });
  }

  @Test
  void parse_subtraction_isLeftAssociative() {
    Expr expr = parse("a - b - c");
    assertThat(ExprPrinter.print(((Expr.Binary) expr).left())).isEqualTo("a - b");
  }

  @Test
  void parse_notAndOr_bindInOrder() {
    Expr expr = parse("not a = 1 and b or c");
    Expr.Binary or = (Expr.Binary) expr;
    assertThat(or.op()).isEqualTo(Expr.BinaryOp.OR);
    Expr.Binary and = (Expr.Binary) or.left();
    assertThat(and.op()).isEqualTo(Expr.BinaryOp.AND);
    assertThat(and.left())
        .isInstanceOfSatisfying(
            Expr.Unary.class, u -> assertThat(u.operand()).isInstanceOf(Expr.Binary.class));
  }

  @Test
  void parse_notIn_isNegatedIn() {
    Expr expr = parse("x not in ('a', 'b')");
    assertThat(expr)
        .isInstanceOfSatisfying(
            Expr.In.class,
            in -> {
              assertThat(in.negated()).isTrue();
              assertThat(in.items()).hasSize(2);
              assertThat(in.span()).isEqualTo(new Span(0, 19));
            });
  }

  @Test
  void parse_memberAndCall_keepSpans() {
    Expr expr = parse("any(treatments, t, t.drug = 'x')");
    Expr.Call call = (Expr.Call) expr;
    assertThat(call.nameSpan()).isEqualTo(new Span(0, 3));
    Expr.Member member = (Expr.Member) ((Expr.Binary) call.arguments().get(2)).left();
    assertThat(member.member()).isEqualTo("drug");
    assertThat(member.memberSpan()).isEqualTo(new Span(21, 25));
  }

  @Test
  void parse_literals_haveValues() {
    assertThat(parse("3.50"))
        .isEqualTo(new Expr.NumberLiteral(new BigDecimal("3.50"), new Span(0, 4)));
    assertThat(parse("date('2024-12-31')"))
        .isInstanceOfSatisfying(
            Expr.DateLiteral.class,
            d -> assertThat(d.value()).isEqualTo(LocalDate.of(2024, 12, 31)));
    assertThat(parse("yearmonth('2022-06')"))
        .isInstanceOfSatisfying(
            Expr.YearMonthLiteral.class,
            y -> assertThat(y.value()).isEqualTo(YearMonth.of(2022, 6)));
    assertThat(parse("'a\\\\b'"))
        .isInstanceOfSatisfying(
            Expr.TextLiteral.class, t -> assertThat(t.value()).isEqualTo("a\\b"));
  }

  @Test
  void parse_invalidDate_reportsInvalidLiteralOnTheLiteral() {
    List<Issue> issues = errors("x < date('2024-13-01')");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.INVALID_LITERAL);
    assertThat(column(issues.get(0))).isEqualTo(10);
  }

  @Test
  void parse_chainedComparison_isSyntaxError() {
    List<Issue> issues = errors("a < b < c");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.SYNTAX_ERROR);
    assertThat(column(issues.get(0))).isEqualTo(7);
  }

  @Test
  void parse_missingParenthesis_pointsAtEnd() {
    List<Issue> issues = errors("(a + b");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.SYNTAX_ERROR);
    assertThat(column(issues.get(0))).isEqualTo(7);
  }

  @Test
  void parse_unterminatedTextAndBadCharacter_reportsBoth() {
    List<Issue> issues = errors("a # b = 'open");
    assertThat(issues)
        .extracting(Issue::code)
        .containsExactly(IssueCode.SYNTAX_ERROR, IssueCode.SYNTAX_ERROR);
    assertThat(issues).extracting(ParserTest::column).containsExactly(3, 9);
  }

  @Test
  void parse_upperCaseKeyword_hintsLowerCase() {
    List<Issue> issues = errors("a AND b");
    assertThat(issues.get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("'and'"));
  }

  @Test
  void parse_emptyText_isSyntaxError() {
    assertThat(errors("")).extracting(Issue::code).containsExactly(IssueCode.SYNTAX_ERROR);
  }

  @Test
  void parse_deepParentheses_reportsTooDeepWithoutOverflow() {
    List<Issue> issues = errors("(".repeat(100_000) + "1" + ")".repeat(100_000));
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.EXPRESSION_TOO_DEEP);
    assertThat(column(issues.get(0))).isEqualTo(65);
  }

  @Test
  void parse_manyNots_reportsTooDeep() {
    assertThat(errors("not ".repeat(100_000) + "x"))
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPRESSION_TOO_DEEP);
  }

  @Test
  void parse_manyMinuses_reportsTooDeep() {
    assertThat(errors("-".repeat(100_000) + "1"))
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPRESSION_TOO_DEEP);
  }

  @Test
  void parse_longOperatorChain_reportsTooDeepWithoutOverflow() {
    assertThat(errors("1" + " + 1".repeat(50_000)))
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPRESSION_TOO_DEEP);
  }

  @Test
  void parse_nestingAtTheLimit_isAccepted() {
    assertThat(Parser.parse("(".repeat(63) + "1" + ")".repeat(63), ORIGIN, 64).syntax())
        .isPresent();
  }

  @Test
  void print_textWithQuotes_escapes() {
    assertThat(ExprPrinter.print(parse("'it\\'s' = x"))).isEqualTo("'it\\'s' = x");
  }

  @Test
  void print_nestedOperators_addsOnlyNeededParentheses() {
    assertThat(ExprPrinter.print(parse("((a + b)) * -(c) and not (x or y)")))
        .isEqualTo("(a + b) * -c and not (x or y)");
  }
}
