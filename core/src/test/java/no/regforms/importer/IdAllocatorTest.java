package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import no.regforms.definition.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdAllocatorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "REGISTRATION_PREVIOUS_WEIGHT       | registration_previous_weight",
        "DataClDtS                          | data_cl_dt_s",
        "CSensLvlAreaR                      | c_sens_lvl_area_r",
        "OutOfHosptlDy2                     | out_of_hosptl_dy2",
        "Reinnleggelse/oppfølging           | reinnleggelse_oppfolging",
        "Aktivitet og deltakelse – tilfr    | aktivitet_og_deltakelse_tilfr",
        "Blærefunksjon på sykehus           | blaerefunksjon_pa_sykehus",
        "Café résumé                        | cafe_resume",
        "Åse                                | ase",
        "Ørret Æbleskive                    | orret_aebleskive",
        "1st visit                          | v_1st_visit",
        "__x__                              | x",
      })
  void snakeCase_codebookNames_becomeIds(String name, String id) {
    assertThat(Ids.snakeCase(name)).isEqualTo(id).matches("[a-z][a-z0-9_]{0,63}");
  }

  @Test
  void snakeCase_withoutCamelCaseSplit_keepsWordsWhole() {
    assertThat(Ids.snakeCase("NoRGast_klokeboken_2020-04-28", false))
        .isEqualTo("norgast_klokeboken_2020_04_28");
  }

  @Test
  void allocate_sameNameTwice_numbersTheSecond() {
    IdAllocator ids = new IdAllocator("item");

    assertThat(ids.allocate("Consent")).isEqualTo("consent");
    assertThat(ids.allocate("consent")).isEqualTo("consent_2");
    assertThat(ids.allocate("CONSENT")).isEqualTo("consent_3");
  }

  @Test
  void allocate_keywordOrNoLetters_getsAnUsableId() {
    IdAllocator ids = new IdAllocator("item");

    assertThat(ids.allocate("and")).isEqualTo("and_field");
    assertThat(ids.allocate("???")).isEqualTo("item");
    assertThat(ids.allocate("")).isEqualTo("item_2");
  }

  @Test
  void allocate_longNames_stayWithin64CharactersWhenNumbered() {
    IdAllocator ids = new IdAllocator("item");
    String name = "a".repeat(80);

    assertThat(ids.allocate(name)).hasSize(64);
    assertThat(ids.allocate(name)).hasSize(64).endsWith("_2");
  }
}
