package no.regforms.expression.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.regforms.expression.ExpressionOrigin;

class ExprRoundTripPropertyTest {

  private static final Span NO_SPAN = new Span(0, 0);
  private static final String[] NAMES = {"a", "b", "x_1", "age", "Drug", "t", "_y"};
  private static final String[] FUNCTIONS = {"f", "sum", "if", "any", "date", "coalesce"};
  private static final String TEXT_CHARS = "ab '\\\"x\n(";

  @Property(tries = 1000)
  void printThenParse_randomTree_givesSameTree(@ForAll("seeds") long seed) {
    Expr tree = new Generator(new Random(seed)).expr(5);
    String text = ExprPrinter.print(tree);
    ParseResult parsed = Parser.parse(text, ExpressionOrigin.inline("<property>"), 256);
    assertThat(parsed.issues()).as(text).isEmpty();
    assertThat(parsed.syntax())
        .hasValueSatisfying(
            result ->
                assertThat(result)
                    .as(text)
                    .usingRecursiveComparison()
                    .ignoringFieldsOfTypes(Span.class)
                    .isEqualTo(tree));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** Random well-formed trees; spans are irrelevant to the comparison. */
  private static final class Generator {
    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    Expr expr(int depth) {
      int choice = random.nextInt(depth <= 0 ? 6 : 11);
      switch (choice) {
        case 0:
          return new Expr.NumberLiteral(
              BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)), NO_SPAN);
        case 1:
          return new Expr.TextLiteral(text(), NO_SPAN);
        case 2:
          return new Expr.BooleanLiteral(random.nextBoolean(), NO_SPAN);
        case 3:
          return random.nextBoolean()
              ? new Expr.DateLiteral(LocalDate.ofEpochDay(random.nextInt(40_000)), NO_SPAN)
              : new Expr.YearMonthLiteral(
                  YearMonth.of(1900 + random.nextInt(200), 1 + random.nextInt(12)), NO_SPAN);
        case 4:
          return new Expr.Name(name(), NO_SPAN);
        case 5:
          return new Expr.Member(new Expr.Name(name(), NO_SPAN), name(), NO_SPAN, NO_SPAN);
        case 6:
          return new Expr.Unary(pick(Expr.UnaryOp.values()), expr(depth - 1), NO_SPAN);
        case 7:
        case 8:
          return new Expr.Binary(
              pick(Expr.BinaryOp.values()), expr(depth - 1), expr(depth - 1), NO_SPAN, NO_SPAN);
        case 9:
          return new Expr.In(expr(depth - 1), list(depth - 1, 1), random.nextBoolean(), NO_SPAN);
        default:
          String function = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
          // A single text argument to date(...) is read back as a date literal, so give it more.
          int min = function.equals("date") ? 2 : 0;
          return new Expr.Call(function, NO_SPAN, list(depth - 1, min), NO_SPAN);
      }
    }

    private List<Expr> list(int depth, int min) {
      List<Expr> items = new ArrayList<>();
      int size = min + random.nextInt(3);
      for (int i = 0; i < size; i++) {
        items.add(expr(depth));
      }
      return items;
    }

    private String name() {
      return NAMES[random.nextInt(NAMES.length)];
    }

    private String text() {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(5);
      for (int i = 0; i < length; i++) {
        text.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
      }
      return text.toString();
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }
  }
}
