package no.regforms.indicator;

import static no.regforms.indicator.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;

/** SKDE's upload file and {@code ind} records, with the upload tool's checks. */
class SkdeExportTest {

  private static final Registry QI = Fixtures.testRegistry("qi");

  private static List<Record> cases() {
    List<Record> records = new ArrayList<>();
    // Units 100 and 101 share one hospital orgnr; 200 moved from Møre og Romsdal to Nord-Trøndelag
    // in 2023.
    String[][] spec = {{"100", "6", "4"}, {"101", "3", "1"}, {"200", "5", "5"}, {"999", "2", "1"}};
    int n = 0;
    for (String[] unit : spec) {
      for (int i = 0; i < Integer.parseInt(unit[1]); i++) {
        for (int year : new int[] {2022, 2024}) {
          records.add(
              record(
                  "qi",
                  "case",
                  "c" + n,
                  "p" + n++,
                  unit[0],
                  "hf",
                  "st_olav",
                  "event_date",
                  year + "-02-02",
                  "met",
                  i < Integer.parseInt(unit[2]),
                  "score",
                  10 + i));
        }
      }
    }
    return records;
  }

  private static IndicatorResults run(Set<String> ids) {
    return IndicatorCalculator.of(QI)
        .calculate(cases().iterator(), RunOptions.years(2022, 2024).withIndicators(ids));
  }

