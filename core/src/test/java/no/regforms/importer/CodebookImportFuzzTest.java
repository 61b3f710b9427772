package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.testing.FuzzDeadline;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the three codebook importers. An import never throws: it succeeds, with every report entry
 * located in the codebook, or fails with a located reason; a successful import writes a registry
 * folder that the loader reads without an exception and with every issue in a file.
 *
 * <p>OpenQReg and REDCap read the fuzzed bytes as their CSV file. MRS reads a workbook built from
 * the bytes as text: a line {@code ## name} starts a sheet, other lines are rows with cells split
 * at tabs (a cell that reads as a number is numeric). Without {@code JAZZER_FUZZ} each replays its
 * corpus under {@code CodebookImportFuzzTestInputs}.
 */
class CodebookImportFuzzTest {

  private static final CodebookImporter IMPORTER = CodebookImporter.create();
  private static final ExpressionCompiler COMPILER = ExpressionCompiler.create();
  private static final DefinitionLoader LOADER = DefinitionLoader.create();
  private static final String SHEET_MARK = "## ";

  private static Path temp;

  @BeforeAll
  static void createFolder() throws IOException {
    temp = Files.createTempDirectory("regforms-fuzz-import");
  }

  @AfterAll
  static void deleteFolder() {
    delete(temp);
  }

  @FuzzTest
  void openQReg(byte[] input) {
    FuzzDeadline.within(() -> openQRegChecked(input));
  }

  private void openQRegChecked(byte[] input) throws IOException {
    check(
        IMPORTER.read(
            CodebookFormat.OPENQREG, file("klokeboken.csv", input), ImportOptions.defaults()));
  }

  @FuzzTest
  void redcap(byte[] input) {
    FuzzDeadline.within(() -> redcapChecked(input));
  }

  private void redcapChecked(byte[] input) throws IOException {
    check(
        IMPORTER.read(
            CodebookFormat.REDCAP, file("dictionary.csv", input), ImportOptions.defaults()));
  }

  @FuzzTest
  void mrs(byte[] input) {
    FuzzDeadline.within(() -> mrsChecked(input));
  }

  private void mrsChecked(byte[] input) throws IOException {
    RegistryDraft draft =
        new RegistryDraft(CodebookFormat.MRS, "Kodebok.xlsx", "kodebok", "Kodebok", "1");
    try (Workbook workbook = workbook(new String(input, StandardCharsets.UTF_8))) {
      check(
          new MrsReader(draft, workbook).read()
              ? draft.finish(COMPILER)
              : draft.fail("Kodebok.xlsx", "not MRS"));
    }
  }

  private static Path file(String name, byte[] input) throws IOException {
    return Files.write(temp.resolve(name), input);
  }

  private static void check(ImportResult result) throws IOException {
    assertThat(result.notes())
        .allSatisfy(note -> assertThat(note.where()).as(note.message()).isNotBlank());
    if (result.hasErrors()) {
      assertThat(result.files()).isEmpty();
      return;
    }
    Path folder = temp.resolve("registry");
    delete(folder);
    result.writeTo(folder, false);
    LoadResult loaded = LOADER.load(folder);
    assertThat(loaded.diagnostics().issues())
        .allSatisfy(
            issue ->
                assertThat(issue.location())
                    .as(issue.toDisplayString())
                    .isInstanceOfSatisfying(
                        SourceLocation.class,
                        location -> assertThat(location.file()).isNotEmpty()));
  }

  /** The workbook the text describes (see the class comment). */
  static Workbook workbook(String text) {
    Workbook workbook = new XSSFWorkbook();
    Sheet sheet = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(SHEET_MARK) || sheet == null) {
        String name = line.startsWith(SHEET_MARK) ? line.substring(SHEET_MARK.length()) : "Ark1";
        sheet = workbook.createSheet(sheetName(workbook, name));
        if (line.startsWith(SHEET_MARK)) {
          continue;
        }
      }
      Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
      String[] cells = line.split("\t", -1);
      for (int i = 0; i < cells.length && i < 200; i++) {
        if (cells[i].isEmpty()) {
          continue;
        }
        try {
          row.createCell(i).setCellValue(Double.parseDouble(cells[i]));
        } catch (NumberFormatException e) {
          row.createCell(i).setCellValue(cells[i]);
        }
      }
    }
    return workbook;
  }

  /** A name POI accepts (at most 31 characters, none of {@code []*?/\:}, unique). */
  private static String sheetName(Workbook workbook, String wanted) {
    String name = wanted.replaceAll("[\\[\\]*?/\\\\:']", "_").strip();
    name = name.isEmpty() ? "Ark" : name.substring(0, Math.min(28, name.length()));
    String unique = name;
    for (int n = 2; workbook.getSheet(unique) != null; n++) {
      unique = name + n;
    }
    return unique;
  }

  private static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
