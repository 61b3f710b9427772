package no.regforms.expression.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.expression.Builtin;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExprType.Kind;
import no.regforms.expression.ExpressionOrigin;
import no.regforms.expression.TypeEnvironment;
import no.regforms.expression.parser.Expr;
import no.regforms.expression.parser.Span;

/**
 * Checks the types of a syntax tree against a {@link TypeEnvironment}, resolves names and
 * functions, and collects the free names the expression reads.
 *
 * <p>Internal, not API. Reports every independent error: a node whose operand failed still gets the
 * type its operator implies (a comparison is boolean), so one mistake does not cascade.
 */
public final class TypeChecker {

  private static final Set<Kind> ORDERED =
      EnumSet.of(Kind.NUMBER, Kind.TEXT, Kind.DATE, Kind.YEARMONTH, Kind.DATETIME);
  private static final int MAX_LISTED_CODES = 12;

  private final TypeEnvironment environment;
  private final String text;
  private final ExpressionOrigin origin;
  private final List<Issue> issues = new ArrayList<>();
  private final Set<String> references = new LinkedHashSet<>();
  private final Set<String> linkReads = new LinkedHashSet<>();
  private final IdentityHashMap<Expr, ExprType> types = new IdentityHashMap<>();
  private final IdentityHashMap<Expr.Call, Builtin> functions = new IdentityHashMap<>();
  private final Set<Expr> checked = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * The names bound by enclosing collection functions, innermost first.
   *
   * @param fields the member types of a row, or {@code null} when the rows' type is unknown because
   *     of an earlier error (then any member is accepted silently)
   */
  record Scope(String name, Map<String, ExprType> fields, Scope outer) {
    static final Scope NONE = new Scope("", Map.of(), null);

    Scope bind(String boundName, Map<String, ExprType> rowFields) {
      return new Scope(boundName, rowFields, this);
    }

    Scope find(String wanted) {
      for (Scope s = this; s != null && s != NONE; s = s.outer) {
        if (s.name.equals(wanted)) {
          return s;
        }
      }
      return null;
    }

    List<String> names() {
      List<String> all = new ArrayList<>();
      for (Scope s = this; s != null && s != NONE; s = s.outer) {
        all.add(s.name);
      }
      return all;
    }
  }

  private TypeChecker(TypeEnvironment environment, String text, ExpressionOrigin origin) {
    this.environment = environment;
    this.text = text;
    this.origin = origin;
  }

  /** Checks {@code syntax}, read from {@code text}, locating issues through {@code origin}. */
  public static CheckResult check(
      Expr syntax, TypeEnvironment environment, String text, ExpressionOrigin origin) {
    Objects.requireNonNull(syntax, "syntax");
    TypeChecker checker =
        new TypeChecker(
            Objects.requireNonNull(environment, "environment"),
            Objects.requireNonNull(text, "text"),
            Objects.requireNonNull(origin, "origin"));
    ExprType type = checker.check(syntax, Scope.NONE);
    Optional<ExprType> result =
        checker.issues.isEmpty() ? Optional.ofNullable(type) : Optional.empty();
    return new CheckResult(
        result,
        checker.references,
        checker.issues,
        new Typing(checker.types, checker.functions, checker.linkReads));
  }

  /**
   * The type of {@code expr}, or {@code null} when it has an error (already reported). A node is
   * checked once; asking again (overloaded functions look at their first argument before choosing a
   * form) returns the first answer without reporting its errors twice.
   */
  ExprType check(Expr expr, Scope scope) {
    if (!checked.add(expr)) {
      return types.get(expr);
    }
    ExprType type = compute(expr, scope);
    if (type != null) {
      types.put(expr, type);
    }
    return type;
  }

  /** The kind of {@code expr}'s type (checking it once), or {@code null} when it has an error. */
  Kind kindOf(Expr expr, Scope scope) {
    ExprType type = check(expr, scope);
    return type == null ? null : type.kind();
  }

  /** Records which overload {@code call} is, for the back ends to dispatch on. */
  void resolve(Expr.Call call, Builtin function) {
    functions.put(call, function);
  }

  private ExprType compute(Expr expr, Scope scope) {
    if (expr instanceof Expr.NumberLiteral) {
      return ExprType.NUMBER;
    } else if (expr instanceof Expr.TextLiteral) {
      return ExprType.TEXT;
    } else if (expr instanceof Expr.BooleanLiteral) {
      return ExprType.BOOLEAN;
    } else if (expr instanceof Expr.DateLiteral) {
      return ExprType.DATE;
    } else if (expr instanceof Expr.YearMonthLiteral) {
      return ExprType.YEARMONTH;
    } else if (expr instanceof Expr.Name name) {
      return name(name, scope);
    } else if (expr instanceof Expr.Member member) {
      return member(member, scope);
    } else if (expr instanceof Expr.Unary unary) {
      return unary(unary, scope);
    } else if (expr instanceof Expr.Binary binary) {
      return binary(binary, scope);
    } else if (expr instanceof Expr.In in) {
      return in(in, scope);
    } else if (expr instanceof Expr.Call call) {
      return FunctionSignatures.check(this, call, scope);
    }
    throw new IllegalStateException("unknown syntax node " + expr.getClass().getSimpleName());
  }

