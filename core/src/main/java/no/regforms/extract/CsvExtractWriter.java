package no.regforms.extract;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Variable;
import no.regforms.record.Record;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records as a CSV extract in a layout, one file per form and per repeat group, the way the
 * platform would export them: for test data and for trying the CSV path with synthetic records.
 * Values are written by the variable's type (decimal commas, the layout's dates, {@code 1}/{@code
 * 0} booleans, codes joined by {@code |}, a missing-value reason as {@code ?reason}); a value that
 * does not fit its type is written as its text.
 */
public final class CsvExtractWriter {

  private final Registry registry;
  private final ExtractLayout layout;

  private CsvExtractWriter(Registry registry, ExtractLayout layout) {
    this.registry = registry;
    this.layout = layout;
  }

  /** A writer of {@code registry}'s records in {@code layout}. */
  public static CsvExtractWriter of(Registry registry, ExtractLayout layout) {
    return new CsvExtractWriter(registry, layout);
  }

  /**
   * Writes {@code records} (of this registry's forms; others are skipped) into {@code folder}.
   *
   * @return the files written
   * @throws IOException when a file cannot be written
   */
  public List<Path> write(Iterable<Record> records, Path folder) throws IOException {
    Files.createDirectories(folder);
    Map<String, List<Record>> byForm = new LinkedHashMap<>();
    for (Record record : records) {
      if (registry.forms().containsKey(record.form()))
        byForm.computeIfAbsent(record.form(), k -> new ArrayList<>()).add(record);
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, List<Record>> entry : byForm.entrySet()) {
      Form form = registry.forms().get(entry.getKey());
      List<Variable> variables =
          form.variables().values().stream().filter(v -> !v.isComputed()).toList();
      List<String> header =
          new ArrayList<>(List.of(layout.idColumn(), layout.patientColumn(), layout.unitColumn()));
      form.links().forEach(link -> header.add(CsvExtract.LINK_COLUMN + link.id()));
      variables.forEach(v -> header.add(v.id()));
      Path file = folder.resolve(layout.fileNameOf(form.id()));
      try (CSVPrinter out = printer(file, header)) {
        for (Record record : entry.getValue()) {
          List<Object> cells =
              new ArrayList<>(List.of(record.id(), record.patient(), record.unit()));
          form.links().forEach(link -> cells.add(record.link(link.id()).orElse("")));
          for (Variable variable : variables)
            cells.add(cell(variable, record.values().get(variable.id())));
          print(out, cells);
        }
      }
      written.add(file);
      for (RepeatGroup group : form.repeats().values()) {
        List<Variable> members = group.variables().stream().filter(v -> !v.isComputed()).toList();
        List<String> groupHeader = new ArrayList<>(List.of(layout.idColumn()));
        members.forEach(v -> groupHeader.add(v.id()));
        Path groupFile = folder.resolve(layout.fileNameOf(form.id() + "." + group.id()));
        try (CSVPrinter out = printer(groupFile, groupHeader)) {
          for (Record record : entry.getValue()) {
            if (!(record.values().get(group.id()) instanceof List<?> rows)) continue;
            for (Object row : rows) {
              if (!(row instanceof Map<?, ?> values)) continue;
              List<Object> cells = new ArrayList<>(List.of(record.id()));
              for (Variable member : members) cells.add(cell(member, values.get(member.id())));
              print(out, cells);
            }
          }
        }
        written.add(groupFile);
      }
    }
    return written;
  }

  private CSVPrinter printer(Path file, List<String> header) throws IOException {
    Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    boolean mrs = layout.decimalComma();
    if (mrs) out.write('\uFEFF');
    CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setDelimiter(layout.separator())
                .setRecordSeparator("\r\n")
                .build());
    print(printer, new ArrayList<>(header));
    return printer;
  }

  /** A row; MRS ends every line with a separator, which makes an empty last column. */
  private void print(CSVPrinter out, List<Object> cells) throws IOException {
    if (layout.decimalComma()) cells.add("");
    out.printRecord(cells);
  }

  private String cell(Variable variable, Object value) {
    if (value == null) return "";
    if (value instanceof Map<?, ?> map) {
      // A missing-value reason ({"missing": "unknown"}) is written ?unknown.
      return map.get("missing") instanceof String reason ? "?" + reason : "";
    }
    if (value instanceof Boolean b) return b ? "1" : "0";
    if (value instanceof BigDecimal || value instanceof Number) {
      String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      return layout.decimalComma() ? text.replace('.', ',') : text;
    }
    if (value instanceof List<?> codes) {
      return String.join("|", codes.stream().map(String::valueOf).toList());
    }
    String text = value.toString();
    try {
      switch (variable.type()) {
        case DATE:
          return LocalDate.parse(text).format(layout.date());
        case DATETIME:
          return LocalDateTime.parse(text).format(layout.dateTime());
        case YEARMONTH:
          return layout.decimalComma() ? text.substring(5) + "." + text.substring(0, 4) : text;
        default:
          return text;
      }
    } catch (RuntimeException e) {
      return text; // not of its type: written as it is, for the reader to report
    }
  }
}
