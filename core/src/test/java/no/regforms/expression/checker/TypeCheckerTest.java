package no.regforms.expression.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.CompilationResult;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;
import org.junit.jupiter.api.Test;

class TypeCheckerTest {

  private static final TypeEnvironment ENV = environment();

  private static TypeEnvironment environment() {
    Map<String, ExprType> treatment = new LinkedHashMap<>();
    treatment.put("drug", ExprType.code("drugs", Set.of("rituximab", "ocrelizumab")));
    treatment.put("start_date", ExprType.DATE);
    treatment.put("dose", ExprType.NUMBER);
    treatment.put("doses", ExprType.rows(Map.of("amount", ExprType.NUMBER)));
    Map<String, ExprType> names = new LinkedHashMap<>();
    names.put("age", ExprType.NUMBER);
    names.put(
        "madrs_1",
        ExprType.code(
            "madrs_item",
            Set.of("0", "3", "6"),
            Map.of(
                "0",
                java.math.BigDecimal.ZERO,
                "3",
                java.math.BigDecimal.valueOf(3),
                "6",
                java.math.BigDecimal.valueOf(6))));
    names.put("sex", ExprType.code("sex", Set.of("m", "f")));
    names.put("weight", ExprType.NUMBER);
    names.put("comment", ExprType.TEXT);
    names.put("smoker", ExprType.BOOLEAN);
    names.put("onset", ExprType.DATE);
    names.put("diagnosis_month", ExprType.YEARMONTH);
    names.put("admitted", ExprType.DATETIME);
    names.put(
        "indication", ExprType.code("ect_indication", Set.of("depression", "mania", "catatonia")));
    names.put("symptoms", ExprType.codes("symptoms", Set.of("fever", "rash")));
    names.put("treatments", ExprType.rows(treatment));
    return TypeEnvironment.of(names);
  }

  private static CompilationResult compile(String text) {
    return ExpressionCompiler.create().compile(text, ENV);
  }

  private static ExprType typeOf(String text) {
    CompilationResult result = compile(text);
    assertThat(result.diagnostics().issues()).as(text).isEmpty();
    return result.expressionOrThrow().type();
  }

  private static List<Issue> errors(String text) {
    CompilationResult result = compile(text);
    assertThat(result.expression()).as(text).isEmpty();
    return result.diagnostics().errors();
  }

  private static List<IssueCode> codes(String text) {
    return errors(text).stream().map(Issue::code).toList();
  }

  private static int column(Issue issue) {
    return ((SourceLocation) issue.location()).column();
  }

  private static SourceLocation.Excerpt excerpt(Issue issue) {
    return ((SourceLocation) issue.location()).excerpt().orElseThrow();
  }

  @Test
  void check_wellTypedExpressions_haveTheirTypes() {
    assertThat(typeOf("age + weight * 2")).isEqualTo(ExprType.NUMBER);
    assertThat(typeOf("age >= 18 and not smoker")).isEqualTo(ExprType.BOOLEAN);
    assertThat(typeOf("onset < date('2024-01-01')")).isEqualTo(ExprType.BOOLEAN);
    assertThat(typeOf("add_months(diagnosis_month, 3)")).isEqualTo(ExprType.YEARMONTH);
    assertThat(typeOf("if(smoker, 'yes', comment)")).isEqualTo(ExprType.TEXT);
    assertThat(typeOf("min(treatments, t, t.start_date)")).isEqualTo(ExprType.DATE);
    assertThat(typeOf("sum(treatments, t, sum(t.doses, d, d.amount))")).isEqualTo(ExprType.NUMBER);
    assertThat(typeOf("count(symptoms)")).isEqualTo(ExprType.NUMBER);
  }

  @Test
  void check_unknownVariables_reportsEachWithHint() {
    List<Issue> issues = errors("agee > 1 and wieght < 3");
    assertThat(issues)
        .extracting(Issue::code)
        .containsExactly(IssueCode.UNKNOWN_VARIABLE, IssueCode.UNKNOWN_VARIABLE);
    assertThat(issues).extracting(TypeCheckerTest::column).containsExactly(1, 14);
    assertThat(issues)
        .extracting(i -> i.hint().orElse(""))
        .containsExactly("did you mean 'age'?", "did you mean 'weight'?");
  }

