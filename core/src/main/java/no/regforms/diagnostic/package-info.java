/**
 * Issues and their locations: what every loader, compiler and validator of regforms returns.
 *
 * <p>Problems are values ({@link no.regforms.diagnostic.Issue}), collected into {@link
 * no.regforms.diagnostic.Diagnostics}; nothing here throws except {@link
 * no.regforms.diagnostic.Diagnostics#throwIfErrors()}.
 */
package no.regforms.diagnostic;
