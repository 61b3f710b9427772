package no.regforms.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Types that hold patient data print none of it: no values, no identifiers. */
class RecordPrivacyTest {

  private static final String SECRET = "ZZ_SECRET_93";

  private final Record record =
      RecordParser.parse(
              "{\"registry\":\"test\",\"form\":\"visit\",\"version\":\"2025.1\","
                  + "\"id\":\"ZZ_SECRET_93_id\",\"patient\":\"ZZ_SECRET_93_patient\",\"unit\":\"ZZ_SECRET_93_unit\","
                  + "\"values\":{\"comment\":\"ZZ_SECRET_93\",\"age\":93939393,\"sessions\":[{\"note\":\"ZZ_SECRET_93\"}]}}",
              3)
          .record()
          .orElseThrow();

  @Test
  void recordToString_printsNoValuesOrIds() {
    assertThat(record.toString())
        .doesNotContain(SECRET)
        .doesNotContain("93939393")
        .contains("visit")
        .contains("3");
  }

  @Test
  void recordValuesToString_printsKeysOnly() {
    assertThat(record.values().toString())
        .doesNotContain(SECRET)
        .doesNotContain("93939393")
        .contains("comment", "age");
  }

  @Test
  void recordValuesOf_javaObjects_printsKeysOnly() {
    RecordValues values = RecordValues.of(Map.of("x", SECRET, "y", List.of(SECRET)));

    assertThat(values.toString()).doesNotContain(SECRET);
  }

  @Test
  void recordLineToString_printsNoValuesOrIds() {
    RecordLine line =
        RecordParser.parse(
            "{\"form\":\"visit\",\"id\":\"ZZ_SECRET_93\",\"values\":{\"a\":\"ZZ_SECRET_93\"}}", 1);

    assertThat(line.toString()).doesNotContain(SECRET);
  }
}
