/**
 * Metadata exports of a compiled registry: helsedata.no (DCAT-AP-NO JSON-LD and a variable list),
 * the canonical codebook (CSV and HTML), JSON Schema per form, FHIR R4 Questionnaires for patient
 * forms, and a REDCap data dictionary.
 *
 * <p>Every exporter reads the loaded {@link no.regforms.definition.Registry}; none re-reads the
 * definition JSON. Start from {@link no.regforms.export.MetadataExporter}; what a format cannot
 * carry is reported as {@link no.regforms.export.ExportNote}s, never thrown.
 */
package no.regforms.export;
