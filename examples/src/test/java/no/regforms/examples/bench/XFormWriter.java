package no.regforms.examples.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import no.regforms.definition.Bound;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.Rule;
import no.regforms.definition.Section;
import no.regforms.definition.Variable;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.Severity;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.ExprType;
import no.regforms.expression.parser.Expr;

/**
 * The ODK XForm equivalent of a regforms form, for running JavaRosa beside regforms on the same
 * records. Written from the loaded form (variables, code lists, ranges, skip logic, computed
 * values, error rules), so the two engines are given the same definition.
 *
 * <p>What maps: sections (flattened: a section's condition joins its items' {@code relevant}),
 * every value type but repeat groups and date-times, {@code required}, ranges, steps, lengths,
 * patterns, choice counts, missing-value reasons (extra choices of a select, or a companion select
 * {@code <id>_missing} for other types), and the expression subset the benchmarked forms use.
 * Warnings are left out: JavaRosa has no warnings, only errors. Anything else throws, rather than
 * silently giving JavaRosa less work.
 *
 * <p>Three-valued logic: JavaRosa reads a non-relevant or empty node as {@code ''}, and a
 * comparison with {@code ''} is false, which hides a question as regforms' unknown does; a rule's
 * check is guarded so that it passes when a value it reads is empty, as an unknown regforms check
 * passes.
 */
final class XFormWriter {

  private static final String YEARMONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

  private final Registry registry;
  private final Form form;
  private final StringBuilder instance = new StringBuilder();
  private final StringBuilder binds = new StringBuilder();
  private final StringBuilder body = new StringBuilder();

  private XFormWriter(Registry registry, Form form) {
    this.registry = registry;
    this.form = form;
  }

  /** The XForm of {@code form}. */
  static String write(Registry registry, Form form) {
    XFormWriter writer = new XFormWriter(registry, form);
    writer.items(form.items(), List.of());
    return writer.document();
  }

  /** The data node of variable {@code id}. */
  static String path(String id) {
    return "/data/" + id;
  }

  /** The companion node holding the missing-value reason of a variable that is not a select. */
  static String missingPath(String id) {
    return path(id + "_missing");
  }

  /** Whether {@code variable}'s missing-value reasons are choices of its own select. */
  static boolean reasonIsChoice(Variable variable) {
    return variable.type() == VariableType.CODE
        || variable.type() == VariableType.CODES
        || variable.type() == VariableType.BOOLEAN;
  }

