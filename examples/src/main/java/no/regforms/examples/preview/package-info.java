/**
 * {@code regforms preview}: a local web server for a registry developer's working copy. It serves
 * every form in each of the registry's languages, the codebook and the indicator report, reloads
 * the folder when a file changes and pushes the change to open pages, shows a broken edit's located
 * errors while the last version that loaded stays usable, and validates submitted records.
 *
 * <p>It binds 127.0.0.1 only and answers only requests addressed to it. Record values are never
 * logged: the server logs definition ids, counts and timings.
 */
package no.regforms.examples.preview;
