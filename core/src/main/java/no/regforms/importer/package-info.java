/**
 * Imports of existing codebooks into regforms registry folders.
 *
 * <p>{@link no.regforms.importer.CodebookImporter} reads an OpenQReg "Klokeboken" (CSV), an MRS
 * "Kodebok" (Excel) or a REDCap data dictionary (CSV) and turns it into the files of a registry
 * folder ({@code registry.json}, {@code codelists/*.json}, {@code forms/*.json}) that {@link
 * no.regforms.definition.DefinitionLoader} accepts, together with a per-variable report ({@link
 * no.regforms.importer.ImportNote}) of everything that could not be carried over and why. Nothing
 * is guessed: what the source does not say, or says in a way the definition format cannot hold, is
 * reported instead.
 */
package no.regforms.importer;
