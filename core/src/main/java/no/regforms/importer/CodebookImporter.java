package no.regforms.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import no.regforms.expression.ExpressionCompiler;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an existing codebook into the files of a regforms registry folder.
 *
 * <p>Reads an OpenQReg Klokeboken, an MRS Kodebok or a REDCap data dictionary and carries over what
 * the source holds: forms, sections, labels, help texts, types, code lists (identical lists
 * shared), hard and soft ranges, decimals, lengths, allowed characters, validity dates and form
 * versions, and REDCap branching logic and calculations translated into the expression language.
 * Ids become snake_case and unique, with the source name kept in the description. Every translated
 * expression is compiled against its form before it is written, so the folder loads without errors.
 * What cannot be carried over is listed per variable in {@link ImportResult#notes()}.
 *
 * <p>Never throws on a bad codebook: an unreadable file is an error entry of the result. Immutable
 * and thread-safe. Logs file names and counts only, never codebook contents.
 *
 * <pre>{@code
 * ImportResult result = CodebookImporter.create()
 *     .read(CodebookFormat.REDCAP, Path.of("dictionary.csv"), ImportOptions.defaults());
 * if (!result.hasErrors()) {
 *   result.writeTo(Path.of("my-registry"), false);
 * }
 * }</pre>
 */
public final class CodebookImporter {

  private static final Logger log = LoggerFactory.getLogger(CodebookImporter.class);

  private final ExpressionCompiler compiler;

  private CodebookImporter(ExpressionCompiler compiler) {
    this.compiler = compiler;
  }

  /** An importer that checks translated expressions with the default compiler. */
  public static CodebookImporter create() {
    return new CodebookImporter(ExpressionCompiler.create());
  }

  /**
   * Reads {@code file} as a codebook of {@code format}.
   *
   * @return the registry files and the report; {@link ImportResult#hasErrors()} when the file could
   *     not be read as such a codebook
   */
  public ImportResult read(CodebookFormat format, Path file, ImportOptions options) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    String name = file.getFileName().toString();
    RegistryDraft draft =
        new RegistryDraft(
            format, name, options.registryIdFor(file), options.titleFor(file), options.version());
    long started = System.nanoTime();
    ImportResult result;
    try {
      result =
          format == CodebookFormat.MRS
              ? readWorkbook(draft, file)
              : readCsv(format, draft, Files.readAllBytes(file));
    } catch (IOException e) {
      result = draft.fail(name, "cannot read the file: " + e.getMessage());
    }
    log.info(
        "imported {} as {} in {} ms; forms: {}, variables: {}, report entries: {}",
        name,
        format.cliName(),
        (System.nanoTime() - started) / 1_000_000,
        result.formCount(),
        result.variableCount(),
        result.notes().size());
    return result;
  }

  private ImportResult readCsv(CodebookFormat format, RegistryDraft draft, byte[] bytes) {
    boolean oqr = format == CodebookFormat.OPENQREG;
    CsvTable.Read read =
        oqr
            ? CsvTable.read(bytes, OpenQRegReader.REQUIRED, OpenQRegReader.OPTIONAL)
            : CsvTable.read(bytes, RedcapReader.REQUIRED, RedcapReader.OPTIONAL);
    if (read.table().isEmpty()) {
      return draft.fail(
          draft.sourceFile() + ":1", "not in the " + format.title() + " format: " + read.problem());
    }
    CsvTable table = read.table().get();
    draft.readAs(table.encoding());
    draft.readAs(table.delimiterName());
    if (oqr) {
      new OpenQRegReader(draft, table).read();
    } else {
      new RedcapReader(draft, table).read();
    }
    if (draft.forms().isEmpty()) {
      return draft.fail(draft.sourceFile(), "the file holds no variables");
    }
    return draft.finish(compiler);
  }

  private ImportResult readWorkbook(RegistryDraft draft, Path file) throws IOException {
    Optional<Workbook> opened = open(file, draft);
    if (opened.isEmpty()) {
      return draft.fail(
          draft.sourceFile(),
          "not an Excel workbook that can be read (.xlsx or .xls): "
              + String.join("; ", draft.readAs()));
    }
    try (Workbook workbook = opened.get()) {
      if (!new MrsReader(draft, workbook).read()) {
        return draft.fail(
            draft.sourceFile(),
            "no sheet has the columns of an MRS Kodebok (Variabelnavn, Felttype)");
      }
    }
    return draft.finish(compiler);
  }

  private static Optional<Workbook> open(Path file, RegistryDraft draft) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      try {
        return Optional.of(WorkbookFactory.create(in));
      } catch (IOException | EncryptedDocumentException | IllegalArgumentException e) {
        // POI reports a file that is not a workbook as an IOException or IllegalArgumentException.
        draft.readAs("unreadable as a workbook: " + e.getMessage());
        return Optional.empty();
      }
    }
  }
}
