package no.regforms.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A table of texts written as CSV (RFC 4180, with a header row) by Jackson's CSV writer. */
final class CsvTable {

  private static final CsvMapper MAPPER = new CsvMapper();

  private final List<String> columns;
  private final List<List<String>> rows = new ArrayList<>();

  CsvTable(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Adds a row; it must have one cell per column ({@code null} is written as empty). */
  void add(List<String> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException(
          "a row needs " + columns.size() + " cells, got " + row.size());
    }
    List<String> cells = new ArrayList<>(row.size());
    row.forEach(cell -> cells.add(Objects.requireNonNullElse(cell, "")));
    rows.add(cells);
  }

  int size() {
    return rows.size();
  }

  /** The CSV text with {@code separator} between cells. */
  String toCsv(char separator) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setColumnSeparator(separator);
    columns.forEach(schema::addColumn);
    try {
      return MAPPER.writer(schema.build()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      // Only lists of strings are written; a failure here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }
}
