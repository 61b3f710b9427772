package no.regforms.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The codebook formats {@link CodebookImporter} reads. */
public enum CodebookFormat {
  /** OpenQReg "Klokeboken": one CSV row per variable or per list value, 27 columns. */
  OPENQREG("oqr", "OpenQReg Klokeboken"),
  /** MRS "Kodebok": an Excel workbook with one sheet per form, value rows under each variable. */
  MRS("mrs", "MRS Kodebok"),
  /** REDCap data dictionary: one CSV row per field, 18 columns. */
  REDCAP("redcap", "REDCap data dictionary");

  private final String cliName;
  private final String title;

  CodebookFormat(String cliName, String title) {
    this.cliName = cliName;
    this.title = title;
  }

  /** The short name used on the command line: {@code oqr}, {@code mrs} or {@code redcap}. */
  public String cliName() {
    return cliName;
  }

  /** A readable name for reports, such as {@code OpenQReg Klokeboken}. */
  public String title() {
    return title;
  }

  /** The format whose {@link #cliName()} is {@code name} (any case). */
  public static Optional<CodebookFormat> fromName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst();
  }
}
