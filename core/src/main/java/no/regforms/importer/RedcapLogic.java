package no.regforms.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.VariableType;
import no.regforms.expression.Builtin;
import no.regforms.expression.parser.Expr;
import no.regforms.expression.parser.ExprPrinter;
import no.regforms.expression.parser.Span;

/**
 * Translates REDCap logic into the regforms expression language, building the expression tree and
 * printing it with {@link ExprPrinter}: branching logic ({@code [sex] = '0' and [given_birth] =
 * '1'}, checkbox options {@code [meds(2)] = '1'}, {@code <>}, {@code or}, {@code and}, parentheses,
 * {@code ''} empty checks, comparisons of calculated values) and calculations ({@code + - * /},
 * whole powers {@code ^2}, and the functions of {@link #FUNCTIONS}: {@code round}, {@code abs},
 * {@code year}, {@code month}, {@code datediff} in days).
 *
 * <p>Whatever has no exact counterpart (events, repeat instances, smart variables, other functions,
 * a code that is not among a field's choices, fields of other forms) is refused with a reason,
 * never guessed. Translations keep REDCap's meaning for empty fields: REDCap compares an empty
 * field as the text {@code ''}, so {@code [x] <> '1'} holds for an empty {@code x}, which becomes
 * {@code empty(x) or x != '1'}; where REDCap's comparison would be false, the expression's unknown
 * hides the field in the same way. Within one {@code and}, a field tested as filled ({@code [x] <>
 * ''}) is known to be filled in the other parts, so {@code [x] <> '' and [x] <> '1'}, as regforms'
 * REDCap export writes {@code x != '1'}, reads back as {@code x != '1'}. Stateless and thread-safe.
 */
final class RedcapLogic {

  private RedcapLogic() {}

  /**
   * A REDCap field as the expression sees it.
   *
   * @param id the imported variable id
   * @param type its type
   * @param codes the codes of its code list, for {@code code} and {@code codes}
   */
  record Field(String id, VariableType type, Set<String> codes) {
    Field {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      codes = Set.copyOf(codes);
    }
  }

  /** The outcome: an expression, or why there is none. */
  sealed interface Translation {
    /** The translated expression. */
    record Translated(String expression) implements Translation {}

    /** The reason the logic has no translation. */
    record Refused(String reason) implements Translation {}
  }

  /**
   * Translates branching logic into a boolean expression.
   *
   * @param fields the fields of the same form, by REDCap name
   * @param elsewhere the fields of other forms, by REDCap name, to the REDCap form name
   */
  static Translation condition(
      String logic, Map<String, Field> fields, Map<String, String> elsewhere) {
    return run(logic, fields, elsewhere, true);
  }

  /** Translates a calc field's formula into a number expression. */
  static Translation calculation(
      String formula, Map<String, Field> fields, Map<String, String> elsewhere) {
    return run(formula, fields, elsewhere, false);
  }

  private static Translation run(
      String text, Map<String, Field> fields, Map<String, String> elsewhere, boolean logic) {
    try {
      Parser parser = new Parser(tokenize(text), fields, elsewhere);
      Expr out = logic ? parser.or() : parser.sum();
      parser.expectEnd();
      return new Translation.Translated(ExprPrinter.print(out));
    } catch (Refusal refusal) {
      return new Translation.Refused(refusal.getMessage());
    }
  }

