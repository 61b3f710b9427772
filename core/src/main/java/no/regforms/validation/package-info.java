/**
 * Record validation: {@link no.regforms.validation.RecordValidator} checks records against a
 * registry's forms and returns every issue, located by variable path, with messages in Norwegian
 * and English, and the values the form computes.
 */
package no.regforms.validation;