  private String document() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\""
        + " xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n"
        + "<h:head><h:title>"
        + form.id()
        + "</h:title>\n<model>\n<instance><data id=\""
        + form.id()
        + "\">"
        + instance
        + "</data></instance>\n"
        + binds
        + "</model>\n</h:head>\n<h:body>\n"
        + body
        + "</h:body>\n</h:html>\n";
  }

  private void items(List<FormItem> items, List<String> conditions) {
    for (FormItem item : items) {
      if (item instanceof Section section) {
        List<String> inner = new ArrayList<>(conditions);
        section.visibleIf().map(f -> xpath(f.compiled())).ifPresent(inner::add);
        body.append("<group><label>").append(section.id()).append("</label>\n");
        items(section.items(), inner);
        body.append("</group>\n");
      } else if (item instanceof Variable variable) {
        variable(variable, conditions);
      } else if (!(item instanceof no.regforms.definition.Note)) {
        throw new UnsupportedOperationException(
            form.id()
                + ": "
                + item.getClass().getSimpleName()
                + " '"
                + item.id()
                + "' has no XForm mapping here");
      }
    }
  }

  private void variable(Variable variable, List<String> outer) {
    List<String> relevant = new ArrayList<>(outer);
    variable.visibleIf().map(f -> xpath(f.compiled())).ifPresent(relevant::add);
    String relevance =
        relevant.isEmpty()
            ? null
            : relevant.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" and "));
    String id = variable.id();
    instance.append('<').append(id).append("/>");
    StringBuilder bind =
        new StringBuilder("<bind nodeset=\"")
            .append(path(id))
            .append("\" type=\"")
            .append(type(variable))
            .append('"');
    if (relevance != null) bind.append(" relevant=\"").append(escape(relevance)).append('"');
    if (variable.compute().isPresent()) {
      bind.append(" calculate=\"")
          .append(escape(xpath(variable.compute().get().compiled())))
          .append("\"/>\n");
      binds.append(bind);
      return;
    }
    boolean companion = !variable.missing().isEmpty() && !reasonIsChoice(variable);
    if (variable.required()) {
      bind.append(" required=\"")
          .append(companion ? escape(missingPath(id) + " = ''") : "true()")
          .append('"');
    } else if (variable.requiredIf().isPresent()) {
      throw new UnsupportedOperationException(
          form.id() + ": requiredIf of '" + id + "' has no XForm mapping here");
    }
    List<String> constraints = constraints(variable);
    if (!constraints.isEmpty()) {
      bind.append(" constraint=\"").append(escape(String.join(" and ", constraints))).append('"');
    }
    binds.append(bind).append("/>\n");
    control(variable);
    if (companion) {
      instance.append('<').append(id).append("_missing/>");
      binds
          .append("<bind nodeset=\"")
          .append(missingPath(id))
          .append("\" type=\"string\"")
          .append(relevance == null ? "" : " relevant=\"" + escape(relevance) + "\"")
          .append("/>\n");
      select("select1", missingPath(id), id + " missing", variable.missing());
    }
  }

  private static String type(Variable variable) {
    return switch (variable.type()) {
      case INTEGER -> "int";
      case DECIMAL -> "decimal";
      case DATE -> "date";
      case TEXT, YEARMONTH, BOOLEAN, CODE, CODES -> "string";
      case DATETIME ->
          throw new UnsupportedOperationException("datetime has no XForm mapping here");
    };
  }

  private void control(Variable variable) {
    List<String> reasons = reasonIsChoice(variable) ? variable.missing() : List.of();
    switch (variable.type()) {
      case CODE ->
          select("select1", path(variable.id()), variable.id(), concat(codes(variable), reasons));
      case CODES ->
          select("select", path(variable.id()), variable.id(), concat(codes(variable), reasons));
      case BOOLEAN ->
          select(
              "select1",
              path(variable.id()),
              variable.id(),
              concat(List.of("true", "false"), reasons));
      default ->
          body.append("<input ref=\"")
              .append(path(variable.id()))
              .append("\"><label>")
              .append(variable.id())
              .append("</label></input>\n");
    }
  }

  private void select(String control, String ref, String label, List<String> values) {
    body.append('<')
        .append(control)
        .append(" ref=\"")
        .append(ref)
        .append("\"><label>")
        .append(label)
        .append("</label>");
    for (String value : values) {
      body.append("<item><label>")
          .append(value)
          .append("</label><value>")
          .append(value)
          .append("</value></item>");
    }
    body.append("</").append(control).append(">\n");
  }

  private List<String> codes(Variable variable) {
    CodeList list = registry.codeLists().get(variable.codeList().orElseThrow());
    return list.codes().stream().map(no.regforms.definition.Code::code).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private List<String> constraints(Variable variable) {
    List<String> out = new ArrayList<>();
    switch (variable.type()) {
      case INTEGER, DECIMAL -> {
        variable
            .range()
            .ifPresent(
                range -> {
                  range.numericMin().ifPresent(min -> out.add(". >= " + min.toPlainString()));
                  range.numericMax().ifPresent(max -> out.add(". <= " + max.toPlainString()));
                });
        variable
            .step()
            .ifPresent(
                step -> {
                  BigDecimal base =
                      variable.range().flatMap(Range::numericMin).orElse(BigDecimal.ZERO);
                  out.add(
                      "(. - " + base.toPlainString() + ") mod " + step.toPlainString() + " = 0");
                });
      }
      case DATE ->
          variable
              .range()
              .ifPresent(
                  range -> {
                    out.add(". >= " + dateBound(range.min()));
                    out.add(". <= " + dateBound(range.max()));
                  });
      case YEARMONTH -> {
        out.add("regex(., '" + YEARMONTH + "')");
        variable
            .range()
            .ifPresent(
                range -> {
                  out.add(months(".") + " >= " + months(monthBound(range.min())));
                  out.add(months(".") + " <= " + months(monthBound(range.max())));
                });
      }
      case TEXT -> {
        variable.maxLength().ifPresent(max -> out.add("string-length(.) <= " + max));
        variable
            .pattern()
            .ifPresent(pattern -> out.add("regex(., '^(?:" + quoteFree(pattern) + ")$')"));
      }
      case CODES -> {
        variable.minChoices().ifPresent(min -> out.add("count-selected(.) >= " + min));
        variable.maxChoices().ifPresent(max -> out.add("count-selected(.) <= " + max));
      }
      default -> {}
    }
    for (Rule rule : form.rules()) {
      if (rule.severity() != Severity.ERROR) continue;
      List<String> attached =
          rule.variables().isEmpty()
              ? List.copyOf(rule.check().compiled().references())
              : rule.variables();
      if (attached.contains(variable.id())) out.add(ruleConstraint(rule));
    }
    return out;
  }

  /**
   * A rule as JavaRosa checks it: passes when its condition is false, or a value it reads is empty.
   */
  private String ruleConstraint(Rule rule) {
    List<String> passes = new ArrayList<>();
    rule.when().map(Formula::compiled).ifPresent(when -> passes.add("not(" + xpath(when) + ")"));
    for (String name : rule.check().compiled().references()) passes.add(path(name) + " = ''");
    passes.add(xpath(rule.check().compiled()));
    return "(" + String.join(" or ", passes) + ")";
  }

  private static String dateBound(Bound bound) {
    if (bound instanceof Bound.Today) return "today()";
    if (bound instanceof Bound.Date date) return "date('" + date.value() + "')";
    throw new UnsupportedOperationException("date bound " + bound);
  }

  private static String monthBound(Bound bound) {
    if (bound instanceof Bound.Today) return "format-date(today(), '%Y-%m')";
    if (bound instanceof Bound.Month month) return "'" + month.value() + "'";
    throw new UnsupportedOperationException("month bound " + bound);
  }

  /**
   * Months since year 0 of a {@code yyyy-mm...} text (a date or a year-month); JavaRosa's substr
   * counts from 0.
   */
  private static String months(String value) {
    return "(number(substr(" + value + ", 0, 4)) * 12 + number(substr(" + value + ", 5, 7)))";
  }

  // ---- expressions ---------------------------------------------------------------------------

  private static String xpath(CompiledExpression expression) {
    return new Translation(expression).of(expression.syntax());
  }

  /** One expression's translation; types come from the regforms type checker. */
  private record Translation(CompiledExpression expression) {

    String of(Expr node) {
      if (node instanceof Expr.NumberLiteral n) return n.value().toPlainString();
      if (node instanceof Expr.TextLiteral t) return "'" + quoteFree(t.value()) + "'";
      if (node instanceof Expr.BooleanLiteral b) return "'" + b.value() + "'";
      if (node instanceof Expr.DateLiteral d) return "date('" + d.value() + "')";
      if (node instanceof Expr.YearMonthLiteral m) return "'" + m.value() + "'";
      if (node instanceof Expr.Name name) return path(name.name());
      if (node instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE)
        return "-" + of(u.operand());
      if (node instanceof Expr.Binary b) return binary(b);
      if (node instanceof Expr.In in && !in.negated()) {
        String operand = of(in.operand());
        return "("
            + in.items().stream()
                .map(item -> operand + " = " + of(item))
                .collect(Collectors.joining(" or "))
            + ")";
      }
      if (node instanceof Expr.Call call) return call(call);
      throw unsupported(node);
    }

    private String binary(Expr.Binary b) {
      return switch (b.op()) {
        case AND, OR -> "(" + of(b.left()) + " " + b.op().symbol() + " " + of(b.right()) + ")";
        case EQ, LT, LE, GT, GE ->
            isMonth(b.left()) || isMonth(b.right())
                ? "("
                    + months(of(b.left()))
                    + " "
                    + b.op().symbol()
                    + " "
                    + months(of(b.right()))
                    + ")"
                : "(" + of(b.left()) + " " + b.op().symbol() + " " + of(b.right()) + ")";
        case ADD, SUBTRACT, MULTIPLY ->
            "(" + of(b.left()) + " " + b.op().symbol() + " " + of(b.right()) + ")";
        case DIVIDE -> "(" + of(b.left()) + " div " + of(b.right()) + ")";
        case NE -> throw unsupported(b); // XPath's '' != 'x' is true where regforms' unknown hides
      };
    }

    private String call(Expr.Call call) {
      List<Expr> args = call.arguments();
      return switch (call.function()) {
        case "filled" -> "(" + of(args.get(0)) + " != '')";
        case "empty" -> "(" + of(args.get(0)) + " = '')";
        case "contains" -> "selected(" + of(args.get(0)) + ", " + of(args.get(1)) + ")";
        case "today" -> "today()";
        case "sum" -> "(" + args.stream().map(this::of).collect(Collectors.joining(" + ")) + ")";
        case "round" ->
            "round(" + args.stream().map(this::of).collect(Collectors.joining(", ")) + ")";
        case "days_between" ->
            "round(decimal-date-time("
                + of(args.get(1))
                + ") - decimal-date-time("
                + of(args.get(0))
                + "))";
        case "months_between" -> monthsBetween(args.get(0), args.get(1));
        case "years_between", "age_at" ->
            "int(" + monthsBetween(args.get(0), args.get(1)) + " div 12)";
        default -> throw unsupported(call);
      };
    }

    /** Whole calendar months, at month precision when either side is a year-month. */
    private String monthsBetween(Expr from, Expr to) {
      String a = of(from);
      String b = of(to);
      String months = months(b) + " - " + months(a);
      if (isMonth(from) || isMonth(to)) return "(" + months + ")";
      return "("
          + months
          + " - if(number(substr("
          + b
          + ", 8, 10)) < number(substr("
          + a
          + ", 8, 10)), 1, 0))";
    }

    private boolean isMonth(Expr node) {
      return expression
          .typeOf(node)
          .map(ExprType::kind)
          .filter(k -> k == ExprType.Kind.YEARMONTH)
          .isPresent();
    }

    private UnsupportedOperationException unsupported(Expr node) {
      return new UnsupportedOperationException(
          "'"
              + expression.text()
              + "': "
              + node.getClass().getSimpleName()
              + " has no XPath translation here");
    }
  }

  private static String quoteFree(String text) {
    if (text.contains("'"))
      throw new UnsupportedOperationException("a text with ' has no XPath literal here");
    return text;
  }

  private static String escape(String xpath) {
    return xpath
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
