/**
 * Records: filled-in forms as they arrive, and streaming readers for them.
 *
 * <p>A {@link no.regforms.record.Record} never prints its values or identifiers; readers report
 * unreadable lines by number and go on.
 */
package no.regforms.record;
