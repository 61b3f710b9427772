/**
 * Migrations: records of an earlier definition version carried to a later one by the migration
 * steps each version lists ({@code migrate} in {@code registry.json}), composed along the history.
 */
package no.regforms.migration;
