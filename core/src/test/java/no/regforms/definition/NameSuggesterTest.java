package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.regforms.diagnostic.NameSuggester;
import org.junit.jupiter.api.Test;

/**
 * The "did you mean" hints of definition issues ({@link NameSuggester} lives in {@code diagnostic};
 * it is tested here, beside the loader that is its main user).
 */
class NameSuggesterTest {

  private static final List<String> VARIABLE_KEYS =
      List.of(
          "variable",
          "type",
          "label",
          "visibleIf",
          "requiredIf",
          "compute",
          "codeList",
          "range",
          "plausibleRange",
          "step",
          "decimals",
          "maxLength",
          "missing");

  @Test
  void closest_transposedLetters_countAsOneEdit() {
    assertThat(NameSuggester.distance("visibelIf", "visibleIf")).isEqualTo(1);
    assertThat(NameSuggester.closest("visibelIf", VARIABLE_KEYS)).contains("visibleIf");
  }

  @Test
  void closest_missingOrExtraLetter_isFound() {
    assertThat(NameSuggester.closest("codelist", VARIABLE_KEYS))
        .as("case is ignored")
        .contains("codeList");
    assertThat(NameSuggester.closest("plausibleRang", VARIABLE_KEYS)).contains("plausibleRange");
    assertThat(NameSuggester.closest("decimalss", VARIABLE_KEYS)).contains("decimals");
    assertThat(NameSuggester.closest("yes_noo", List.of("yes_no", "ms_drug"))).contains("yes_no");
  }

  @Test
  void closest_nothingClose_isEmpty() {
    assertThat(NameSuggester.closest("colour", VARIABLE_KEYS)).isEmpty();
    assertThat(NameSuggester.closest("anything", List.of())).isEmpty();
  }

  @Test
  void closest_shortNames_neverSuggestAFullRewrite() {
    assertThat(NameSuggester.closest("3", List.of("1", "2"))).isEmpty();
    assertThat(NameSuggester.closest("ab", List.of("cd", "xy"))).isEmpty();
    assertThat(NameSuggester.closest("hf", List.of("rhf", "unit"))).contains("rhf");
    assertThat(NameSuggester.closest("A", List.of("a", "b")))
        .as("same letter, other case")
        .contains("a");
  }

  @Test
  void closest_longNames_tolerateAThirdOfTheLength() {
    String name = "months_betwen_dates";
    assertThat(NameSuggester.closest(name, List.of("months_between_dates_x"))).isPresent();
    assertThat(NameSuggester.closest("abcdefghijkl", List.of("aXXXXXghijkl"))).isEmpty();
  }

  @Test
  void closest_tie_prefersTheFirstCandidate() {
    assertThat(NameSuggester.closest("cat", List.of("bat", "car"))).contains("bat");
  }

  @Test
  void hint_closeName_isPhrasedAsAQuestion() {
    assertThat(NameSuggester.hint("smokre", List.of("smoker", "age")))
        .contains("did you mean 'smoker'?");
    assertThat(NameSuggester.hint("xyz", List.of("smoker", "age"))).isEmpty();
  }

  @Test
  void distance_swappedArguments_isSymmetricAndZeroForEqualNames() {
    assertThat(NameSuggester.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NameSuggester.distance("sitting", "kitten")).isEqualTo(3);
    assertThat(NameSuggester.distance("same", "same")).isZero();
    assertThat(NameSuggester.distance("", "abc")).isEqualTo(3);
  }
}
