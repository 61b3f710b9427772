package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/**
 * The exported date and date-time patterns, run by Everit, accept exactly the calendar dates and
 * times that exist ({@code java.time}, which the validator uses): no impossible month or day, 29
 * February only in leap years.
 */
class JsonSchemaDatePatternPropertyTest {

  private static final Schema DATE = schema(JsonSchemaExport.DATE);
  private static final Schema DATETIME = schema(JsonSchemaExport.DATETIME);
  private static final Schema YEARMONTH = schema(JsonSchemaExport.YEARMONTH);

  private static Schema schema(String pattern) {
    return SchemaLoader.builder()
        .draftV7Support()
        .schemaJson(new JSONObject().put("type", "string").put("pattern", pattern))
        .build()
        .load()
        .build();
  }

  private static boolean accepts(Schema schema, String value) {
    try {
      schema.validate(value);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  private static boolean exists(String text, java.util.function.Function<String, ?> parse) {
    try {
      return parse.apply(text) != null;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  @Property(tries = 3000)
  void date_anyDigits_acceptedExactlyWhenTheDateExists(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 19) int month,
      @ForAll @IntRange(min = 0, max = 39) int day) {
    String text = String.format("%04d-%02d-%02d", year, month, day);

    assertThat(accepts(DATE, text)).as(text).isEqualTo(exists(text, LocalDate::parse));
  }

  @Property(tries = 3000)
  void dateTime_anyDigits_acceptedExactlyWhenItExists(
      @ForAll @IntRange(min = 1896, max = 2104) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 25, max = 31) int day,
      @ForAll @IntRange(min = 0, max = 29) int hour,
      @ForAll @IntRange(min = 0, max = 69) int minute,
      @ForAll @IntRange(min = 0, max = 69) int second) {
    String text =
        String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);

    assertThat(accepts(DATETIME, text)).as(text).isEqualTo(exists(text, LocalDateTime::parse));
  }

  @Example
  void date_knownEdges_asTheCalendarHasThem() {
    assertThat(accepts(DATE, "2024-02-29")).isTrue();
    assertThat(accepts(DATE, "2000-02-29")).isTrue();
    assertThat(accepts(DATE, "1900-02-29")).isFalse();
    assertThat(accepts(DATE, "2023-02-29")).isFalse();
    assertThat(accepts(DATE, "2023-02-30")).isFalse();
    assertThat(accepts(DATE, "2012-13-45")).isFalse();
    assertThat(accepts(DATE, "2023-04-31")).isFalse();
    assertThat(accepts(DATE, "2023-12-31")).isTrue();
    assertThat(accepts(YEARMONTH, "2024-12")).isTrue();
    assertThat(accepts(YEARMONTH, "2024-13")).isFalse();
    assertThat(accepts(YEARMONTH, "2024-00")).isFalse();
  }
}
