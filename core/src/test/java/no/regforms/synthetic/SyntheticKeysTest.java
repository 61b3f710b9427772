package no.regforms.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.record.Record;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The profile keys {@code prefix}, {@code ordinal}, {@code from} a repeat member or a shared value,
 * {@code days} alone, {@code "<form>.<id>"}, {@code among}, weighted {@code codes} and {@code by} +
 * {@code cases} (also for a repeat group's {@code rows}), on a small registry whose rules fail
 * unless each key works.
 */
class SyntheticKeysTest {

  private static final Path FOLDER = Path.of("src/test/resources/synthetic/keys");
  private static final Registry REGISTRY = DefinitionLoader.create().load(FOLDER).registryOrThrow();
  private static List<Record> records;

  @BeforeAll
  static void generate() {
    SyntheticProfile profile = REGISTRY.syntheticProfile().orElseThrow();
    List<Record> out = new ArrayList<>();
    SyntheticDataGenerator.of(REGISTRY, profile).generate(40, 11L, 0, r -> out.add(r.record()));
    records = out;
  }

  @Test
  void generate_keysHoldRules_everyRecordValidates() {
    RecordValidator validator = RecordValidator.of(REGISTRY);

    assertThat(records).hasSize(160);
    assertThat(records)
        .allSatisfy(
            r -> assertThat(validator.validate(r).diagnostics().issues()).as(r.id()).isEmpty());
  }

  @Test
  void generate_prefixShared_ordinalCounts_formKeyChainsFromSharedDate() {
    for (int p = 0; p < records.size(); p += 4) {
      List<Record> patient = records.subList(p, p + 4);
      Object episode = patient.get(0).values().get("episode");
      assertThat((String) episode).matches("ep-[0-9a-z]{8}");
      assertThat(patient).allSatisfy(r -> assertThat(r.values().get("episode")).isEqualTo(episode));
      assertThat(patient.subList(1, 4))
          .extracting(r -> r.values().get("visit_no"))
          .containsExactly(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(3));
      LocalDate end = LocalDate.parse((String) patient.get(0).values().get("end_date"));
      assertThat(patient.subList(1, 4))
          .allSatisfy(
              r -> assertThat(r.values().get("start_date")).isEqualTo(end.plusDays(30).toString()));
    }
  }

  @Test
  void generate_endIsLastDose_dosesOneToThreeDaysApart() {
    for (Record course : records.stream().filter(r -> r.form().equals("course")).toList()) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> doses = (List<Map<String, Object>>) course.values().get("doses");
      List<LocalDate> dates =
          doses.stream().map(d -> LocalDate.parse((String) d.get("dose_date"))).toList();
      assertThat(course.values().get("end_date")).isEqualTo(dates.get(dates.size() - 1).toString());
      for (int i = 1; i < dates.size(); i++) {
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i)))
            .isBetween(2L, 4L);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void generate_weightedCodes_among_byCases() {
    for (Record course : records.stream().filter(r -> r.form().equals("course")).toList()) {
      assertThat((List<Object>) course.values().get("symptoms"))
          .as("only weighted codes are drawn")
          .containsExactlyInAnyOrder("pain", "fever");
      assertThat(course.values().get("grade"))
          .isEqualTo(Boolean.TRUE.equals(course.values().get("admitted")) ? "severe" : "mild");
      assertThat((List<Object>) course.values().asMap().getOrDefault("scans", List.of()))
          .as("a repeat group's rows by case")
          .hasSize(Boolean.TRUE.equals(course.values().get("admitted")) ? 2 : 0);
    }
  }
}
