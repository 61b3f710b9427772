/**
 * Differences between two definitions of a registry (two folders, or a folder and an earlier
 * revision of it), each located in both and classified by what it means for existing data.
 */
package no.regforms.diff;
