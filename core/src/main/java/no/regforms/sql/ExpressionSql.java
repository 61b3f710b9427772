package no.regforms.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.parser.Expr;

/**
 * Writes one checked expression as an SQL expression of one dialect. Unknown is SQL's NULL, and
 * {@code and}, {@code or}, {@code not}, {@code in} and {@code if} are SQL's own three-valued
 * operators, which are the language's; functions come from the dialect's {@link SqlFunctions}
 * table. Wherever SQL would raise an error where the language is unknown (a division by zero, an
 * impossible date, a fractional count of months), the SQL checks first and gives NULL. Short-lived:
 * one per expression.
 */
final class ExpressionSql {

  /** Where the free names of an expression come from: the case's values and row lists. */
  interface Names {
    /** SQL reading {@code name} as a value of {@code kind}; NULL when the case has no value. */
    String read(String name, Kind kind);
  }

  /** Hands out row aliases unique within one query. */
  static final class Aliases {
    private int next;

    String next() {
      return "r" + (++next);
    }
  }

  /**
   * Takes a row aggregate that reads no row bound around it, to be computed once per case instead
   * of once per outer row ({@code min(followup, g, ...)} inside {@code any(f.treatments, t, ...)}),
   * and gives the SQL that reads its result.
   */
  interface Hoist {
    String once(String sql);
  }

  private final SqlDialect dialect;
  private final Syntax syntax;
  private final CompiledExpression expression;
  private final Names names;
  private final String reportYear;
  private final LocalDate today;
  private final Aliases aliases;
  private final Hoist hoist;
  private Deque<String[]> bound = new ArrayDeque<>();

  ExpressionSql(
      SqlDialect dialect,
      CompiledExpression expression,
      Names names,
      String reportYear,
      LocalDate today,
      Aliases aliases,
      Hoist hoist) {
    this.dialect = dialect;
    this.syntax = dialect.syntax();
    this.expression = expression;
    this.names = names;
    this.reportYear = reportYear;
    this.today = today;
    this.aliases = aliases;
    this.hoist = hoist;
  }

  /** The whole expression as SQL. */
  String sql() {
    return sql(expression.syntax());
  }

  Syntax syntax() {
    return syntax;
  }

  LocalDate today() {
    return today;
  }

  Kind kindOf(Expr node) {
    return expression
        .typeOf(node)
        .orElseThrow(() -> new IllegalStateException("untyped node " + node.span()))
        .kind();
  }

  CompiledExpression expression() {
    return expression;
  }

  /**
   * The run parameters {@code report_year}, {@code period_start} and {@code period_end}, or null
   * for other names.
   */
  String parameter(String name) {
    switch (name) {
      case "report_year":
        return reportYear;
      case "period_start":
        return syntax.makeDate(reportYear, "1", "1");
      case "period_end":
        return syntax.makeDate(reportYear, "12", "31");
      default:
        return null;
    }
  }

  String sql(Expr node) {
    if (node instanceof Expr.NumberLiteral n) {
      return n.value().toPlainString();
    } else if (node instanceof Expr.TextLiteral t) {
      return syntax.text(t.value());
    } else if (node instanceof Expr.BooleanLiteral b) {
      return b.value() ? "TRUE" : "FALSE";
    } else if (node instanceof Expr.DateLiteral d) {
      return syntax.dateLiteral(d.value().toString());
    } else if (node instanceof Expr.YearMonthLiteral y) {
      return syntax.dateLiteral(y.value().atDay(1).toString());
    } else if (node instanceof Expr.Name name) {
      String parameter = parameter(name.name());
      return parameter != null ? parameter : names.read(name.name(), kindOf(name));
    } else if (node instanceof Expr.Member member) {
      String target = ((Expr.Name) member.target()).name();
      String alias =
          bound.stream()
              .filter(b -> b[0].equals(target))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("unbound row name " + target))[1];
      return syntax.member(syntax.row(alias), member.member(), kindOf(member));
    } else if (node instanceof Expr.Unary unary) {
      String operand = sql(unary.operand());
      return unary.op() == Expr.UnaryOp.NOT ? "(NOT " + operand + ")" : "(- " + operand + ")";
    } else if (node instanceof Expr.Binary binary) {
      return binary(binary);
    } else if (node instanceof Expr.In in) {
      String items = in.items().stream().map(this::sql).collect(Collectors.joining(", "));
      return "(" + sql(in.operand()) + (in.negated() ? " NOT IN (" : " IN (") + items + "))";
    } else if (node instanceof Expr.Call call) {
      Builtin function = expression.functionOf(call);
      return SqlFunctions.table(dialect).require(function).write(this, call);
    }
    throw new IllegalStateException("unknown syntax node " + node.getClass().getSimpleName());
  }

  private String binary(Expr.Binary binary) {
    String left = sql(binary.left());
    String right = sql(binary.right());
    switch (binary.op()) {
      case AND:
        return "(" + left + " AND " + right + ")";
      case OR:
        return "(" + left + " OR " + right + ")";
      case ADD:
        return "(" + left + " + " + right + ")";
      case SUBTRACT:
        return "(" + left + " - " + right + ")";
      case MULTIPLY:
        return "(" + left + " * " + right + ")";
      case DIVIDE:
        return "("
            + left
            + " / NULLIF("
            + right
            + ", 0))"; // division by zero is unknown, not an error
      case EQ:
        return "(" + left + " = " + right + ")";
      case NE:
        return "(" + left + " <> " + right + ")";
      default:
        String op = binary.op().symbol();
        return Syntax.isText(kindOf(binary.left()))
            ? syntax.compareText(left, op, right)
            : "(" + left + " " + op + " " + right + ")";
    }
  }

  /** {@code f(rows, t, body)}: binds {@code t} to each row while writing the body. */
  String overRows(Builtin function, Expr.Call call) {
    if (!bound.isEmpty() && !readsBound(call)) {
      Deque<String[]> outer = bound;
      bound = new ArrayDeque<>();
      try {
        return hoist.once(overRows(function, call));
      } finally {
        bound = outer;
      }
    }
    List<Expr> arguments = call.arguments();
    String rows = sql(arguments.get(0));
    String alias = aliases.next();
    bound.push(new String[] {((Expr.Name) arguments.get(1)).name(), alias});
    String body;
    try {
      body = sql(arguments.get(2));
    } finally {
      bound.pop();
    }
    return syntax.overRows(function, rows, alias, body, kindOf(arguments.get(2)));
  }

  private boolean readsBound(Expr node) {
    if (node instanceof Expr.Name name) {
      return bound.stream().anyMatch(b -> b[0].equals(name.name()));
    }
    for (Expr child : node.children()) {
      if (readsBound(child)) return true;
    }
    return false;
  }

  /** The argument {@code index} of {@code call} as SQL. */
  String argument(Expr.Call call, int index) {
    return sql(call.arguments().get(index));
  }

  /** The literal number at {@code index}, if that argument is one. */
  static BigDecimal literal(Expr.Call call, int index) {
    Expr argument = call.arguments().get(index);
    return argument instanceof Expr.NumberLiteral n ? n.value() : null;
  }
}