  private ExprType name(Expr.Name name, Scope scope) {
    Scope bound = scope.find(name.name());
    if (bound != null) {
      String example =
          bound.fields == null || bound.fields.isEmpty()
              ? "member"
              : bound.fields.keySet().iterator().next();
      report(
          IssueCode.TYPE_MISMATCH,
          "'"
              + name.name()
              + "' stands for one row; use one of its members,"
              + " as in "
              + name.name()
              + "."
              + example,
          name.span());
      return null;
    }
    Optional<ExprType> type = environment.lookup(name.name());
    if (type.isPresent()) {
      references.add(name.name());
      return type.get();
    }
    List<String> known = new ArrayList<>(scope.names());
    known.addAll(environment.names().keySet());
    reportUnknown(
        IssueCode.UNKNOWN_VARIABLE,
        "unknown variable '"
            + name.name()
            + "'; use a variable of the form, a run parameter or a name bound by a collection function",
        name.span(),
        name.name(),
        known);
    return null;
  }

  private ExprType member(Expr.Member member, Scope scope) {
    if (member.target() instanceof Expr.Name target && scope.find(target.name()) != null) {
      Map<String, ExprType> fields = scope.find(target.name()).fields;
      if (fields == null) {
        return null;
      }
      ExprType type = fields.get(member.member());
      if (type == null) {
        reportUnknown(
            IssueCode.UNKNOWN_VARIABLE,
            "'"
                + member.member()
                + "' is not a member of the rows bound to '"
                + target.name()
                + "'",
            member.memberSpan(),
            member.member(),
            fields.keySet());
      }
      return type;
    }
    if (member.target() instanceof Expr.Name target
        && environment.lookup(target.name()).isEmpty()
        && environment.link(target.name()).isPresent()) {
      return linkRead(member, target.name(), environment.link(target.name()).get());
    }
    if (member.target() instanceof Expr.Name target
        && environment.lookup(target.name()).isEmpty()) {
      check(target, scope);
      return null;
    }
    check(member.target(), scope);
    report(
        IssueCode.TYPE_MISMATCH,
        "only a name bound by a collection function has members,"
            + " as t in any(rows, t, t."
            + member.member()
            + " = ...)",
        member.target().span());
    return null;
  }

  /** {@code course.course_end}: a variable of the record the form's link {@code link} names. */
  private ExprType linkRead(Expr.Member member, String link, Map<String, ExprType> variables) {
    ExprType type = variables.get(member.member());
    if (type == null) {
      reportUnknown(
          IssueCode.UNKNOWN_VARIABLE,
          "'"
              + member.member()
              + "' is not a recorded variable of the form linked as '"
              + link
              + "' (a link reads top-level variables the linked record holds, not computed ones)",
          member.memberSpan(),
          member.member(),
          variables.keySet());
    } else {
      linkReads.add(link + "." + member.member());
    }
    return type;
  }

  private ExprType unary(Expr.Unary unary, Scope scope) {
    if (unary.op() == Expr.UnaryOp.NOT) {
      expect(unary.operand(), check(unary.operand(), scope), "'not'", Kind.BOOLEAN);
      return ExprType.BOOLEAN;
    }
    expect(unary.operand(), check(unary.operand(), scope), "'-'", Kind.NUMBER);
    return ExprType.NUMBER;
  }

  private ExprType binary(Expr.Binary binary, Scope scope) {
    ExprType left = check(binary.left(), scope);
    ExprType right = check(binary.right(), scope);
    String op = "'" + binary.op().symbol() + "'";
    switch (binary.op()) {
      case AND:
      case OR:
        expect(binary.left(), left, op, Kind.BOOLEAN);
        expect(binary.right(), right, op, Kind.BOOLEAN);
        return ExprType.BOOLEAN;
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
        expect(binary.left(), left, op, Kind.NUMBER);
        expect(binary.right(), right, op, Kind.NUMBER);
        return ExprType.NUMBER;
      case EQ:
      case NE:
        if (left != null && right != null) {
          if (!comparable(left, right)) {
            report(
                IssueCode.TYPE_MISMATCH,
                "cannot compare "
                    + left.displayName()
                    + " with "
                    + right.displayName()
                    + " using "
                    + op
                    + "; both sides must have the same type"
                    + codesAdvice(left, right),
                binary.span());
          } else {
            checkCode(left, binary.right());
            checkCode(right, binary.left());
          }
        }
        return ExprType.BOOLEAN;
      default:
        if (left != null && right != null) {
          if (!comparable(left, right)
              || !ORDERED.contains(left.kind())
              || !ORDERED.contains(right.kind())) {
            report(
                IssueCode.TYPE_MISMATCH,
                "cannot order "
                    + left.displayName()
                    + " and "
                    + right.displayName()
                    + " with "
                    + op
                    + "; both sides must be numbers, dates, year-months, date-times or texts of the same type",
                binary.span());
          }
        }
        return ExprType.BOOLEAN;
    }
  }

