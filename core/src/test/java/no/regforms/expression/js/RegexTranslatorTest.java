package no.regforms.expression.js;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which RE2 patterns get a JavaScript twin, and what it is. */
class RegexTranslatorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[A-Z]{2}-[0-9]{4}|[A-Z]{2}-[0-9]{4}",
      "a.c|a[^\\n]c",
      "\\s+|[\\t\\n\\f\\r ]+",
      "[\\s,]|[\\t\\n\\f\\r ,]",
      "\\S|[^\\t\\n\\f\\r ]",
      "\\-\\#|-#",
      "(?:ab)+|(?:ab)+",
      "[A-Za-z0-9-]{4,36}|[A-Za-z0-9-]{4,36}",
      "x{|x\\{",
      "a/b|a\\/b",
      "[A-Z][0-9]{2}(\\.[0-9]{1,2})?|[A-Z][0-9]{2}(\\.[0-9]{1,2})?"})
  void regex_sharedSubset_translates(String re2, String javascript) {
    assertThat(JavaScriptEmitter.regex(re2)).contains(javascript);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(?i)abc", "\\pL+", "[[:alpha:]]", "(?P<x>a)", "\\Qa.b\\E", "\\Aabc\\z", "\\x{41}", "[\\S]"})
  void regex_outsideSharedSubset_hasNoTranslation(String re2) {
    assertThat(JavaScriptEmitter.regex(re2)).isEmpty();
  }
}
