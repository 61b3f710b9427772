package no.regforms.presentation;

import static org.assertj.core.api.Assertions.assertThat;

import no.regforms.diagnostic.LocalizedText;
import org.junit.jupiter.api.Test;

/** The three catalogues: the same keys, patterns that parse, plurals, numbers without grouping. */
class MessageCatalogueTest {

  @Test
  void catalogues_nbNnEn_haveTheSameKeys() {
    assertThat(MessageCatalogue.of("nn").keys())
        .containsExactlyInAnyOrderElementsOf(MessageCatalogue.of("nb").keys());
    assertThat(MessageCatalogue.of("en").keys())
        .containsExactlyInAnyOrderElementsOf(MessageCatalogue.of("nb").keys());
  }

  @Test
  void catalogues_everyPattern_formats() {
    for (String language : MessageCatalogue.LANGUAGES) {
      MessageCatalogue catalogue = MessageCatalogue.of(language);
      for (String key : catalogue.keys()) {
        assertThat(catalogue.text(key, 2, 3, 4))
            .as(language + " " + key)
            .isNotBlank()
            .doesNotContain("{");
      }
    }
  }

  @Test
  void text_countOfOneAndMany_choosesSingularOrPlural() {
    assertThat(MessageCatalogue.of("en").count("record.tooFewRows", 0))
        .isEqualTo("There must be at least 0 rows");
    assertThat(MessageCatalogue.of("en").count("record.tooFewRows", 1))
        .isEqualTo("There must be at least 1 row");
    assertThat(MessageCatalogue.of("en").count("record.tooFewRows", 2))
        .isEqualTo("There must be at least 2 rows");
    assertThat(MessageCatalogue.of("nn").count("record.tooManyDecimals", 2))
        .isEqualTo("Verdien kan ha høgst 2 desimalar");
  }

  @Test
  void text_largeNumber_isWrittenWithoutGrouping() {
    assertThat(MessageCatalogue.of("nb").count("record.tooLong", 10000))
        .isEqualTo("Teksten kan være høyst 10000 tegn");
    assertThat(MessageCatalogue.of("en").count("record.tooLong", 10000))
        .isEqualTo("The text may be at most 10000 characters");
  }

  @Test
  void text_apostrophe_isKept() {
    assertThat(MessageCatalogue.of("en").text("record.hiddenValue")).contains("form's logic");
  }

  @Test
  void localized_key_givesEveryLanguageAndNnIsNynorsk() {
    LocalizedText required = MessageCatalogue.localized("record.required");
    assertThat(required.texts()).containsOnlyKeys("nb", "nn", "en");
    assertThat(required.in("nn")).isEqualTo("Feltet må fyllast ut");
    assertThat(required.in("nb")).isEqualTo("Feltet må fylles ut");
  }

  @Test
  void of_languageWithoutCatalogue_fallsBackToBokmal() {
    assertThat(MessageCatalogue.of("de").language()).isEqualTo("nb");
  }
}