  private ExprType in(Expr.In in, Scope scope) {
    ExprType operand = check(in.operand(), scope);
    if (operand != null && family(operand.kind()) == null) {
      report(
          IssueCode.TYPE_MISMATCH,
          "'in' cannot test a value of type "
              + operand.displayName()
              + codesAdvice(operand, operand),
          in.operand().span());
      operand = null;
    }
    for (Expr item : in.items()) {
      ExprType type = check(item, scope);
      if (operand != null && type != null) {
        if (!comparable(operand, type)) {
          report(
              IssueCode.TYPE_MISMATCH,
              "this item is "
                  + type.displayName()
                  + " but the value tested is "
                  + operand.displayName()
                  + "; every item must have the same type",
              item.span());
        } else {
          checkCode(operand, item);
        }
      }
    }
    return ExprType.BOOLEAN;
  }

  private static String codesAdvice(ExprType left, ExprType right) {
    return left.kind() == Kind.CODES || right.kind() == Kind.CODES
        ? "; test a multiple-choice variable with contains(variable, 'code')"
        : "";
  }

  /** Whether values of these types can be tested for equality. */
  static boolean comparable(ExprType a, ExprType b) {
    String family = family(a.kind());
    return family != null && family.equals(family(b.kind()));
  }

  private static String family(Kind kind) {
    switch (kind) {
      case TEXT:
      case CODE:
        return "text";
      case CODES:
      case ROWS:
        return null;
      default:
        return kind.name();
    }
  }

  /**
   * When {@code other} is a text literal and {@code type} a code type, reports the literal if it is
   * not one of the type's codes.
   */
  void checkCode(ExprType type, Expr other) {
    if ((type.kind() == Kind.CODE || type.kind() == Kind.CODES)
        && other instanceof Expr.TextLiteral literal
        && !type.codes().isEmpty()
        && !type.codes().contains(literal.value())) {
      Issue issue =
          error(
              IssueCode.UNKNOWN_CODE,
              "'"
                  + literal.value()
                  + "' is not a code of the code list '"
                  + type.codeList().orElse("?")
                  + "'",
              literal.span());
      Set<String> sorted = new TreeSet<>(type.codes());
      Optional<String> close = NameSuggester.closest(literal.value(), sorted);
      if (close.isPresent()) {
        issue = issue.withHint("did you mean '" + close.get() + "'?");
      } else if (sorted.size() <= MAX_LISTED_CODES) {
        issue =
            issue.withHint(
                "the codes are "
                    + sorted.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")));
      }
      issues.add(issue);
    }
  }

  /**
   * Reports a type mismatch on {@code expr} unless {@code type} is unknown (an error already
   * reported) or one of {@code allowed}; returns whether the type fits.
   */
  boolean expect(Expr expr, ExprType type, String where, Kind... allowed) {
    if (type == null) {
      return false;
    }
    for (Kind kind : allowed) {
      if (type.kind() == kind) {
        return true;
      }
    }
    report(
        IssueCode.TYPE_MISMATCH,
        where + " needs " + describe(allowed) + " but this is " + type.displayName(),
        expr.span());
    return false;
  }

  static String describe(Kind... kinds) {
    List<String> names = new ArrayList<>();
    for (Kind kind : kinds) {
      names.add(article(kind));
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  private static String article(Kind kind) {
    switch (kind) {
      case NUMBER:
        return "a number";
      case TEXT:
        return "a text";
      case BOOLEAN:
        return "a boolean (a condition)";
      case DATE:
        return "a date";
      case YEARMONTH:
        return "a yearmonth";
      case DATETIME:
        return "a datetime";
      case CODE:
        return "a code";
      case CODES:
        return "a multiple-choice value (codes)";
      default:
        return "the rows of a repeat group";
    }
  }

  static boolean isOrdered(ExprType type) {
    return ORDERED.contains(type.kind());
  }

  void report(IssueCode code, String message, Span span) {
    issues.add(error(code, message, span));
  }

  void reportUnknown(
      IssueCode code, String message, Span span, String name, Iterable<String> known) {
    List<String> candidates = new ArrayList<>();
    known.forEach(candidates::add);
    Issue issue = error(code, message, span);
    Optional<String> close = NameSuggester.closest(name, candidates);
    if (close.isPresent()) {
      issue = issue.withHint("did you mean '" + close.get() + "'?");
    }
    issues.add(issue);
  }

  private Issue error(IssueCode code, String message, Span span) {
    return Issue.error(code, message, origin.locate(text, span.start(), span.end()));
  }
}
