package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.expression.Builtin;
import no.regforms.expression.CompiledExpression;
import no.regforms.expression.EvaluationContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operator and function REDCap branching logic can say, under three-valued logic: for each
 * condition of the {@code threevalued} fixture and every combination of empty and filled values of
 * the variables it reads, REDCap (as its help documents it: an empty field is {@code ''}, {@code
 * <>} holds for it, {@code =} with a value and the ordering comparisons do not, a calculation over
 * an empty field is empty) shows the field exactly when regforms does (the condition is true).
 */
class RedcapLogicSemanticsTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

  /** Each variable's values to try; null is empty. */
  private static final Map<String, List<Object>> VALUES =
      Map.of(
          "c", values("a", "b", "c"),
          "n", values(new BigDecimal("3"), new BigDecimal("7")),
          "m", values(new BigDecimal("3"), new BigDecimal("-2")),
          "d", values(LocalDate.of(2019, 6, 1), TODAY.minusDays(30), TODAY.minusDays(31)),
          "fl", values(true, false),
          "cb", values(List.of("x"), List.of("y", "z"), List.of("x", "y")),
          "t", values("hei", "hallo"));

  private static List<Object> values(Object... filled) {
    List<Object> out = new ArrayList<>();
    out.add(null);
    out.addAll(List.of(filled));
    return out;
  }

  @Test
  void branching_everyConditionAndEveryEmptyOrFilledValue_showsExactlyWhenRegformsDoes()
      throws IOException {
    Registry registry = Registries.load("threevalued");
    Form form = registry.formOrThrow("f");
    Map<String, String> branching = new HashMap<>();
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(
                new StringReader(
                    MetadataExporter.create()
                        .export(registry, ExportFormat.REDCAP)
                        .fileOrThrow(RedcapExport.FILE)
                        .content()))) {
      for (CSVRecord row : parser) branching.put(row.get(0), row.get(11));
    }
    int checked = 0;
    for (Variable v : form.variables().values()) {
      if (v.visibleIf().isEmpty()) continue;
      CompiledExpression condition = v.visibleIf().get().compiled();
      String logic = branching.get(v.id());
      assertThat(logic).as("branching of %s", condition.text()).isNotEmpty();
      for (Map<String, Object> record : records(new ArrayList<>(condition.references()))) {
        boolean regforms =
            Boolean.TRUE.equals(
                condition.evaluate(
                    new EvaluationContext() {
                      @Override
                      public Object value(String name) {
                        return record.get(name);
                      }

                      @Override
                      public LocalDate today() {
                        return TODAY;
                      }
                    }));
        assertThat(new RedcapModel(record).holds(logic))
            .as("%s as %s on %s", condition.text(), logic, record)
            .isEqualTo(regforms);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(400);
  }

  @ParameterizedTest
  @EnumSource(Builtin.class)
  void table_everyBuiltin_hasARedcapFormOrAReason(Builtin function) {
    assertThat(
            RedcapLogic.table().entry(function).isPresent()
                || RedcapLogic.table().refusal(function).isPresent())
        .as(function.usage())
        .isTrue();
    assertThat(
            FhirPath.table().entry(function).isPresent()
                || FhirPath.table().refusal(function).isPresent())
        .isTrue();
    assertThat(FormulaInWords.table().entry(function)).isPresent();
  }

  private static List<Map<String, Object>> records(List<String> names) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(new HashMap<>());
    for (String name : names) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> partial : out) {
        for (Object value : VALUES.get(name)) {
          Map<String, Object> record = new HashMap<>(partial);
          if (value != null) record.put(name, value);
          next.add(record);
        }
      }
      out = next;
    }
    return out;
  }

  /** REDCap's reading of branching logic over one record, as its help pages describe it. */
  private static final class RedcapModel {
    private static final Pattern TOKEN =
        Pattern.compile(
            "\\s*(\\[[a-z0-9_]+(?:\\([a-z0-9]+\\))?]|'[^']*'|\"[^\"]*\""
                + "|-?\\d+(?:\\.\\d+)?|<>|<=|>=|[=<>+\\-*/(),]|[a-z_]+)");
    private final Map<String, Object> record;
    private List<String> tokens;
    private int pos;

    RedcapModel(Map<String, Object> record) {
      this.record = record;
    }

    boolean holds(String logic) {
      tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(logic);
      int at = 0;
      while (at < logic.length() && m.find(at) && m.start() == at) {
        tokens.add(m.group(1));
        at = m.end();
      }
      assertThat(at).as("REDCap model reads %s", logic).isEqualTo(logic.length());
      pos = 0;
      boolean value = or();
      assertThat(pos).as("whole of %s", logic).isEqualTo(tokens.size());
      return value;
    }

    private String peek() {
      return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private boolean or() {
      boolean value = and();
      while (peek().equals("or")) {
        pos++;
        value |= and();
      }
      return value;
    }

    private boolean and() {
      boolean value = primary();
      while (peek().equals("and")) {
        pos++;
        value &= primary();
      }
      return value;
    }

    private boolean primary() {
      if (peek().equals("(")) {
        pos++;
        boolean value = or();
        pos++;
        return value;
      }
      String left = sum();
      String op = tokens.get(pos++);
      String right = sum();
      switch (op) {
        case "=":
          return same(left, right);
        case "<>":
          return !same(left, right);
        default:
          // An empty side makes an ordering comparison false.
          if (left.isEmpty() || right.isEmpty()) return false;
          int cmp =
              isNumber(left) && isNumber(right)
                  ? new BigDecimal(left).compareTo(new BigDecimal(right))
                  : left.compareTo(right);
          return op.equals("<")
              ? cmp < 0
              : op.equals("<=") ? cmp <= 0 : op.equals(">") ? cmp > 0 : cmp >= 0;
      }
    }

    private static boolean same(String a, String b) {
      return isNumber(a) && isNumber(b)
          ? new BigDecimal(a).compareTo(new BigDecimal(b)) == 0
          : a.equals(b);
    }

    private static boolean isNumber(String s) {
      return s.matches("-?\\d+(\\.\\d+)?");
    }

    /** A value: arithmetic over operands is empty when any operand is. */
    private String sum() {
      String value = operand();
      while (peek().equals("+") || peek().equals("-")) {
        String op = tokens.get(pos++);
        String right = operand();
        value =
            value.isEmpty() || right.isEmpty()
                ? ""
                : (op.equals("+")
                        ? new BigDecimal(value).add(new BigDecimal(right))
                        : new BigDecimal(value).subtract(new BigDecimal(right)))
                    .toPlainString();
      }
      return value;
    }

    private String operand() {
      String t = tokens.get(pos++);
      if (t.startsWith("[")) return field(t.substring(1, t.length() - 1));
      if (t.startsWith("'") || t.startsWith("\"")) return t.substring(1, t.length() - 1);
      if (t.equals("datediff")) {
        pos++;
        String from = operand();
        pos++;
        String to = operand();
        pos += 5;
        if (from.isEmpty() || to.isEmpty()) return "";
        return Long.toString(ChronoUnit.DAYS.between(date(from), date(to)));
      }
      return t;
    }

    private static LocalDate date(String text) {
      return text.equals("today") ? TODAY : LocalDate.parse(text);
    }

    /** A field's raw value: '' when empty; 1/0 for yes/no; a checkbox option is '1' or '0'. */
    private String field(String ref) {
      Matcher option = Pattern.compile("([a-z0-9_]+)\\(([a-z0-9]+)\\)").matcher(ref);
      if (option.matches()) {
        Object codes = record.get(option.group(1));
        return codes instanceof List<?> list && list.contains(option.group(2)) ? "1" : "0";
      }
      Object value = record.get(ref);
      if (value == null) return "";
      if (value instanceof Boolean b) return b ? "1" : "0";
      if (value instanceof BigDecimal n) return n.toPlainString();
      return value.toString();
    }
  }
}
