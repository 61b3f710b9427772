/**
 * Shared test builders: the {@code test} registry fixture, record builders that start from a valid
 * record, and small assertion helpers. Test sources only, shared with other modules through the
 * {@code core} test-jar; not API.
 */
package no.regforms.testing;
