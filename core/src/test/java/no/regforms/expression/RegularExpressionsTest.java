package no.regforms.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegularExpressionsTest {

  @Test
  void problem_registryPatterns_none() {
    assertThat(RegularExpressions.problem("[A-Z][0-9]{2}(\\.[0-9]{1,2})?")).isEmpty();
    assertThat(RegularExpressions.problem("[A-Za-z0-9-]{4,36}")).isEmpty();
    assertThat(RegularExpressions.problem("(?i)\\p{Greek}+\\x{263a}\\Q(a{1000}){1000}\\E.{0,1000}"))
        .isEmpty();
    assertThat(RegularExpressions.problem("(a{10}){100}")).isEmpty();
  }

  @Test
  void problem_nestedCountsOverRe2sLimit_refusedBeforeCompiling() {
    assertThat(RegularExpressions.problem("(a{1000}){1000}"))
        .hasValue("nested counted repetitions multiply to 1000000, more than RE2's limit of 1000");
    // RE2/J would build a thousand million instructions for this and never finish.
    assertThat(RegularExpressions.problem("((a{1000}){1000}){1000}")).isPresent();
    assertThat(RegularExpressions.problem("((?:[ab]{2,}){30}x){50}")).isPresent();
  }

  @Test
  void problem_expandsPastTheSizeLimit_refused() {
    assertThat(RegularExpressions.problem("(abcdefghijk{100}){10}")).isEmpty();
    assertThat(RegularExpressions.problem("[ab]{1000}[cd]{1000}".repeat(6)))
        .hasValue("the pattern expands to about 12000 characters and classes, more than 10000");
  }

  @Test
  void problem_caseInsensitiveWithLettersRe2jCannotFold_refusedBeforeCompiling() {
    // RE2/J loops forever folding U+1C80..U+1C88; the fuzzer found (?i)[a-\uFFFD].
    String refused = "case-insensitive matching cannot include the letters U+1C80 to U+1C88";
    assertThat(RegularExpressions.problem("(?i)[a-\uFFFD]+\\d{2,}")).hasValue(refused);
    assertThat(RegularExpressions.problem("(?i)\u1C80")).hasValue(refused);
    assertThat(RegularExpressions.problem("(?i)[\\x{1C00}-\\x{1CFF}]")).hasValue(refused);
    assertThat(RegularExpressions.problem("x(?is:\\x{1c84})")).hasValue(refused);
    assertThat(RegularExpressions.problem("[a-\uFFFD]+\u1C80")).isEmpty();
    assertThat(RegularExpressions.problem("(?i)[a-\u1C7F\u1C89-\uFFFD]")).isEmpty();
    assertThat(RegularExpressions.problem("(?-i)[a-\uFFFD]")).isEmpty();
  }

  @Test
  void problem_syntaxError_isRe2jsDescription() {
    assertThat(RegularExpressions.problem("(a+")).hasValue("missing closing )");
    assertThat(RegularExpressions.problem("a{1001}")).isPresent();
  }
}