  @Test
  void upload_fractionByUnit_mapsReshToDatedOrgnrAndMergesUnitsOfOneHospital() throws Exception {
    SkdeExport.Upload upload = SkdeExport.of(QI).upload(run(Set.of("qi_ms_diagnosis", "qi_visit")));
    StringWriter out = new StringWriter();
    SkdeExport.writeUpload(upload.fractions(), out);

    assertThat(upload.diagnostics().issues()).isEmpty();
    assertThat(upload.others()).isEmpty();
    assertThat(out.toString()).startsWith("context;year;orgnr;ind_id;var;denominator\n");
    // qi_ms_diagnosis is by home HF: resident rows at HF level.
    assertThat(upload.fractions())
        .contains(
            new SkdeExport.UploadRow(
                "resident",
                2024,
                "883974832",
                "qi_ms_diagnosis",
                java.math.BigDecimal.valueOf(11),
                16));
    // qi_visit is by unit, over everyone registered by the report year (2022 and 2024 cases in
    // 2024): 100 and 101
    // merge into hospital 974749025; 200 has another orgnr before and after 2023; the unknown unit
    // 999 gets SKDE's
    // sentinel for an undefined hospital.
    assertThat(upload.fractions())
        .filteredOn(r -> r.indId().equals("qi_visit") && r.year() == 2024)
        .extracting(SkdeExport.UploadRow::orgnr, SkdeExport.UploadRow::denominator)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("974749025", 18L),
            org.assertj.core.groups.Tuple.tuple("974754118", 10L),
            org.assertj.core.groups.Tuple.tuple("444444444", 4L));
    assertThat(upload.fractions())
        .filteredOn(r -> r.indId().equals("qi_visit") && r.year() == 2022)
        .extracting(SkdeExport.UploadRow::orgnr)
        .contains("974745569");
    assertThat(upload.fractions())
        .allSatisfy(r -> assertThat(r.context()).isIn("resident", "caregiver"));
  }

  @Test
  void upload_meanAndMedian_goToTheirOwnFileWithAValuePerLevel() {
    SkdeExport.Upload upload =
        SkdeExport.of(QI).upload(run(Set.of("qi_score_mean", "qi_score_median")));

    assertThat(upload.fractions()).isEmpty();
    assertThat(upload.diagnostics().issues()).isEmpty();
    SkdeExport.UploadRow national =
        upload.others().stream()
            .filter(
                r ->
                    r.indId().equals("qi_score_median")
                        && r.year() == 2024
                        && r.orgnr().equals("1"))
            .findFirst()
            .orElseThrow();
    assertThat(national.denominator()).isEqualTo(16);
    assertThat(national.var()).isEqualByComparingTo("11.5");
    assertThat(national.var().scale()).isEqualTo(3);
  }

  @Test
  void upload_coverageAboveExpected_failsTheVarCheckAndNamesTheRow() throws Exception {
    Registry ms = Fixtures.registry("ms");
    List<Record> records = Fixtures.msInclusions(6, "forde", "2024-04-04");
    ExpectedCounts expected =
        ExpectedCounts.parse(
            "indicator;year;hf;expected\nms_coverage_new;2024;forde;4.4\n",
            "exp.csv",
            ms.organisations());
    IndicatorResults results =
        IndicatorCalculator.of(ms)
            .calculate(
                records.iterator(),
                RunOptions.years(2024)
                    .withIndicators(Set.of("ms_coverage_new"))
                    .withExpected(expected));

    SkdeExport.Upload upload = SkdeExport.of(ms).upload(results);

    assertThat(
            results
                .find("ms_coverage_new", 2024, GroupLevel.HF, "forde")
                .orElseThrow()
                .value()
                .orElseThrow())
        .isCloseTo(6 / 4.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(upload.diagnostics().errors())
        .extracting(Issue::code)
        .containsExactly(IssueCode.EXPORT_CHECK_FAILED);
    assertThat(upload.diagnostics().errors().get(0).message().in("en"))
        .contains("ms_coverage_new 2024 983974732")
        .contains("var is greater than denominator");
  }

  @Test
  void indRecords_realRegistries_carrySkdeFieldsWithinTheirLimits() throws Exception {
    for (String id : List.of("ms", "ect", "kvarus")) {
      SkdeExport.IndRecords ind = SkdeExport.of(Fixtures.registry(id)).indRecords();
      assertThat(ind.diagnostics().issues()).as(id).isEmpty();
      assertThat(ind.records())
          .as(id)
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(r.keySet()).containsExactlyElementsOf(SkdeExport.IND_COLUMNS);
                assertThat((String) r.get("type"))
                    .isIn("andel", "antall", "gjennomsnitt", "median", "dg_andel");
                assertThat(((String) r.get("short_description")).length())
                    .isLessThanOrEqualTo(1023);
              });
    }
    Map<String, Object> onset =
        SkdeExport.of(Fixtures.registry("ms")).indRecords().records().stream()
            .filter(r -> r.get("id").equals("ms_onset_to_diagnosis"))
            .findFirst()
            .orElseThrow();
    assertThat(onset)
        .containsEntry("level_direction", 1)
        .containsEntry("sformat", ",.0%")
        .containsEntry("min_denominator", 5)
        .containsEntry("type", "andel");
    assertThat((java.math.BigDecimal) onset.get("level_green")).isEqualByComparingTo("0.8");
    assertThat((java.math.BigDecimal) onset.get("level_yellow")).isEqualByComparingTo("0.6");
    StringWriter out = new StringWriter();
    SkdeExport.writeInd(SkdeExport.of(QI).indRecords(), out);
    assertThat(out.toString()).startsWith(String.join(";", SkdeExport.IND_COLUMNS) + "\n");
    assertThat(out.toString())
        .contains("qi_score_mean;;1;Gjennomsnittlig skår;Gjennomsnittlig skår;gjennomsnitt;,.1f;");
  }

  @Test
  void indRecords_dgId_theCoverageIndicatorEachIndicatorNamesAndNoneForCoverage() {
    Map<String, Object> dgIds = new java.util.LinkedHashMap<>();
    SkdeExport.of(Fixtures.registry("ms"))
        .indRecords()
        .records()
        .forEach(r -> dgIds.put((String) r.get("id"), r.get("dg_id")));

    assertThat(dgIds)
        .containsEntry("ms_onset_to_diagnosis", "ms_coverage_new")
        .containsEntry("ms_edss_in_year", "ms_coverage")
        .containsEntry("ms_coverage", null)
        .containsEntry("ms_coverage_new", null);
    assertThat(dgIds.entrySet())
        .filteredOn(e -> !e.getKey().startsWith("ms_coverage"))
        .allSatisfy(e -> assertThat(e.getValue()).isNotNull());
    // ECT's only coverage indicator is the default for the others; KVARUS has none.
    assertThat(SkdeExport.of(Fixtures.registry("ect")).indRecords().records())
        .allSatisfy(
            r ->
                assertThat(r.get("dg_id"))
                    .isEqualTo("ect_coverage".equals(r.get("id")) ? null : "ect_coverage"));
    assertThat(SkdeExport.of(Fixtures.registry("kvarus")).indRecords().records())
        .allSatisfy(r -> assertThat(r.get("dg_id")).isNull());
  }

  @Test
  void indRecords_dgId_defaultsToTheRegistrysOnlyCoverageIndicator() {
    Registry registry = Fixtures.testRegistry("coverage");

    List<Map<String, Object>> records = SkdeExport.of(registry).indRecords().records();

    assertThat(records)
        .extracting(r -> r.get("id"), r -> r.get("dg_id"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("visit_coverage", null),
            org.assertj.core.groups.Tuple.tuple("treated_share", "visit_coverage"));
  }
}
