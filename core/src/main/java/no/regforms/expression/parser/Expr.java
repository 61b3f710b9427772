package no.regforms.expression.parser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an expression: immutable records, each with the {@link Span} of text it was
 * read from.
 *
 * <p>This is the tree an emitter (such as the JavaScript one) walks; use {@code instanceof}
 * patterns over the permitted records. {@code date('2024-12-31')} and {@code yearmonth('2022-06')}
 * with a text literal are read as {@link DateLiteral} and {@link YearMonthLiteral}; every other
 * function call, including the collection forms such as {@code any(rows, t, cond)}, is a {@link
 * Call}. {@link ExprPrinter} prints a tree back to text that parses to the same tree.
 */
public sealed interface Expr
    permits Expr.NumberLiteral,
        Expr.TextLiteral,
        Expr.BooleanLiteral,
        Expr.DateLiteral,
        Expr.YearMonthLiteral,
        Expr.Name,
        Expr.Member,
        Expr.Unary,
        Expr.Binary,
        Expr.In,
        Expr.Call {

  /** Where in the text this node was read from. */
  Span span();

  /** The direct sub-expressions, left to right. */
  List<Expr> children();

  /** A prefix operator. */
  enum UnaryOp {
    /** {@code not x}: boolean negation (unknown stays unknown). */
    NOT("not"),
    /** {@code -x}: arithmetic negation. */
    NEGATE("-");

    private final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written. */
    public String symbol() {
      return symbol;
    }
  }

  /** An infix operator, with its precedence level (higher binds tighter). */
  enum BinaryOp {
    /** Logical or. */
    OR("or", 1),
    /** Logical and. */
    AND("and", 2),
    /** Equal. */
    EQ("=", 4),
    /** Not equal. */
    NE("!=", 4),
    /** Less than. */
    LT("<", 4),
    /** Less than or equal. */
    LE("<=", 4),
    /** Greater than. */
    GT(">", 4),
    /** Greater than or equal. */
    GE(">=", 4),
    /** Addition. */
    ADD("+", 5),
    /** Subtraction. */
    SUBTRACT("-", 5),
    /** Multiplication. */
    MULTIPLY("*", 6),
    /** Division. */
    DIVIDE("/", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    /** The operator as written. */
    public String symbol() {
      return symbol;
    }

    /**
     * The binding strength: 1 {@code or}, 2 {@code and}, (3 is prefix {@code not}), 4 comparisons
     * and {@code in} (non-associative), 5 {@code + -}, 6 {@code * /}; all others associate left.
     */
    public int precedence() {
      return precedence;
    }

    /** Whether this is one of {@code = != < <= > >=}. */
    public boolean isComparison() {
      return precedence == 4;
    }
  }

  /** A number such as {@code 12} or {@code 3.5}; never negative ({@code -3} is a negation). */
  record NumberLiteral(BigDecimal value, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public NumberLiteral {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** A text in single quotes; {@code value} is unescaped. */
  record TextLiteral(String value, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public TextLiteral {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanLiteral(boolean value, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public BooleanLiteral {
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** {@code date('2024-12-31')}; the span covers the whole call. */
  record DateLiteral(LocalDate value, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public DateLiteral {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** {@code yearmonth('2022-06')}; the span covers the whole call. */
  record YearMonthLiteral(YearMonth value, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public YearMonthLiteral {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** A variable, run parameter or bound name. */
  record Name(String name, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Name {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /**
   * Member access {@code t.drug}; valid only on a name bound by a collection function.
   *
   * @param target the expression before the dot
   * @param member the name after the dot
   * @param memberSpan where the member name is
   * @param span the whole access
   */
  record Member(Expr target, String member, Span memberSpan, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Member {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(memberSpan, "memberSpan");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of(target);
    }
  }

  /** A prefix operator applied to {@code operand}. */
  record Unary(UnaryOp op, Expr operand, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /** An infix operator; {@code opSpan} is where the operator itself is written. */
  record Binary(BinaryOp op, Expr left, Expr right, Span opSpan, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(opSpan, "opSpan");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }
  }

  /**
   * {@code operand in (a, b)}, or {@code operand not in (a, b)} when {@code negated}.
   *
   * @param items at least one
   */
  record In(Expr operand, List<Expr> items, boolean negated, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public In {
      Objects.requireNonNull(operand, "operand");
      items = List.copyOf(items);
      if (items.isEmpty()) {
        throw new IllegalArgumentException("'in' needs at least one item");
      }
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      List<Expr> all = new java.util.ArrayList<>(items.size() + 1);
      all.add(operand);
      all.addAll(items);
      return List.copyOf(all);
    }
  }

  /**
   * A function call {@code f(a, b)}.
   *
   * @param function the function name
   * @param nameSpan where the function name is written
   * @param arguments the arguments, possibly none
   * @param span the whole call
   */
  record Call(String function, Span nameSpan, List<Expr> arguments, Span span) implements Expr {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Call {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(nameSpan, "nameSpan");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public List<Expr> children() {
      return arguments;
    }
  }
}
