package no.regforms.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.record.Record;
import no.regforms.record.RecordLine;
import no.regforms.record.RecordValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV extract: one file per form, named as the layout says, columns mapped to the form's
 * variables (by name, ignoring case, or through the mapping). A repeat group's rows come in a file
 * of their own whose form name is {@code form.group}, each row carrying its record's id in the id
 * column; they join their record in file order.
 *
 * <p>Cells are converted by the variable's type: decimal commas, the layout's dates, its booleans
 * and "not chosen" codes. A cell that cannot be converted keeps its text, so validation reports it
 * and nothing is lost, and is reported by file, row (as a spreadsheet numbers it, the header being
 * row 1) and column. A file whose form the registry lacks is read as text: its records are stored
 * as records of another form. Not thread-safe.
 */
final class CsvExtract implements RecordSource {

  /** The prefix of a column holding a link: {@code links.course}. */
  static final String LINK_COLUMN = "links.";

  private static final java.time.format.DateTimeFormatter MONTH_YEAR =
      java.time.format.DateTimeFormatter.ofPattern("MM.uuuu")
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private final Registry registry;
  private final Path path;
  private final ExtractLayout layout;
  private final ExtractMapping mapping;
  private String currentFile = "";

  CsvExtract(Registry registry, Path path, ExtractLayout layout, ExtractMapping mapping) {
    this.registry = registry;
    this.path = path;
    this.layout = layout;
    this.mapping = mapping;
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public String currentFile() {
    return currentFile;
  }

  /** One file of the extract: its path and the form (and repeat group) it holds. */
  private record ExtractFile(Path path, String form, Optional<String> group) {}

  @Override
  public Iterator<RecordLine> records(Consumer<Issue> problems) {
    List<ExtractFile> forms = new ArrayList<>();
    Map<String, Map<String, Map<String, List<Map<String, Object>>>>> rowsByForm = new HashMap<>();
    for (Path file : files()) {
      String fileName = file.getFileName().toString();
      Matcher matcher = layout.fileName().matcher(fileName);
      if (!matcher.matches()) {
        problems.accept(
            Issue.warning(
                    IssueCode.WRONG_FORM,
                    "the file name does not follow the "
                        + layout.name()
                        + " layout, so its form is unknown; the file was not read",
                    SourceLocation.of(fileName, 0, 0, ""))
                .withHint("name it " + layout.fileNameOf("<form>")));
        continue;
      }
      String name = mapping.form(matcher.group("form"));
      int dot = name.indexOf('.');
      if (dot < 0) {
        forms.add(new ExtractFile(file, name, Optional.empty()));
      } else {
        ExtractFile rows =
            new ExtractFile(file, name.substring(0, dot), Optional.of(name.substring(dot + 1)));
        rowsByForm
            .computeIfAbsent(rows.form(), k -> new HashMap<>())
            .put(rows.group().get(), readRows(rows, problems));
      }
    }
    return new Iterator<>() {
      private int index = -1;
      private FileReader current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (current != null) current.close();
          current = null;
          if (++index >= forms.size()) return false;
          ExtractFile file = forms.get(index);
          currentFile = file.path().getFileName().toString();
          current = new FileReader(file, rowsByForm.getOrDefault(file.form(), Map.of()), problems);
        }
        return true;
      }

      @Override
      public RecordLine next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
      }
    };
  }

  private List<Path> files() {
    if (!Files.isDirectory(path)) return List.of(path);
    try (Stream<Path> list = Files.list(path)) {
      return list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  private CSVParser parser(Path file) throws IOException {
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    in.mark(1);
    if (in.read() != '\uFEFF') in.reset(); // MRS writes a byte-order mark
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(layout.separator())
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .setIgnoreEmptyLines(true)
            .build();
    return CSVParser.parse((Reader) in, format);
  }

  /** The rows of a repeat group's file, by the id of the record they belong to. */
  private Map<String, List<Map<String, Object>>> readRows(
      ExtractFile file, Consumer<Issue> problems) {
    Map<String, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
    Optional<RepeatGroup> group =
        registry.form(file.form()).map(f -> f.repeats().get(file.group().get()));
    if (group.isEmpty()) {
      problems.accept(
          Issue.warning(
              IssueCode.UNDEFINED_VARIABLE,
              "form '"
                  + file.form()
                  + "' has no repeat group '"
                  + file.group().get()
                  + "'; the file was not read",
              SourceLocation.of(file.path().getFileName().toString(), 0, 0, "")));
      return byParent;
    }
    Map<String, Variable> members = new LinkedHashMap<>();
    group.get().variables().forEach(v -> members.put(v.id(), v));
    try (CSVParser parser = parser(file.path())) {
      Columns columns = new Columns(file, parser.getHeaderNames(), members, problems);
      for (CSVRecord row : parser) {
        String parent = columns.cell(row, layout.idColumn());
        Map<String, Object> values = columns.values(row);
        byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.path(), e);
    }
    return byParent;
  }

  /** Reads one form's file, a record per row. */
  private final class FileReader implements Iterator<RecordLine> {
    private final ExtractFile file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Columns columns;
    private final Map<String, Map<String, List<Map<String, Object>>>> groups;
    private final Form form;

    FileReader(
        ExtractFile file,
        Map<String, Map<String, List<Map<String, Object>>>> groups,
        Consumer<Issue> problems) {
      this.file = file;
      this.groups = groups;
      this.form = registry.form(file.form()).orElse(null);
      if (form == null) {
        problems.accept(
            Issue.warning(
                    IssueCode.WRONG_FORM,
                    "registry '"
                        + registry.id()
                        + "' has no form '"
                        + file.form()
                        + "'; its rows are read as text and kept as records of another form",
                    SourceLocation.of(file.path().getFileName().toString(), 0, 0, ""))
                .withHint(
                    "its forms: "
                        + String.join(", ", registry.forms().keySet())
                        + "; a mapping file can name the form"));
      }
      try {
        this.parser = parser(file.path());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.path(), e);
      }
      this.rows = parser.iterator();
      this.columns =
          new Columns(
              file, parser.getHeaderNames(), form == null ? Map.of() : form.variables(), problems);
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public RecordLine next() {
      CSVRecord row = rows.next();
      Map<String, Object> values = columns.values(row);
      String id = columns.cell(row, layout.idColumn());
      groups.forEach(
          (group, byParent) -> {
            List<Map<String, Object>> groupRows = byParent.get(id);
            if (groupRows != null) values.put(group, groupRows);
          });
      Record record =
          new Record(
              registry.id(),
              file.form(),
              "",
              id,
              columns.cell(row, layout.patientColumn()),
              columns.cell(row, layout.unitColumn()),
              columns.links(row),
              RecordValues.of(values),
              rowNumber(row));
      return new RecordLine(rowNumber(row), Optional.of(record), Optional.empty());
    }

    void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The row as a spreadsheet numbers it: the header is row 1. */
  private static long rowNumber(CSVRecord row) {
    return row.getRecordNumber() + 1;
  }

  /** The columns of one file: which variable each reads, and the conversion of its cells. */
  private final class Columns {
    private final ExtractFile file;
    private final List<String> headers;
    private final Map<String, Variable> byColumn = new LinkedHashMap<>();
    private final Map<String, String> linkByColumn = new LinkedHashMap<>();
    private final Consumer<Issue> problems;

    Columns(
        ExtractFile file,
        List<String> headers,
        Map<String, Variable> variables,
        Consumer<Issue> problems) {
      this.file = file;
      this.headers = headers;
      this.problems = problems;
      String form = file.group().map(g -> file.form() + "." + g).orElse(file.form());
      Map<String, Variable> lower = new HashMap<>();
      variables.values().forEach(v -> lower.put(v.id().toLowerCase(Locale.ROOT), v));
      for (int i = 0; i < headers.size(); i++) {
        String header = headers.get(i);
        if (header.isBlank() || isEnvelope(header)) continue;
        Optional<String> mapped = mapping.variable(form, header);
        Optional<String> link = link(mapped.orElse(header));
        if (link.isPresent()) {
          linkByColumn.put(header, link.get());
          continue;
        }
        Variable variable =
            mapped.isPresent()
                ? variables.get(mapped.get())
                : lower.get(header.toLowerCase(Locale.ROOT));
        // A platform column a definition reads (OpenQReg's STATUS as a form-status variable) is
        // read.
        if (variable == null && layout.metadataColumns().contains(header)) continue;
        if (variable != null && !variable.isComputed()) {
          byColumn.put(header, variable);
        } else if (!variables.isEmpty() || registry.form(file.form()).isPresent()) {
          problems.accept(
              Issue.warning(
                      IssueCode.UNDEFINED_VARIABLE,
                      "column '"
                          + header
                          + "' is no "
                          + (variable != null ? "input variable (it is computed)" : "variable")
                          + " of "
                          + form
                          + "; its cells were not read",
                      SourceLocation.of(fileName(), 1, i + 1, "/" + header))
                  .withHint("map the column to a variable in a mapping file"));
        } else {
          byColumn.put(header, null); // a file of an unknown form: read as text
        }
      }
    }

    /**
     * The link a column holds: {@code links.course} (or a column mapped to it) holds the id of the
     * record the form's link {@code course} names, as the record format's {@code "links"} does.
     */
    private Optional<String> link(String name) {
      if (!name.startsWith(LINK_COLUMN)) return Optional.empty();
      String id = name.substring(LINK_COLUMN.length());
      return registry.form(file.form()).flatMap(f -> f.link(id)).map(l -> id);
    }

    /** The row's links, from its link columns' non-empty cells. */
    Map<String, String> links(CSVRecord row) {
      if (linkByColumn.isEmpty()) return Map.of();
      Map<String, String> links = new LinkedHashMap<>();
      linkByColumn.forEach(
          (column, link) -> {
            String id = cell(row, column);
            if (!id.isEmpty()) links.put(link, id);
          });
      return links;
    }

    private boolean isEnvelope(String header) {
      return header.equals(layout.idColumn())
          || header.equals(layout.patientColumn())
          || header.equals(layout.unitColumn());
    }

    String fileName() {
      return file.path().getFileName().toString();
    }

    String cell(CSVRecord row, String column) {
      return row.isMapped(column) && row.isSet(column) ? row.get(column).trim() : "";
    }

    Map<String, Object> values(CSVRecord row) {
      Map<String, Object> values = new LinkedHashMap<>();
      if (row.size() != headers.size()
          && !(row.size() == headers.size() - 1 && headers.get(headers.size() - 1).isBlank())) {
        problems.accept(
            Issue.warning(
                IssueCode.RECORD_SYNTAX,
                "the row has "
                    + row.size()
                    + " cells where the header has "
                    + headers.size()
                    + "; missing cells are read as empty",
                SourceLocation.of(fileName(), (int) rowNumber(row), 1, "")));
      }
      byColumn.forEach(
          (column, variable) -> {
            String text = cell(row, column);
            if (text.isEmpty()) return;
            Object value = variable == null ? text : convert(variable, text, row, column);
            if (value != null) values.put(variable == null ? column : variable.id(), value);
          });
      return values;
    }

    /**
     * The cell as the variable's JSON value; null for "no answer"; the text itself when it cannot
     * be read.
     */
    private Object convert(Variable variable, String text, CSVRecord row, String column) {
      if (text.startsWith("?") && variable.missing().contains(text.substring(1))) {
        return Map.of("missing", text.substring(1)); // a missing-value reason, "?unknown"
      }
      try {
        switch (variable.type()) {
          case INTEGER:
          case DECIMAL:
            return new BigDecimal(layout.decimalComma() ? text.replace(',', '.') : text);
          case BOOLEAN:
            if (layout.trueValues().contains(text)) return true;
            if (layout.falseValues().contains(text)) return false;
            if (layout.unansweredBoolean().contains(text)) return null;
            return problem(
                text,
                row,
                column,
                "a boolean ("
                    + String.join("/", layout.trueValues())
                    + " or "
                    + String.join("/", layout.falseValues())
                    + ")");
          case DATE:
            return text.length() == 10 && text.charAt(4) == '-'
                ? LocalDate.parse(text).toString()
                : LocalDate.parse(text, layout.date()).toString();
          case DATETIME:
            return text.contains("T")
                ? LocalDateTime.parse(text).toString()
                : LocalDateTime.parse(text, layout.dateTime()).toString();
          case YEARMONTH:
            return text.length() == 7 && text.charAt(4) == '-'
                ? YearMonth.parse(text).toString()
                : YearMonth.parse(text, MONTH_YEAR).toString();
          case CODE:
            return chosen(variable, text) ? text : null;
          case CODES:
            {
              List<String> codes = new ArrayList<>();
              for (String code : text.split("\\|")) {
                if (!code.isBlank() && chosen(variable, code.trim())) codes.add(code.trim());
              }
              return codes.isEmpty() ? null : codes;
            }
          default:
            return text;
        }
      } catch (NumberFormatException e) {
        return problem(text, row, column, "a number");
      } catch (DateTimeParseException e) {
        return problem(
            text,
            row,
            column,
            variable.type() == no.regforms.definition.VariableType.DATETIME
                ? "a date-time "
                    + (layout.decimalComma() ? "dd.mm.yyyy HH:MM:SS" : "yyyy-mm-dd HH:MM:SS")
                : "a date " + (layout.decimalComma() ? "dd.mm.yyyy" : "yyyy-mm-dd"));
      }
    }

    private boolean chosen(Variable variable, String code) {
      if (!layout.notChosen().contains(code)) return true;
      Optional<CodeList> list = variable.codeList().flatMap(registry::codeList);
      return list.isPresent() && list.get().code(code).isPresent();
    }

    /** Reports a cell that cannot be read, and keeps its text for validation to reject. */
    private Object problem(String text, CSVRecord row, String column, String expected) {
      problems.accept(
          Issue.error(
              IssueCode.INVALID_FORMAT,
              "the cell is not "
                  + expected
                  + "; kept as text, so the record "
                  + "fails validation there",
              SourceLocation.of(
                  fileName(), (int) rowNumber(row), headers.indexOf(column) + 1, "/" + column)));
      return text;
    }
  }
}
