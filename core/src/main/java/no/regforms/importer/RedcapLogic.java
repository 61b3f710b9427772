package no.regforms.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.VariableType;

/**
 * Translates REDCap logic into the regforms expression language: branching logic
 * ({@code [sex] = '0' and [given_birth] = '1'}, checkbox options {@code [meds(2)] = '1'}, {@code <>},
 * {@code or}, {@code and}, parentheses, {@code ''} empty checks) and simple calculations
 * ({@code + - * /}, {@code round}, {@code abs}, whole powers {@code ^2}).
 *
 * <p>Whatever has no exact counterpart (events, repeat instances, smart variables, functions such
 * as {@code datediff}, a code that is not among a field's choices, fields of other forms) is refused
 * with a reason, never guessed. Translations keep REDCap's meaning for empty fields: REDCap compares
 * an empty field as the text {@code ''}, so {@code [x] <> '1'} holds for an empty {@code x}, which
 * becomes {@code (empty(x) or x != '1')}; where REDCap's comparison would be false, the expression's
 * unknown hides the field in the same way. Stateless and thread-safe.
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
  static Translation condition(String logic, Map<String, Field> fields, Map<String, String> elsewhere) {
    return run(logic, fields, elsewhere, true);
  }

  /** Translates a calc field's formula into a number expression. */
  static Translation calculation(String formula, Map<String, Field> fields, Map<String, String> elsewhere) {
    return run(formula, fields, elsewhere, false);
  }

  private static Translation run(String text, Map<String, Field> fields, Map<String, String> elsewhere, boolean logic) {
    try {
      Parser parser = new Parser(tokenize(text), fields, elsewhere);
      String out = logic ? parser.or() : parser.sum();
      parser.expectEnd();
      return new Translation.Translated(out);
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

  private enum Kind { FIELD, TEXT, NUMBER, WORD, OP, OPEN, CLOSE, COMMA, END }

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
          throw new Refusal("[" + inside + "][...] names an event or a repeat instance; a regforms expression reads "
              + "only the record it belongs to");
        }
        Matcher m = FIELD.matcher(inside);
        if (!m.matches()) {
          throw new Refusal("[" + inside + "] is a smart variable or not a field name; it has no translation");
        }
        tokens.add(new Token(Kind.FIELD, m.group(1), m.group(2)));
        i = end + 1;
      } else if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) throw new Refusal("a quote at position " + (i + 1) + " is never closed");
        tokens.add(new Token(Kind.TEXT, text.substring(i + 1, end), null));
        i = end + 1;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
        int start = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), null));
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) i++;
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
        if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("==")) {
          tokens.add(new Token(Kind.OP, two, null));
          i += 2;
        } else if ("=<>+-*/^".indexOf(c) >= 0) {
          tokens.add(new Token(Kind.OP, String.valueOf(c), null));
          i++;
        } else {
          throw new Refusal("the character '" + c + "' at position " + (i + 1) + " has no translation");
        }
      }
    }
    tokens.add(new Token(Kind.END, "", null));
    return tokens;
  }

  /** Recursive descent over one token list; builds the expression text as it goes. */
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
      return tokens.get(pos);
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
      if (peek().kind() != Kind.END) throw new Refusal("unexpected '" + peek().text() + "'" + describeUnexpected());
    }

    private String describeUnexpected() {
      Token t = peek();
      if (t.kind() == Kind.WORD && pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Kind.OPEN) {
        return "; the function " + t.text() + "() has no translation";
      }
      return "";
    }

    // ---- branching logic ----------------------------------------------------------------

    String or() {
      StringBuilder out = new StringBuilder(and());
      while (isWord("or")) {
        next();
        out.append(" or ").append(and());
      }
      return out.toString();
    }

    private String and() {
      StringBuilder out = new StringBuilder(primary());
      while (isWord("and")) {
        next();
        out.append(" and ").append(primary());
      }
      return out.toString();
    }

    private String primary() {
      if (peek().kind() == Kind.OPEN) {
        next();
        String inner = or();
        if (peek().kind() != Kind.CLOSE) throw new Refusal("a '(' is never closed");
        next();
        return "(" + inner + ")";
      }
      if (peek().kind() == Kind.WORD) {
        throw new Refusal(peek().text().equals("not")
            ? "'not' has no exact translation: REDCap reads an empty field as '' where regforms reads it as unknown"
            : "'" + peek().text() + "'" + (pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Kind.OPEN
                ? ": the function " + peek().text() + "() has no translation" : " is not a field, value or operator"));
      }
      Token left = operand();
      if (peek().kind() != Kind.OP || "+-*/^".contains(peek().text())) {
        throw new Refusal("expected a comparison (=, <>, <, <=, >, >=) after " + show(left)
            + (peek().kind() == Kind.OP ? "; arithmetic in branching logic has no translation" : ""));
      }
      String op = next().text();
      Token right = operand();
      if (left.kind() == Kind.FIELD && right.kind() == Kind.FIELD) {
        return fieldToField(left, op, right);
      }
      if (left.kind() == Kind.FIELD) return compare(left, op, right);
      if (right.kind() == Kind.FIELD) return compare(right, flip(op), left);
      throw new Refusal("the comparison " + show(left) + " " + op + " " + show(right) + " names no field");
    }

    private Token operand() {
      Token t = peek();
      if (isOp("-") && tokens.get(pos + 1).kind() == Kind.NUMBER) {
        next();
        Token number = next();
        return new Token(Kind.NUMBER, "-" + number.text(), null);
      }
      if (t.kind() == Kind.FIELD || t.kind() == Kind.TEXT || t.kind() == Kind.NUMBER) {
        return next();
      }
      throw new Refusal("expected a field, a number or a quoted value, found '" + t.text() + "'" + describeUnexpected());
    }

    private static String show(Token t) {
      switch (t.kind()) {
        case FIELD: return "[" + t.text() + (t.option() == null ? "" : "(" + t.option() + ")") + "]";
        case TEXT: return "'" + t.text() + "'";
        default: return t.text();
      }
    }

    private static String flip(String op) {
      switch (op) {
        case "<": return ">";
        case ">": return "<";
        case "<=": return ">=";
        case ">=": return "<=";
        default: return op;
      }
    }

    private Field field(Token t) {
      Field field = fields.get(t.text());
      if (field == null) {
        String form = elsewhere.get(t.text());
        if (form != null) {
          throw new Refusal("[" + t.text() + "] is a field of the form '" + form
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

    private String compare(Token fieldToken, String op, Token value) {
      Field field = field(fieldToken);
      String id = field.id();
      String literal = value.text();
      if (fieldToken.option() != null) {
        return checkboxOption(fieldToken, field, op, literal);
      }
      if (value.kind() == Kind.TEXT && literal.isEmpty()) {
        if (isEquality(op)) return "empty(" + id + ")";
        if (isInequality(op)) return "filled(" + id + ")";
        throw new Refusal("'" + op + " ''' compares with an empty value in an order; it has no meaning");
      }
      String target;
      switch (field.type()) {
        case CODES:
          throw new Refusal("[" + fieldToken.text() + "] is a checkbox field; REDCap tests its options one at a time, as ["
              + fieldToken.text() + "(code)]");
        case CODE:
          if (!isEquality(op) && !isInequality(op)) return codeOrder(fieldToken, field, op, literal);
          if (!field.codes().contains(literal)) {
            throw new Refusal("'" + literal + "' is not one of the choices of [" + fieldToken.text() + "] ("
                + String.join(", ", field.codes().stream().sorted().toList()) + ")");
          }
          target = quote(literal);
          break;
        case BOOLEAN:
          if (!literal.equals("1") && !literal.equals("0")) {
            throw new Refusal("[" + fieldToken.text() + "] is a yes/no field, stored as 1 or 0, not '" + literal + "'");
          }
          if (!isEquality(op) && !isInequality(op)) {
            throw new Refusal("a yes/no field compared with '" + op + "' has no translation");
          }
          target = literal.equals("1") ? "true" : "false";
          break;
        case INTEGER:
        case DECIMAL:
          target = number(literal).orElseThrow(() -> new Refusal("[" + fieldToken.text() + "] is a number; '" + literal
              + "' is not"));
          break;
        case DATE:
          if (!literal.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new Refusal("[" + fieldToken.text() + "] is a date; '" + literal + "' is not a date yyyy-mm-dd");
          }
          target = "date(" + quote(literal) + ")";
          break;
        case TEXT:
          if (!isEquality(op) && !isInequality(op)) {
            throw new Refusal("a text field compared with '" + op + "' has no exact translation");
          }
          target = quote(literal);
          break;
        default:
          throw new Refusal("comparisons on a " + field.type().jsonName() + " field have no translation");
      }
      if (isEquality(op)) return id + " = " + target;
      if (isInequality(op)) return "(empty(" + id + ") or " + id + " != " + target + ")";
      return id + " " + op + " " + target;
    }

    /** {@code [x] > 2} on a choice field with numeric codes: the codes that satisfy it, listed. */
    private String codeOrder(Token fieldToken, Field field, String op, String literal) {
      BigDecimal bound = number(literal).map(BigDecimal::new).orElseThrow(() -> new Refusal(
          "[" + fieldToken.text() + "] " + op + " '" + literal + "' orders a choice field by a value that is not a number"));
      List<String> chosen = new ArrayList<>();
      for (String code : field.codes().stream().sorted().toList()) {
        BigDecimal value = number(code).map(BigDecimal::new).orElseThrow(() -> new Refusal("[" + fieldToken.text()
            + "] has a code '" + code + "' that is not a number, so '" + op + "' has no meaning for it"));
        int cmp = value.compareTo(bound);
        boolean keep = op.equals("<") ? cmp < 0 : op.equals("<=") ? cmp <= 0 : op.equals(">") ? cmp > 0 : cmp >= 0;
        if (keep) chosen.add(code);
      }
      if (chosen.isEmpty()) {
        throw new Refusal("[" + fieldToken.text() + "] " + op + " " + literal + " holds for none of its choices");
      }
      chosen.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
      return field.id() + " in (" + String.join(", ", chosen.stream().map(RedcapLogic::quote).toList()) + ")";
    }

    private String checkboxOption(Token fieldToken, Field field, String op, String literal) {
      String option = fieldToken.option().strip();
      if (field.type() != VariableType.CODES) {
        throw new Refusal("[" + fieldToken.text() + "(" + option + ")] names an option, but [" + fieldToken.text()
            + "] is not a checkbox field");
      }
      if (!field.codes().contains(option)) {
        throw new Refusal("'" + option + "' is not one of the options of [" + fieldToken.text() + "]");
      }
      if (!literal.equals("1") && !literal.equals("0")) {
        throw new Refusal("a checkbox option is '1' (checked) or '0' (not checked), not '" + literal + "'");
      }
      if (!isEquality(op) && !isInequality(op)) {
        throw new Refusal("a checkbox option compared with '" + op + "' has no translation");
      }
      boolean checked = literal.equals("1") == isEquality(op);
      String contains = "contains(" + field.id() + ", " + quote(option) + ")";
      return checked ? contains : "(empty(" + field.id() + ") or not " + contains + ")";
    }

    private String fieldToField(Token left, String op, Token right) {
      if (left.option() != null || right.option() != null) {
        throw new Refusal("comparing checkbox options with each other has no translation");
      }
      Field a = field(left);
      Field b = field(right);
      boolean numbers = a.type().isNumeric() && b.type().isNumeric();
      boolean dates = a.type() == VariableType.DATE && b.type() == VariableType.DATE;
      boolean sameCodes = a.type() == VariableType.CODE && b.type() == VariableType.CODE && a.codes().equals(b.codes());
      if (!numbers && !dates && !(sameCodes && (isEquality(op) || isInequality(op)))) {
        throw new Refusal("[" + left.text() + "] and [" + right.text() + "] are not both numbers, both dates or "
            + "choices from the same list; comparing them has no exact translation");
      }
      String x = a.id();
      String y = b.id();
      if (isEquality(op)) return "((empty(" + x + ") and empty(" + y + ")) or " + x + " = " + y + ")";
      if (isInequality(op)) {
        return "((filled(" + x + ") or filled(" + y + ")) and (empty(" + x + ") or empty(" + y + ") or " + x + " != " + y + "))";
      }
      return x + " " + op + " " + y;
    }

    // ---- calculations ------------------------------------------------------------------

    String sum() {
      StringBuilder out = new StringBuilder(term());
      while (isOp("+") || isOp("-")) {
        String op = next().text();
        out.append(' ').append(op).append(' ').append(term());
      }
      return out.toString();
    }

    private String term() {
      StringBuilder out = new StringBuilder(power());
      while (isOp("*") || isOp("/")) {
        String op = next().text();
        out.append(' ').append(op).append(' ').append(power());
      }
      return out.toString();
    }

    private String power() {
      String base = unary();
      if (!isOp("^")) return base;
      next();
      String exponent = unary().replaceAll("^\\((.*)\\)$", "$1").strip();
      if (!exponent.matches("[1-4]")) {
        throw new Refusal("only whole powers 1 to 4 have a translation, not ^" + exponent);
      }
      int n = Integer.parseInt(exponent);
      List<String> factors = new ArrayList<>();
      for (int i = 0; i < n; i++) factors.add(base);
      return n == 1 ? base : "(" + String.join(" * ", factors) + ")";
    }

    private String unary() {
      if (isOp("-")) {
        next();
        return "-" + unary();
      }
      Token t = peek();
      switch (t.kind()) {
        case NUMBER:
          next();
          return number(t.text()).orElseThrow(() -> new Refusal("'" + t.text() + "' is not a number"));
        case FIELD: {
          next();
          if (t.option() != null) throw new Refusal("a checkbox option in a calculation has no translation");
          Field field = field(t);
          if (!field.type().isNumeric()) {
            throw new Refusal("[" + t.text() + "] is a " + field.type().jsonName() + " field; in a regforms calculation "
                + "only number fields take part");
          }
          return field.id();
        }
        case OPEN: {
          next();
          String inner = sum();
          if (peek().kind() != Kind.CLOSE) throw new Refusal("a '(' is never closed");
          next();
          return group(inner);
        }
        case WORD:
          return function(t.text());
        default:
          throw new Refusal("unexpected '" + t.text() + "' in a calculation");
      }
    }

    private String function(String name) {
      if (!name.equals("round") && !name.equals("abs")) {
        throw new Refusal("the function " + name + "() has no translation");
      }
      next();
      if (peek().kind() != Kind.OPEN) throw new Refusal(name + " without '('");
      next();
      String argument = sum();
      String digits = "";
      if (name.equals("round") && peek().kind() == Kind.COMMA) {
        next();
        Token d = next();
        if (d.kind() != Kind.NUMBER || !d.text().matches("\\d+")) {
          throw new Refusal("round() takes a whole number of decimals");
        }
        digits = ", " + d.text();
      }
      if (peek().kind() != Kind.CLOSE) throw new Refusal(name + "() takes " + (name.equals("round") ? "one or two" : "one")
          + " arguments here");
      next();
      return name + "(" + argument + digits + ")";
    }
  }

  /** {@code inner} in parentheses, unless it is a single name or number or already wholly parenthesised. */
  static String group(String inner) {
    if (inner.matches("[A-Za-z0-9_.]+")) return inner;
    if (inner.startsWith("(")) {
      int depth = 0;
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '(') depth++;
        if (c == ')') depth--;
        if (depth == 0) {
          if (i == inner.length() - 1) return inner;
          break;
        }
      }
    }
    return "(" + inner + ")";
  }

  private static java.util.Optional<String> number(String text) {
    String t = text.strip();
    if (!t.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) return java.util.Optional.empty();
    return java.util.Optional.of(new BigDecimal(t).toPlainString());
  }

  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
