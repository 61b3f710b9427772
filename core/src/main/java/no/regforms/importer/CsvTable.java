package no.regforms.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A codebook CSV file read with Apache Commons CSV, after finding its encoding (a byte-order mark,
 * else strict UTF-8, else Windows-1252) and its separator (the one of {@code ; , tab} under which
 * the header has the most of the expected columns).
 *
 * @param rows the data rows, header excluded
 * @param columns expected column key to index, for the columns found
 * @param encoding a readable account of the encoding, such as {@code UTF-8 with BOM}
 * @param delimiter the separator
 */
record CsvTable(
    List<CSVRecord> rows, Map<String, Integer> columns, String encoding, char delimiter) {

  private static final char[] DELIMITERS = {';', ',', '\t'};

  /** The outcome of reading: a table, or why the file is not a table with the expected columns. */
  record Read(Optional<CsvTable> table, String problem) {}

  /**
   * Reads {@code bytes}. A column is found when its header, reduced to lower-case letters and
   * digits, starts with the key ({@code "branchinglogic"} finds "Branching Logic (Show field only
   * if...)").
   *
   * @param required the column keys that must be present
   * @param optional column keys that may be present
   */
  static Read read(byte[] bytes, List<String> required, List<String> optional) {
    String encoding;
    String text;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      encoding = "UTF-8 with BOM";
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      encoding = "UTF-16";
      text = new String(bytes, StandardCharsets.UTF_16);
    } else {
      Optional<String> utf8 = strictUtf8(bytes);
      encoding = utf8.isPresent() ? "UTF-8" : "Windows-1252";
      text = utf8.orElseGet(() -> new String(bytes, Charset.forName("windows-1252")));
    }
    String headerLine = text.lines().findFirst().orElse("");
    char best = ',';
    int bestFound = -1;
    for (char delimiter : DELIMITERS) {
      int found = columnsOf(headerLine, delimiter, required).size();
      if (found > bestFound) {
        best = delimiter;
        bestFound = found;
      }
    }
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    Map<String, Integer> columns = columnsOf(headerLine, best, all);
    List<String> missing = required.stream().filter(k -> !columns.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      return new Read(
          Optional.empty(),
          "the header lacks the column(s) "
              + String.join(", ", missing)
              + "; is this the right format?");
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format(best))) {
      List<CSVRecord> rows = new ArrayList<>();
      boolean header = true;
      for (CSVRecord record : parser) {
        if (header) {
          header = false;
          continue;
        }
        rows.add(record);
      }
      return new Read(Optional.of(new CsvTable(rows, columns, encoding, best)), "");
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return new Read(Optional.empty(), "not a well-formed CSV file: " + e.getMessage());
    }
  }

  private static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .build();
  }

  private static Map<String, Integer> columnsOf(
      String headerLine, char delimiter, List<String> keys) {
    Map<String, Integer> found = new HashMap<>();
    List<String> names;
    try (CSVParser parser = CSVParser.parse(new StringReader(headerLine), format(delimiter))) {
      names = parser.getRecords().stream().findFirst().map(CSVRecord::toList).orElse(List.of());
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return found;
    }
    for (int i = 0; i < names.size(); i++) {
      String reduced = reduce(names.get(i));
      for (String key : keys) {
        if (reduced.startsWith(key) && !found.containsKey(key)) {
          found.put(key, i);
          break;
        }
      }
    }
    return found;
  }

  private static String reduce(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static Optional<String> strictUtf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

  /** The trimmed value of column {@code key} in {@code row}; empty when absent. */
  String get(CSVRecord row, String key) {
    Integer index = columns.get(key);
    if (index == null || index >= row.size()) return "";
    return row.get(index).strip();
  }

  /** A readable account of the separator. */
  String delimiterName() {
    return delimiter == '\t' ? "tab-separated" : "'" + delimiter + "'-separated";
  }
}
