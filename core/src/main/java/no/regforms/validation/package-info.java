/**
 * Record validation: {@link no.regforms.validation.RecordValidator} checks records against a
 * registry's forms and returns every issue, located by variable path, with messages in Norwegian
 * and English, and the values the form computes; {@link no.regforms.validation.ValidRegistryRecord}
 * brings the same check to Jakarta Bean Validation for host applications.
 *
 * <p>Validation never throws on bad data and never changes its input; messages name definition
 * limits and codes, never record values.
 */
package no.regforms.validation;
