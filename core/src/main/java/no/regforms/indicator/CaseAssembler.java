package no.regforms.indicator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;
import no.regforms.record.RecordLimits;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordParser;

/**
 * Joins the records of each patient into one group. Sorted input streams through with one patient
 * in memory; other input is cut into sorted runs of at most {@code maxInMemory} records, spilled to
 * temporary files beyond the first, and merged, so memory stays bounded however large the input. A
 * record without a patient key is a group of its own. Used once per run; not thread-safe.
 */
final class CaseAssembler {

  private static final ObjectMapper JSON = new ObjectMapper();
  // Spill files hold records already read within the run's limits: read them back without limits.
  private static final RecordParser SPILL =
      RecordParser.of(
          new RecordLimits(
              RecordLimits.MAX_RECORD_BYTES,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE));
  private static final Comparator<Record> ORDER = CaseAssembler::order;

  private final boolean sorted;
  private final int maxInMemory;
  private final Optional<Path> spillDirectory;
  private final List<Issue> issues;
  private int spilledRuns;
  private boolean unsorted;

  CaseAssembler(
      boolean sorted, int maxInMemory, Optional<Path> spillDirectory, List<Issue> issues) {
    this.sorted = sorted;
    this.maxInMemory = maxInMemory;
    this.spillDirectory = spillDirectory;
    this.issues = issues;
  }

  /**
   * Whether input declared sorted turned out not to be; assembling stopped at the first such line.
   */
  boolean unsorted() {
    return unsorted;
  }

  /** The number of sorted runs written to disk in the last {@link #assemble}. */
  int spilledRuns() {
    return spilledRuns;
  }

  /**
   * Records without a patient key first (each stands alone, in the order of its line number read as
   * text), then by patient key, then by line.
   */
  private static int order(Record a, Record b) {
    boolean aAlone = a.patient().isEmpty();
    boolean bAlone = b.patient().isEmpty();
    if (aAlone != bAlone) return aAlone ? -1 : 1;
    int byKey =
        aAlone
            ? Long.toString(a.line()).compareTo(Long.toString(b.line()))
            : a.patient().compareTo(b.patient());
    return byKey != 0 ? byKey : Long.compare(a.line(), b.line());
  }

  void assemble(Iterator<Record> records, Consumer<List<Record>> patient) {
    if (sorted) {
      stream(records, patient, true);
    } else {
      sortThenStream(records, patient);
    }
  }

  private void stream(Iterator<Record> records, Consumer<List<Record>> patient, boolean check) {
    List<Record> group = new ArrayList<>();
    String lastPatient = null;
    long lastLine = 0;
    while (records.hasNext()) {
      Record record = records.next();
      if (record.patient().isEmpty()) {
        // A record without a patient key is a patient of its own, wherever it stands.
        patient.accept(List.of(record));
        continue;
      }
      if (check && lastPatient != null && record.patient().compareTo(lastPatient) < 0) {
        // Figures from the rest would be wrong (a patient split in two): stop here.
        unsorted = true;
        issues.add(
            Issue.error(
                    IssueCode.UNSORTED_INPUT,
                    "the input was declared sorted by patient, but the patient key on line "
                        + record.line()
                        + " comes before the one on line "
                        + lastLine,
                    new RecordPath("", record.line()))
                .withHint(
                    "sort the file by patient, or leave out --sorted and the records are sorted on disk"));
        return;
      }
      if (lastPatient != null && !record.patient().equals(lastPatient)) {
        patient.accept(Collections.unmodifiableList(group));
        group = new ArrayList<>();
      }
      lastPatient = record.patient();
      lastLine = record.line();
      group.add(record);
    }
    if (!group.isEmpty()) patient.accept(Collections.unmodifiableList(group));
  }

  private void sortThenStream(Iterator<Record> records, Consumer<List<Record>> patient) {
    spilledRuns = 0;
    List<Record> buffer = new ArrayList<>();
    List<Path> runs = new ArrayList<>();
    try {
      while (records.hasNext()) {
        buffer.add(records.next());
        if (buffer.size() >= maxInMemory) {
          runs.add(spill(buffer));
          buffer.clear();
        }
      }
      buffer.sort(ORDER);
      if (runs.isEmpty()) {
        stream(buffer.iterator(), patient, false);
        return;
      }
      if (!buffer.isEmpty()) runs.add(spill(buffer));
      buffer.clear();
      merge(runs, patient);
    } catch (IOException e) {
      throw new UncheckedIOException("spilling records to disk failed", e);
    } finally {
      for (Path run : runs) {
        try {
          Files.deleteIfExists(run);
        } catch (IOException e) {
          // A leftover temporary file is harmless; the run's result stands.
        }
      }
    }
  }

  private Path spill(List<Record> buffer) throws IOException {
    buffer.sort(ORDER);
    Path file =
        spillDirectory.isPresent()
            ? Files.createTempFile(spillDirectory.get(), "regforms-cases-", ".jsonl")
            : Files.createTempFile("regforms-cases-", ".jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Record record : buffer) {
        out.write(Long.toString(record.line()));
        out.write('\t');
        out.write(toJson(record));
        out.write('\n');
      }
    }
    spilledRuns++;
    return file;
  }

  private static String toJson(Record record) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("registry", record.registry());
    node.put("form", record.form());
    node.put("version", record.version());
    node.put("id", record.id());
    node.put("patient", record.patient());
    node.put("unit", record.unit());
    node.set("values", JSON.valueToTree(record.values().asMap()));
    return JSON.writeValueAsString(node);
  }

  /** One open run: its reader and its next record. */
  private static final class Run {
    final BufferedReader in;
    Record next;

    Run(BufferedReader in) {
      this.in = in;
    }

    boolean advance() throws IOException {
      String line = in.readLine();
      if (line == null) {
        next = null;
        return false;
      }
      int tab = line.indexOf('\t');
      RecordLine parsed =
          SPILL.read(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
      next =
          parsed
              .record()
              .orElseThrow(() -> new IOException("a spill file line could not be read back"));
      return true;
    }
  }

  private void merge(List<Path> files, Consumer<List<Record>> patient) throws IOException {
    PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> ORDER.compare(a.next, b.next));
    List<Run> open = new ArrayList<>();
    try {
      for (Path file : files) {
        Run run = new Run(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        open.add(run);
        if (run.advance()) queue.add(run);
      }
      Iterator<Record> merged =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return !queue.isEmpty();
            }

            @Override
            public Record next() {
              Run run = queue.poll();
              Record record = run.next;
              try {
                if (run.advance()) queue.add(run);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return record;
            }
          };
      stream(merged, patient, false);
    } finally {
      for (Run run : open) run.in.close();
    }
  }
}
