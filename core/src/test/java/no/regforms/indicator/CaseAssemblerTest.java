package no.regforms.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import no.regforms.diagnostic.Issue;
import no.regforms.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining records into patients: in memory, spilled to disk, and streamed. */
class CaseAssemblerTest {

  private static List<Record> records() {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      records.add(
          new Record(
              "qi",
              i % 3 == 0 ? "case" : "visit",
              "",
              "r" + i,
              i % 10 == 9 ? "" : "p" + (i % 7),
              "",
              Fixtures.record("qi", "case", "", "", "", "met", i % 2 == 0).values(),
              i + 1));
    }
    Collections.shuffle(records, new Random(5));
    return records;
  }

  @Test
  void assemble_unsortedBeyondMemory_spillsSortedRunsAndRejoinsEveryPatient(@TempDir Path spill)
      throws Exception {
    List<Issue> issues = new ArrayList<>();
    CaseAssembler assembler = new CaseAssembler(false, 4, Optional.of(spill), issues);
    List<List<Record>> patients = new ArrayList<>();

    assembler.assemble(records().iterator(), patients::add);

    assertThat(assembler.spilledRuns()).isEqualTo(8);
    assertThat(patients.stream().mapToInt(List::size).sum()).isEqualTo(30);
    // 7 keyed patients, plus the 3 records without a key, each on its own.
    assertThat(patients).hasSize(10);
    assertThat(patients)
        .allSatisfy(group -> assertThat(group.stream().map(Record::patient).distinct()).hasSize(1));
    try (var left = Files.list(spill)) {
      assertThat(left).isEmpty();
    }
    assertThat(issues).isEmpty();
  }

  @Test
  void assemble_sortedInput_streamsOneGroupPerPatient() {
    List<Record> sorted = new ArrayList<>(records());
    sorted.sort(java.util.Comparator.comparing(Record::patient).thenComparingLong(Record::line));
    List<Issue> issues = new ArrayList<>();
    CaseAssembler assembler = new CaseAssembler(true, 1, Optional.empty(), issues);
    List<List<Record>> patients = new ArrayList<>();

    assembler.assemble(sorted.iterator(), patients::add);

    assertThat(assembler.spilledRuns()).isZero();
    assertThat(patients).hasSize(10);
    assertThat(issues).isEmpty();
  }
}