  @Test
  void check_unknownFunction_pointsAtNameWithHint() {
    List<Issue> issues = errors("1 + rond(age)");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.UNKNOWN_FUNCTION);
    assertThat(excerpt(issues.get(0))).isEqualTo(new SourceLocation.Excerpt("1 + rond(age)", 4, 8));
    assertThat(issues.get(0).hint()).contains("did you mean 'round'?");
  }

  @Test
  void check_dateComparedWithNumber_reportsTypeMismatchOnComparison() {
    List<Issue> issues = errors("age = 1 or onset > 3");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(excerpt(issues.get(0)).start()).isEqualTo(11);
    assertThat(excerpt(issues.get(0)).end()).isEqualTo(20);
  }

  @Test
  void check_arithmeticOnText_pointsAtOperand() {
    List<Issue> issues = errors("age + comment");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(column(issues.get(0))).isEqualTo(7);
  }

  @Test
  void check_logicOnNumber_isTypeMismatch() {
    assertThat(codes("age and smoker")).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(codes("not age")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_orderingOnBooleans_isTypeMismatch() {
    assertThat(codes("smoker < true")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_codeLiteral_isCheckedAgainstCodeList() {
    assertThat(typeOf("indication = 'mania'")).isEqualTo(ExprType.BOOLEAN);
    List<Issue> issues = errors("indication = 'manic'");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.UNKNOWN_CODE);
    assertThat(excerpt(issues.get(0)))
        .isEqualTo(new SourceLocation.Excerpt("indication = 'manic'", 13, 20));
    assertThat(issues.get(0).hint()).contains("did you mean 'mania'?");
  }

  @Test
  void check_codeLiteralOnLeft_isChecked() {
    assertThat(codes("'nonsense' != indication")).containsExactly(IssueCode.UNKNOWN_CODE);
  }

  @Test
  void check_codeLiteralsInList_reportsEachUnknown() {
    List<Issue> issues = errors("indication in ('mania', 'x', 'y')");
    assertThat(issues)
        .extracting(Issue::code)
        .containsExactly(IssueCode.UNKNOWN_CODE, IssueCode.UNKNOWN_CODE);
    assertThat(issues).extracting(TypeCheckerTest::column).containsExactly(25, 30);
    assertThat(issues.get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("'catatonia'"));
  }

  @Test
  void check_containsOnCodes_checksCode() {
    assertThat(typeOf("contains(symptoms, 'rash')")).isEqualTo(ExprType.BOOLEAN);
    assertThat(codes("contains(symptoms, 'rush')")).containsExactly(IssueCode.UNKNOWN_CODE);
  }

  @Test
  void check_memberCodeLiteral_isChecked() {
    assertThat(codes("any(treatments, t, t.drug = 'rituxi')"))
        .containsExactly(IssueCode.UNKNOWN_CODE);
  }

  @Test
  void check_codesComparedWithEquals_isTypeMismatchWithAdvice() {
    List<Issue> issues = errors("symptoms = 'rash'");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(issues.get(0).text()).contains("contains(");
  }

  @Test
  void check_codeListWithoutCodes_acceptsAnyLiteral() {
    TypeEnvironment env = TypeEnvironment.empty().with("c", ExprType.code("open", Set.of()));
    assertThat(ExpressionCompiler.create().compile("c = 'anything'", env).hasErrors()).isFalse();
  }

  @Test
  void check_wrongArgumentCount_pointsAtCall() {
    List<Issue> issues = errors("age > 1 and year(onset, onset) > 2000");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.WRONG_ARGUMENT_COUNT);
    assertThat(column(issues.get(0))).isEqualTo(13);
    assertThat(codes("round()")).containsExactly(IssueCode.WRONG_ARGUMENT_COUNT);
    assertThat(codes("min(age)")).containsExactly(IssueCode.WRONG_ARGUMENT_COUNT);
    assertThat(codes("sum(treatments, t)")).containsExactly(IssueCode.WRONG_ARGUMENT_COUNT);
  }

  @Test
  void check_wrongArgumentType_pointsAtArgument() {
    List<Issue> issues = errors("year(age)");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(column(issues.get(0))).isEqualTo(6);
    assertThat(codes("days_between(diagnosis_month, onset)"))
        .containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(codes("length(age)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_ifBranchesOfDifferentTypes_isTypeMismatch() {
    assertThat(codes("if(smoker, 1, 'one')")).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(codes("if(age, 1, 2)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_unknownMember_pointsAtMemberWithHint() {
    List<Issue> issues = errors("any(treatments, t, t.drugg = 'rituximab')");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.UNKNOWN_VARIABLE);
    assertThat(excerpt(issues.get(0)).start()).isEqualTo(21);
    assertThat(excerpt(issues.get(0)).end()).isEqualTo(26);
    assertThat(issues.get(0).hint()).contains("did you mean 'drug'?");
  }

  @Test
  void check_boundNameOutsideItsFunction_isUnknown() {
    assertThat(codes("any(treatments, t, t.dose > 1) and t.dose > 2"))
        .containsExactly(IssueCode.UNKNOWN_VARIABLE);
  }

  @Test
  void check_memberOfUnboundName_isTypeMismatch() {
    assertThat(codes("age.x = 1")).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(codes("treatments.drug = 'x'")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_boundRowUsedBare_isTypeMismatch() {
    assertThat(codes("any(treatments, t, filled(t))")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_collectionSecondArgumentNotName_isTypeMismatch() {
    assertThat(codes("any(treatments, 1, true)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_collectionOverNonRows_isTypeMismatch() {
    assertThat(codes("any(age, t, true)")).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(codes("count(age)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_collectionConditionNotBoolean_isTypeMismatch() {
    assertThat(codes("all(treatments, t, t.dose)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_matchesWithNonLiteralPattern_isTypeMismatch() {
    assertThat(codes("matches(comment, comment)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_matchesWithInvalidPattern_pointsAtLiteral() {
    List<Issue> issues = errors("matches(comment, '(ab')");
    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.INVALID_LITERAL);
    assertThat(column(issues.get(0))).isEqualTo(18);
  }

  @Test
  void check_answeredOnExpression_isTypeMismatch() {
    assertThat(typeOf("answered(age)")).isEqualTo(ExprType.BOOLEAN);
    assertThat(codes("answered(age + 1)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_dateWithNonLiteral_isTypeMismatch() {
    assertThat(typeOf("date(2024, 1, 31)")).isEqualTo(ExprType.DATE);
    assertThat(codes("date(comment)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }

  @Test
  void check_severalIndependentErrors_reportsAll() {
    assertThat(codes("agee + 1 > 2 and fooo(1) and indication = 'x'"))
        .containsExactlyInAnyOrder(
            IssueCode.UNKNOWN_VARIABLE, IssueCode.UNKNOWN_FUNCTION, IssueCode.UNKNOWN_CODE);
  }

  @Test
  void check_references_areFreeNamesOnly() {
    CompilationResult result =
        compile("any(treatments, t, t.dose > age) and answered(weight) and round(1) = 1");
    assertThat(result.expressionOrThrow().references())
        .containsExactlyInAnyOrder("treatments", "age", "weight");
  }

  @Test
  void check_nestedCollections_seeOuterBinding() {
    assertThat(typeOf("any(treatments, t, any(t.doses, d, d.amount > t.dose))"))
        .isEqualTo(ExprType.BOOLEAN);
  }

  @Test
  void check_scoreOfScoredCode_isNumber() {
    assertThat(typeOf("score(madrs_1) + 1")).isEqualTo(ExprType.NUMBER);
  }

  @Test
  void check_scoreOfUnscoredCodeList_reportsTypeMismatchOnArgument() {
    List<Issue> issues = errors("score(sex) > 0");

    assertThat(issues).extracting(Issue::code).containsExactly(IssueCode.TYPE_MISMATCH);
    assertThat(issues.get(0).text()).contains("code list 'sex' gives its codes no score");
    assertThat(issues.get(0).location()).extracting("column").isEqualTo(7);
  }

  @Test
  void check_scoreOfNumber_reportsTypeMismatch() {
    assertThat(codes("score(age)")).containsExactly(IssueCode.TYPE_MISMATCH);
  }
}