  /** Thrown inside one translation only, to unwind to {@link #run}; never escapes this class. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  private enum Kind {
    FIELD,
    TEXT,
    NUMBER,
    WORD,
    OP,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  private record Token(Kind kind, String text, String option) {}

  private static final Pattern FIELD = Pattern.compile("([A-Za-z0-9_]+)(?:\\(([^()\\]]*)\\))?");

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '[') {
        int end = text.indexOf(']', i);
        if (end < 0) throw new Refusal("a '[' at position " + (i + 1) + " is never closed");
        String inside = text.substring(i + 1, end).strip();
        if (end + 1 < text.length() && text.charAt(end + 1) == '[') {
          throw new Refusal(
              "["
                  + inside
                  + "][...] names an event or a repeat instance; a regforms expression reads "
                  + "only the record it belongs to");
        }
        Matcher m = FIELD.matcher(inside);
        if (!m.matches()) {
          throw new Refusal(
              "[" + inside + "] is a smart variable or not a field name; it has no translation");
        }
        tokens.add(new Token(Kind.FIELD, m.group(1), m.group(2)));
        i = end + 1;
      } else if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) throw new Refusal("a quote at position " + (i + 1) + " is never closed");
        tokens.add(new Token(Kind.TEXT, text.substring(i + 1, end), null));
        i = end + 1;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
        int start = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'))
          i++;
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), null));
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i))
                || text.charAt(i) == '_'
                || text.charAt(i) == '-')) i++;
        tokens.add(new Token(Kind.WORD, text.substring(start, i).toLowerCase(Locale.ROOT), null));
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", null));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")", null));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", null));
        i++;
      } else {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("<>")
            || two.equals("!=")
            || two.equals("<=")
            || two.equals(">=")
            || two.equals("==")) {
          tokens.add(new Token(Kind.OP, two, null));
          i += 2;
        } else if ("=<>+-*/^".indexOf(c) >= 0) {
          tokens.add(new Token(Kind.OP, String.valueOf(c), null));
          i++;
        } else {
          throw new Refusal(
              "the character '" + c + "' at position " + (i + 1) + " has no translation");
        }
      }
    }
    tokens.add(new Token(Kind.END, "", null));
    return tokens;
  }

  /**
   * REDCap's functions that have an exact counterpart, by name: the function each becomes. {@code
   * sum}, {@code mean}, {@code min} and {@code max} are not among them: REDCap's skip empty fields,
   * where regforms' are unknown when any value is.
   */
  static final Map<String, Builtin> FUNCTIONS =
      Map.of(
          "round",
          Builtin.ROUND_TO,
          "abs",
          Builtin.ABS,
          "year",
          Builtin.YEAR,
          "month",
          Builtin.MONTH,
          "datediff",
          Builtin.DAYS_BETWEEN);

  /** Expressions built here come from no text of their own; printing ignores spans. */
  private static final Span NOWHERE = new Span(0, 0);

  private static Expr name(String id) {
    return new Expr.Name(id, NOWHERE);
  }

  private static Expr call(Builtin function, Expr... arguments) {
    return new Expr.Call(function.function(), NOWHERE, List.of(arguments), NOWHERE);
  }

  private static Expr binary(Expr.BinaryOp op, Expr left, Expr right) {
    return new Expr.Binary(op, left, right, NOWHERE, NOWHERE);
  }

  private static Expr not(Expr operand) {
    return new Expr.Unary(Expr.UnaryOp.NOT, operand, NOWHERE);
  }

  private static Expr chain(Expr.BinaryOp op, List<Expr> parts) {
    Expr out = parts.get(0);
    for (int i = 1; i < parts.size(); i++) out = binary(op, out, parts.get(i));
    return out;
  }

  private static void flatten(Expr expr, Expr.BinaryOp op, List<Expr> out) {
    if (expr instanceof Expr.Binary b && b.op() == op) {
      flatten(b.left(), op, out);
      flatten(b.right(), op, out);
    } else {
      out.add(expr);
    }
  }

  /** The variable {@code expr} tests with {@code function(x)}, or null. */
  private static String tested(Expr expr, Builtin function) {
    return expr instanceof Expr.Call c
            && c.function().equals(function.function())
            && c.arguments().size() == 1
            && c.arguments().get(0) instanceof Expr.Name n
        ? n.name()
        : null;
  }

  /**
   * The conjunction of {@code parts}, where each {@code filled(x)} part makes x known to be filled
   * in the others: a part {@code empty(x) or P} becomes {@code P}, a part {@code filled(x) or P}
   * holds and goes; a {@code filled(x)} that served so goes too, since what it guarded is unknown
   * (and so hides) for an empty x anyway.
   */
  private static Expr conjunction(List<Expr> conjuncts) {
    List<Expr> parts = new ArrayList<>();
    conjuncts.forEach(c -> flatten(c, Expr.BinaryOp.AND, parts));
    Set<String> filled = new LinkedHashSet<>();
    parts.forEach(
        p -> {
          String x = tested(p, Builtin.FILLED);
          if (x != null) filled.add(x);
        });
    Set<String> used = new LinkedHashSet<>();
    List<Expr> out = new ArrayList<>();
    for (Expr part : parts) {
      if (tested(part, Builtin.FILLED) != null
          || !(part instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR)) {
        out.add(part);
        continue;
      }
      List<Expr> disjuncts = new ArrayList<>();
      flatten(part, Expr.BinaryOp.OR, disjuncts);
      List<Expr> kept = new ArrayList<>();
      boolean holds = false;
      for (Expr disjunct : disjuncts) {
        String always = tested(disjunct, Builtin.FILLED);
        String never = emptyOf(disjunct, filled);
        if (always != null && filled.contains(always)) {
          holds = true;
          used.add(always);
        } else if (never != null) {
          used.add(never);
        } else {
          kept.add(disjunct);
        }
      }
      if (!holds) out.add(kept.isEmpty() ? part : chain(Expr.BinaryOp.OR, kept));
    }
    out.removeIf(p -> used.contains(tested(p, Builtin.FILLED)));
    return chain(Expr.BinaryOp.AND, out);
  }

  /**
   * The filled variable whose {@code empty(x)} makes {@code disjunct} false (alone or in an 'and'),
   * or null.
   */
  private static String emptyOf(Expr disjunct, Set<String> filled) {
    List<Expr> parts = new ArrayList<>();
    flatten(disjunct, Expr.BinaryOp.AND, parts);
    for (Expr part : parts) {
      String x = tested(part, Builtin.EMPTY);
      if (x != null && filled.contains(x)) return x;
    }
    return null;
  }

  /** Recursive descent over one token list, building the expression tree. */
  private static final class Parser {
    private final List<Token> tokens;
    private final Map<String, Field> fields;
    private final Map<String, String> elsewhere;
    private int pos;

    Parser(List<Token> tokens, Map<String, Field> fields, Map<String, String> elsewhere) {
      this.tokens = tokens;
      this.fields = fields;
      this.elsewhere = elsewhere;
    }

    private Token peek() {
      return peek(0);
    }

    private Token peek(int ahead) {
      return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
      return tokens.get(pos++);
    }

    private boolean isWord(String word) {
      return peek().kind() == Kind.WORD && peek().text().equals(word);
    }

    private boolean isOp(String op) {
      return peek().kind() == Kind.OP && peek().text().equals(op);
    }

    void expectEnd() {
      if (peek().kind() != Kind.END)
        throw new Refusal("unexpected '" + peek().text() + "'" + describeUnexpected());
    }

    private String describeUnexpected() {
      Token t = peek();
      if (t.kind() == Kind.WORD && peek(1).kind() == Kind.OPEN) {
        return "; the function " + t.text() + "() has no translation";
      }
      return "";
    }

    // ---- branching logic ----------------------------------------------------------------

    Expr or() {
      List<Expr> parts = new ArrayList<>(List.of(and()));
      while (isWord("or")) {
        next();
        parts.add(and());
      }
      return chain(Expr.BinaryOp.OR, parts);
    }

    private Expr and() {
      List<Expr> parts = new ArrayList<>(List.of(primary()));
      while (isWord("and")) {
        next();
        parts.add(primary());
      }
      return conjunction(parts);
    }

    private Expr primary() {
      if (peek().kind() == Kind.OPEN) {
        next();
        Expr inner = or();
        if (peek().kind() != Kind.CLOSE) throw new Refusal("a '(' is never closed");
        next();
        return inner;
      }
      if (peek().kind() == Kind.WORD && !FUNCTIONS.containsKey(peek().text())) {
        throw new Refusal(
            peek().text().equals("not")
                ? "'not' has no exact translation: REDCap reads an empty field as '' where regforms reads it as unknown"
                : "'"
                    + peek().text()
                    + "'"
                    + (peek(1).kind() == Kind.OPEN
                        ? ": the function " + peek().text() + "() has no translation"
                        : " is not a field, value or operator"));
      }
      Token start = peek();
      boolean calculation =
          start.kind() == Kind.WORD
              || start.kind() == Kind.FIELD
              || start.kind() == Kind.NUMBER
              || isOp("-");
      if (!simpleComparison()) {
        if (!calculation) {
          throw new Refusal(
              "expected a field, a number or a quoted value, found '" + start.text() + "'");
        }
        return calculatedComparison();
      }
      Token left = operand();
      String op = next().text();
      Token right = operand();
      if (left.kind() == Kind.FIELD && right.kind() == Kind.FIELD) {
        return fieldToField(left, op, right);
      }
      if (left.kind() == Kind.FIELD) return compare(left, op, right);
      if (right.kind() == Kind.FIELD) return compare(right, flip(op), left);
      throw new Refusal(
          "the comparison " + show(left) + " " + op + " " + show(right) + " names no field");
    }

    /**
     * Whether a field, value or number is compared with another, with nothing calculated on either
     * side.
     */
    private boolean simpleComparison() {
      int at = simpleOperandLength(0);
      if (at == 0) return false;
      Token op = peek(at);
      if (isArithmetic(op)) return false;
      if (op.kind() != Kind.OP) {
        Token first = at == 2 ? new Token(Kind.NUMBER, "-" + peek(1).text(), null) : peek();
        throw new Refusal("expected a comparison (=, <>, <, <=, >, >=) after " + show(first));
      }
      int after = simpleOperandLength(at + 1);
      return after != 0 && !isArithmetic(peek(at + 1 + after));
    }

    private static boolean isArithmetic(Token t) {
      return t.kind() == Kind.OP && "+-*/^".contains(t.text());
    }

    private int simpleOperandLength(int ahead) {
      Token t = peek(ahead);
      if (t.kind() == Kind.OP && t.text().equals("-") && peek(ahead + 1).kind() == Kind.NUMBER)
        return 2;
      return t.kind() == Kind.FIELD || t.kind() == Kind.TEXT || t.kind() == Kind.NUMBER ? 1 : 0;
    }

    /**
     * {@code datediff([a], 'today', 'd', true) > 30}: both sides as calculations. A calculation is
     * empty in REDCap when a field in it is, and unknown in regforms; so {@code <>}, which holds
     * for an empty side in REDCap, holds here when any of those fields is empty.
     */
    private Expr calculatedComparison() {
      Expr left = sum();
      if (peek().kind() != Kind.OP || "+-*/^".contains(peek().text())) {
        throw new Refusal("expected a comparison (=, <>, <, <=, >, >=) after a calculation");
      }
      String op = next().text();
      Expr right = sum();
      if (!isInequality(op)) return binary(operator(op), left, right);
      List<Expr> parts = new ArrayList<>();
      Set<String> read = new LinkedHashSet<>();
      names(left, read);
      names(right, read);
      read.forEach(x -> parts.add(call(Builtin.EMPTY, name(x))));
      parts.add(binary(Expr.BinaryOp.NE, left, right));
      return chain(Expr.BinaryOp.OR, parts);
    }

    private void names(Expr expr, Set<String> out) {
      if (expr instanceof Expr.Name n) out.add(n.name());
      expr.children().forEach(child -> names(child, out));
    }

    private Token operand() {
      Token t = peek();
      if (isOp("-") && peek(1).kind() == Kind.NUMBER) {
        next();
        Token number = next();
        return new Token(Kind.NUMBER, "-" + number.text(), null);
      }
      if (t.kind() == Kind.FIELD || t.kind() == Kind.TEXT || t.kind() == Kind.NUMBER) {
        return next();
      }
      throw new Refusal(
          "expected a field, a number or a quoted value, found '"
              + t.text()
              + "'"
              + describeUnexpected());
    }

    private static String show(Token t) {
      switch (t.kind()) {
        case FIELD:
          return "[" + t.text() + (t.option() == null ? "" : "(" + t.option() + ")") + "]";
        case TEXT:
          return "'" + t.text() + "'";
        default:
          return t.text();
      }
    }

    private static String flip(String op) {
      switch (op) {
        case "<":
          return ">";
        case ">":
          return "<";
        case "<=":
          return ">=";
        case ">=":
          return "<=";
        default:
          return op;
      }
    }

    private static Expr.BinaryOp operator(String op) {
      switch (op) {
        case "=":
        case "==":
          return Expr.BinaryOp.EQ;
        case "<>":
        case "!=":
          return Expr.BinaryOp.NE;
        case "<":
          return Expr.BinaryOp.LT;
        case "<=":
          return Expr.BinaryOp.LE;
        case ">":
          return Expr.BinaryOp.GT;
        case ">=":
          return Expr.BinaryOp.GE;
        default:
          throw new Refusal("'" + op + "' is not a comparison");
      }
    }

    private Field field(Token t) {
      Field field = fields.get(t.text());
      if (field == null) {
        String form = elsewhere.get(t.text());
        if (form != null) {
          throw new Refusal(
              "["
                  + t.text()
                  + "] is a field of the form '"
                  + form
                  + "'; a regforms expression reads only the variables of its own form");
        }
        throw new Refusal("[" + t.text() + "] is not a field of this data dictionary");
      }
      return field;
    }

    private static boolean isEquality(String op) {
      return op.equals("=") || op.equals("==");
    }

    private static boolean isInequality(String op) {
      return op.equals("<>") || op.equals("!=");
    }

    private Expr compare(Token fieldToken, String op, Token value) {
      Field field = field(fieldToken);
      Expr x = name(field.id());
      String literal = value.text();
      if (fieldToken.option() != null) {
        return checkboxOption(fieldToken, field, op, literal);
      }
      if (value.kind() == Kind.TEXT && literal.isEmpty()) {
        if (isEquality(op)) return call(Builtin.EMPTY, x);
        if (isInequality(op)) return call(Builtin.FILLED, x);
        throw new Refusal(
            "'" + op + " ''' compares with an empty value in an order; it has no meaning");
      }
      Expr target;
      switch (field.type()) {
        case CODES:
          throw new Refusal(
              "["
                  + fieldToken.text()
                  + "] is a checkbox field; REDCap tests its options one at a time, as ["
                  + fieldToken.text()
                  + "(code)]");
        case CODE:
          if (!isEquality(op) && !isInequality(op))
            return codeOrder(fieldToken, field, op, literal);
          if (!field.codes().contains(literal)) {
            throw new Refusal(
                "'"
                    + literal
                    + "' is not one of the choices of ["
                    + fieldToken.text()
                    + "] ("
                    + String.join(", ", field.codes().stream().sorted().toList())
                    + ")");
          }
          target = new Expr.TextLiteral(literal, NOWHERE);
          break;
        case BOOLEAN:
          if (!literal.equals("1") && !literal.equals("0")) {
            throw new Refusal(
                "["
                    + fieldToken.text()
                    + "] is a yes/no field, stored as 1 or 0, not '"
                    + literal
                    + "'");
          }
          if (!isEquality(op) && !isInequality(op)) {
            throw new Refusal("a yes/no field compared with '" + op + "' has no translation");
          }
          target = new Expr.BooleanLiteral(literal.equals("1"), NOWHERE);
          break;
        case INTEGER:
        case DECIMAL:
          target =
              number(literal)
                  .map(RedcapLogic::numberLiteral)
                  .orElseThrow(
                      () ->
                          new Refusal(
                              "[" + fieldToken.text() + "] is a number; '" + literal + "' is not"));
          break;
        case DATE:
          target =
              date(literal)
                  .orElseThrow(
                      () ->
                          new Refusal(
                              "["
                                  + fieldToken.text()
                                  + "] is a date; '"
                                  + literal
                                  + "' is not a date yyyy-mm-dd"));
          break;
        case TEXT:
          if (!isEquality(op) && !isInequality(op)) {
            throw new Refusal("a text field compared with '" + op + "' has no exact translation");
          }
          target = new Expr.TextLiteral(literal, NOWHERE);
          break;
        default:
          throw new Refusal(
              "comparisons on a " + field.type().jsonName() + " field have no translation");
      }
      if (isInequality(op)) {
        return binary(
            Expr.BinaryOp.OR, call(Builtin.EMPTY, x), binary(Expr.BinaryOp.NE, x, target));
      }
      return binary(operator(op), x, target);
    }

    /** {@code [x] > 2} on a choice field with numeric codes: the codes that satisfy it, listed. */
    private Expr codeOrder(Token fieldToken, Field field, String op, String literal) {
      BigDecimal bound =
          number(literal)
              .map(BigDecimal::new)
              .orElseThrow(
                  () ->
                      new Refusal(
                          "["
                              + fieldToken.text()
                              + "] "
                              + op
                              + " '"
                              + literal
                              + "' orders a choice field by a value that is not a number"));
      List<String> chosen = new ArrayList<>();
      for (String code : field.codes().stream().sorted().toList()) {
        BigDecimal value =
            number(code)
                .map(BigDecimal::new)
                .orElseThrow(
                    () ->
                        new Refusal(
                            "["
                                + fieldToken.text()
                                + "] has a code '"
                                + code
                                + "' that is not a number, so '"
                                + op
                                + "' has no meaning for it"));
        int cmp = value.compareTo(bound);
        boolean keep =
            op.equals("<")
                ? cmp < 0
                : op.equals("<=") ? cmp <= 0 : op.equals(">") ? cmp > 0 : cmp >= 0;
        if (keep) chosen.add(code);
      }
      if (chosen.isEmpty()) {
        throw new Refusal(
            "[" + fieldToken.text() + "] " + op + " " + literal + " holds for none of its choices");
      }
      chosen.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
      List<Expr> items = chosen.stream().map(c -> (Expr) new Expr.TextLiteral(c, NOWHERE)).toList();
      return new Expr.In(name(field.id()), items, false, NOWHERE);
    }

    private Expr checkboxOption(Token fieldToken, Field field, String op, String literal) {
      String option = fieldToken.option().strip();
      if (field.type() != VariableType.CODES) {
        throw new Refusal(
            "["
                + fieldToken.text()
                + "("
                + option
                + ")] names an option, but ["
                + fieldToken.text()
                + "] is not a checkbox field");
      }
      if (!field.codes().contains(option)) {
        throw new Refusal(
            "'" + option + "' is not one of the options of [" + fieldToken.text() + "]");
      }
      if (!literal.equals("1") && !literal.equals("0")) {
        throw new Refusal(
            "a checkbox option is '1' (checked) or '0' (not checked), not '" + literal + "'");
      }
      if (!isEquality(op) && !isInequality(op)) {
        throw new Refusal("a checkbox option compared with '" + op + "' has no translation");
      }
      boolean checked = literal.equals("1") == isEquality(op);
      Expr x = name(field.id());
      Expr contains = call(Builtin.CONTAINS_CODE, x, new Expr.TextLiteral(option, NOWHERE));
      return checked ? contains : binary(Expr.BinaryOp.OR, call(Builtin.EMPTY, x), not(contains));
    }

    private Expr fieldToField(Token left, String op, Token right) {
      if (left.option() != null || right.option() != null) {
        throw new Refusal("comparing checkbox options with each other has no translation");
      }
      Field a = field(left);
      Field b = field(right);
      boolean numbers = a.type().isNumeric() && b.type().isNumeric();
      boolean dates = a.type() == VariableType.DATE && b.type() == VariableType.DATE;
      boolean sameCodes =
          a.type() == VariableType.CODE
              && b.type() == VariableType.CODE
              && a.codes().equals(b.codes());
      if (!numbers && !dates && !(sameCodes && (isEquality(op) || isInequality(op)))) {
        throw new Refusal(
            "["
                + left.text()
                + "] and ["
                + right.text()
                + "] are not both numbers, both dates or "
                + "choices from the same list; comparing them has no exact translation");
      }
      Expr x = name(a.id());
      Expr y = name(b.id());
      if (isEquality(op)) {
        // REDCap finds two empty fields equal ('' = '').
        Expr bothEmpty = binary(Expr.BinaryOp.AND, call(Builtin.EMPTY, x), call(Builtin.EMPTY, y));
        return binary(Expr.BinaryOp.OR, bothEmpty, binary(Expr.BinaryOp.EQ, x, y));
      }
      if (isInequality(op)) {
        Expr eitherFilled =
            binary(Expr.BinaryOp.OR, call(Builtin.FILLED, x), call(Builtin.FILLED, y));
        Expr differ =
            chain(
                Expr.BinaryOp.OR,
                List.of(
                    call(Builtin.EMPTY, x),
                    call(Builtin.EMPTY, y),
                    binary(Expr.BinaryOp.NE, x, y)));
        return binary(Expr.BinaryOp.AND, eitherFilled, differ);
      }
      return binary(operator(op), x, y);
    }

    // ---- calculations ------------------------------------------------------------------

    Expr sum() {
      Expr out = term();
      while (isOp("+") || isOp("-")) {
        Expr.BinaryOp op = next().text().equals("+") ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUBTRACT;
        out = binary(op, out, term());
      }
      return out;
    }

    private Expr term() {
      Expr out = power();
      while (isOp("*") || isOp("/")) {
        Expr.BinaryOp op =
            next().text().equals("*") ? Expr.BinaryOp.MULTIPLY : Expr.BinaryOp.DIVIDE;
        out = binary(op, out, power());
      }
      return out;
    }

    private Expr power() {
      Expr base = unary();
      if (!isOp("^")) return base;
      next();
      Expr exponent = unary();
      if (!(exponent instanceof Expr.NumberLiteral n)
          || !n.value().toPlainString().matches("[1-4]")) {
        throw new Refusal(
            "only whole powers 1 to 4 have a translation, not ^" + ExprPrinter.print(exponent));
      }
      int times = n.value().intValue();
      Expr product = base;
      for (int i = 1; i < times; i++) product = binary(Expr.BinaryOp.MULTIPLY, product, base);
      return product;
    }

    private Expr unary() {
      if (isOp("-")) {
        next();
        return new Expr.Unary(Expr.UnaryOp.NEGATE, unary(), NOWHERE);
      }
      Token t = peek();
      switch (t.kind()) {
        case NUMBER:
          next();
          return number(t.text())
              .map(RedcapLogic::numberLiteral)
              .orElseThrow(() -> new Refusal("'" + t.text() + "' is not a number"));
        case FIELD:
          {
            next();
            if (t.option() != null)
              throw new Refusal("a checkbox option in a calculation has no translation");
            Field field = field(t);
            if (!field.type().isNumeric()) {
              throw new Refusal(
                  "["
                      + t.text()
                      + "] is a "
                      + field.type().jsonName()
                      + " field; in a regforms calculation "
                      + "only number fields take part");
            }
            return name(field.id());
          }
        case OPEN:
          {
            next();
            Expr inner = sum();
            if (peek().kind() != Kind.CLOSE) throw new Refusal("a '(' is never closed");
            next();
            return inner;
          }
        case WORD:
          return function(t.text());
        default:
          throw new Refusal("unexpected '" + t.text() + "' in a calculation");
      }
    }

    private Expr function(String name) {
      Builtin function = FUNCTIONS.get(name);
      if (function == null) {
        throw new Refusal(
            "the function "
                + name
                + "() has no translation"
                + (List.of("sum", "mean", "min", "max").contains(name)
                    ? " (REDCap's "
                        + name
                        + "() skips empty fields, where regforms' is unknown when any value is)"
                    : ""));
      }
      next();
      if (peek().kind() != Kind.OPEN) throw new Refusal(name + " without '('");
      next();
      Expr out;
      switch (function) {
        case DAYS_BETWEEN:
          out = datediff();
          break;
        case YEAR:
        case MONTH:
          out = call(function, dateArgument());
          break;
        case ROUND_TO:
          {
            Expr argument = sum();
            Expr digits = null;
            if (peek().kind() == Kind.COMMA) {
              next();
              Token d = next();
              if (d.kind() != Kind.NUMBER || !d.text().matches("\\d+")) {
                throw new Refusal("round() takes a whole number of decimals");
              }
              digits = numberLiteral(d.text());
            }
            out =
                digits == null
                    ? call(Builtin.ROUND, argument)
                    : call(Builtin.ROUND_TO, argument, digits);
            break;
          }
        default:
          out = call(function, sum());
      }
      if (peek().kind() != Kind.CLOSE) {
        throw new Refusal(
            name
                + "() takes "
                + (name.equals("round") ? "one or two" : name.equals("datediff") ? "four" : "one")
                + " arguments here");
      }
      next();
      return out;
    }

    /** {@code datediff(a, b, "d", true)} is b − a in days; without the signed flag, its size. */
    private Expr datediff() {
      Expr from = dateArgument();
      comma();
      Expr to = dateArgument();
      comma();
      Token unit = next();
      if (unit.kind() != Kind.TEXT || !unit.text().equals("d")) {
        throw new Refusal(
            "datediff() in other units than days ('d') counts months and years as fixed numbers of days,"
                + " which has no exact translation");
      }
      boolean signed = false;
      if (peek().kind() == Kind.COMMA) {
        next();
        Token flag = next();
        if (flag.kind() != Kind.WORD
            || !flag.text().equals("true") && !flag.text().equals("false")) {
          throw new Refusal("datediff()'s fourth argument is true or false");
        }
        signed = flag.text().equals("true");
      }
      Expr days = call(Builtin.DAYS_BETWEEN, from, to);
      return signed ? days : call(Builtin.ABS, days);
    }

    private void comma() {
      if (peek().kind() != Kind.COMMA)
        throw new Refusal("datediff() takes its arguments separated by commas");
      next();
    }

    /** A date field, a date 'yyyy-mm-dd' or 'today'. */
    private Expr dateArgument() {
      Token t = next();
      if (t.kind() == Kind.FIELD && t.option() == null && field(t).type() == VariableType.DATE)
        return name(field(t).id());
      if (t.kind() == Kind.TEXT && t.text().equals("today")) return call(Builtin.TODAY);
      if (t.kind() == Kind.TEXT) {
        return date(t.text())
            .orElseThrow(() -> new Refusal("'" + t.text() + "' is not a date yyyy-mm-dd"));
      }
      throw new Refusal(show(t) + " is not a date field, a date or 'today'");
    }
  }

  private static Expr numberLiteral(String text) {
    BigDecimal value = new BigDecimal(text);
    Expr literal = new Expr.NumberLiteral(value.abs(), NOWHERE);
    return value.signum() < 0 ? new Expr.Unary(Expr.UnaryOp.NEGATE, literal, NOWHERE) : literal;
  }

  private static java.util.Optional<Expr> date(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) return java.util.Optional.empty();
    try {
      return java.util.Optional.of(new Expr.DateLiteral(LocalDate.parse(text), NOWHERE));
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private static java.util.Optional<String> number(String text) {
    String t = text.strip();
    if (!t.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) return java.util.Optional.empty();
    return java.util.Optional.of(new BigDecimal(t).toPlainString());
  }
}
