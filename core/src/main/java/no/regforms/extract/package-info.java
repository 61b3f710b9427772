/**
 * Record sources beyond JSON Lines: registry extracts as CSV, one file per form, in the layout of
 * MRS's data dumps or of OpenQReg's tables, with an optional mapping file where an export's names
 * differ from the definition's. Every cell problem is located by file, row and column; a bad row is
 * reported and reading goes on.
 *
 * <p>Entry point: {@link no.regforms.extract.RecordSource#open}. See {@code docs/sql.md}.
 */
package no.regforms.extract;
