package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import no.regforms.definition.VariableType;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;
import no.regforms.importer.RedcapLogic.Field;
import no.regforms.importer.RedcapLogic.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedcapLogicTest {

  private static final Map<String, Field> FIELDS =
      Map.of(
          "sex", new Field("sex", VariableType.CODE, Set.of("0", "1")),
          "given_birth", new Field("given_birth", VariableType.BOOLEAN, Set.of()),
          "age", new Field("age", VariableType.INTEGER, Set.of()),
          "height", new Field("height", VariableType.DECIMAL, Set.of()),
          "weight", new Field("weight", VariableType.INTEGER, Set.of()),
          "meds", new Field("meds", VariableType.CODES, Set.of("1", "2", "3")),
          "dob", new Field("dob", VariableType.DATE, Set.of()),
          "visit", new Field("visit", VariableType.DATE, Set.of()),
          "name", new Field("name", VariableType.TEXT, Set.of()),
          "ecog", new Field("ecog", VariableType.CODE, Set.of("0", "1", "2", "3", "4")));
  private static final Map<String, String> ELSEWHERE = Map.of("outcome", "followup");

  /** The same fields as the compiler sees them, so each translation is checked to compile. */
  private static final TypeEnvironment ENVIRONMENT =
      TypeEnvironment.of(
          Map.of(
              "sex", ExprType.code("sex", Set.of("0", "1")),
              "given_birth", ExprType.BOOLEAN,
              "age", ExprType.NUMBER,
              "height", ExprType.NUMBER,
              "weight", ExprType.NUMBER,
              "meds", ExprType.codes("meds", Set.of("1", "2", "3")),
              "dob", ExprType.DATE,
              "visit", ExprType.DATE,
              "name", ExprType.TEXT,
              "ecog", ExprType.code("ecog", Set.of("0", "1", "2", "3", "4"))));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[sex] = '0'                                  | sex = '0'",
        "[sex] = \"0\" and [given_birth] = \"1\"      | sex = '0' and given_birth = true",
        "[given_birth] = '0'                          | given_birth = false",
        "[sex] <> '1'                                 | empty(sex) or sex != '1'",
        "[sex] != '1'                                 | empty(sex) or sex != '1'",
        "[age] > 3                                    | age > 3",
        "[age] >= '18' AND [age] < 65                 | age >= 18 and age < 65",
        "18 <= [age]                                  | age >= 18",
        "[age] = -1                                   | age = -1",
        "[meds(2)] = '1'                              | contains(meds, '2')",
        "[meds(2)] = '0'                              | empty(meds) or not contains(meds, '2')",
        "[meds(3)] <> '1'                             | empty(meds) or not contains(meds, '3')",
        "[name] = ''                                  | empty(name)",
        "[name] <> ''                                 | filled(name)",
        "[dob] < '2000-01-01'                         | dob < date('2000-01-01')",
        "[dob] < [visit]                              | dob < visit",
        "([sex] = '0' or [age] > 40) and [meds(1)] = '1' | (sex = '0' or age > 40) and contains(meds, '1')",
        "[sex] = '1' or ([age] > 3 and ([name] <> '')) | sex = '1' or age > 3 and filled(name)",
        "[ecog] >= 3                                  | ecog in ('3', '4')",
        "[name] = \"O'Neil\"                           | name = 'O\\'Neil'",
        "[sex] <> '' and [sex] <> '1'                 | sex != '1'",
        "[age] <> '' and [weight] <> '' and [age] <> [weight] | age != weight",
        "[age] <> '' and [age] = [weight]             | age = weight",
        "[sex] <> '' and [sex] <> '0' and [sex] <> '1' | sex != '0' and sex != '1'",
        "[name] <> '' and [age] > 3                   | filled(name) and age > 3",
        "[age] + 1 > 3                                | age + 1 > 3",
        "datediff([dob], [visit], \"d\", true) > 30    | days_between(dob, visit) > 30",
        "datediff([dob], 'today', 'd') >= 7           | abs(days_between(dob, today())) >= 7",
        "[dob] <> '' and datediff([dob], 'today', 'd', true) <> 2 | days_between(dob, today()) != 2",
      })
  void condition_supportedLogic_translatesAndCompiles(String logic, String expected) {
    Translation translation = RedcapLogic.condition(logic, FIELDS, ELSEWHERE);

    assertThat(translation).isEqualTo(new Translation.Translated(expected));
    assertThat(ExpressionCompiler.create().compile(expected, ENVIRONMENT).hasErrors()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[visit_2_arm_1][sex] = '1'        | names an event or a repeat instance",
        "[sex][2] = '1'                    | names an event or a repeat instance",
        "datediff([dob], 'today', 'y') > 18 | datediff",
        "[outcome] = '1'                   | a field of the form 'followup'",
        "[nothere] = '1'                   | not a field of this data dictionary",
        "[sex] = '7'                       | '7' is not one of the choices of [sex]",
        "[meds] = '1'                      | tests its options one at a time",
        "[meds(9)] = '1'                   | '9' is not one of the options",
        "[meds(1)] = '2'                   | '1' (checked) or '0' (not checked)",
        "[given_birth] = 'yes'             | stored as 1 or 0",
        "[age] > 'old'                     | is a number; 'old' is not",
        "[dob] > '01.02.2000'              | not a date yyyy-mm-dd",
        "[name] > 'a'                      | text field compared with '>'",
        "[user-name] = 'x'                 | smart variable",
        "[sex] = '0' and                   | expected a field",
        "([sex] = '0'                      | never closed",
        "[sex] = '0' # comment             | the character '#'",
        "[sex] = '0 and [age] > 3          | never closed",
        "[age] = [name]                    | not both numbers",
        "not [sex] = '0'                   | 'not' has no exact translation",
        "[ecog] > 9                        | holds for none of its choices",
        "[name] = 'O''Neil'                | unexpected 'Neil'",
      })
  void condition_unsupportedLogic_isRefusedWithReason(String logic, String reason) {
    Translation translation = RedcapLogic.condition(logic, FIELDS, ELSEWHERE);

    assertThat(translation)
        .isInstanceOfSatisfying(
            Translation.Refused.class, refused -> assertThat(refused.reason()).contains(reason));
  }

  @Test
  void condition_fieldEqualsField_keepsRedcapsEmptyEqualsEmpty() {
    Translation translation = RedcapLogic.condition("[age] = [weight]", FIELDS, ELSEWHERE);

    assertThat(translation)
        .isEqualTo(new Translation.Translated("empty(age) and empty(weight) or age = weight"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "round(([weight]*10000)/(([height])^(2)),1) | round(weight * 10000 / (height * height), 1)",
        "[weight] / 2 + abs([height] - 170)         | weight / 2 + abs(height - 170)",
        "-[age] * 1.50                              | -age * 1.50",
        "[height]^3                                 | height * height * height",
        "(([weight]) - (1)) * ((([age] + 1)))         | (weight - 1) * (age + 1)",
        "([weight] + 1) * ([age] - 1)                 | (weight + 1) * (age - 1)",
      })
  void calculation_arithmetic_translatesAndCompiles(String formula, String expected) {
    Translation translation = RedcapLogic.calculation(formula, FIELDS, ELSEWHERE);

    assertThat(translation).isEqualTo(new Translation.Translated(expected));
    assertThat(ExpressionCompiler.create().compile(expected, ENVIRONMENT).hasErrors()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "sum([age], [weight])          | the function sum() has no translation",
        "[height] ^ 0.5                | only whole powers",
        "[sex] * 2                     | only number fields take part",
        "rounddown([age])              | rounddown() has no translation",
        "if([age] > 3, 1, 0)           | if() has no translation",
      })
  void calculation_unsupportedFormula_isRefusedWithReason(String formula, String reason) {
    Translation translation = RedcapLogic.calculation(formula, FIELDS, ELSEWHERE);

    assertThat(translation)
        .isInstanceOfSatisfying(
            Translation.Refused.class, refused -> assertThat(refused.reason()).contains(reason));
  }
}
