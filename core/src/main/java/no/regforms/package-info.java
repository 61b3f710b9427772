/**
 * The entry point for host applications: {@link no.regforms.RegistryEngine} holds one registry's
 * validator, form renderer and metadata exporter.
 *
 * <p>The packages under it own one concept each (see {@code docs/architecture.md}):
 * {@code diagnostic} (issues and locations), {@code expression} (the expression language),
 * {@code definition} (the model and its loader), {@code record} (records and JSON Lines),
 * {@code validation}, {@code render}, {@code export}, {@code indicator}, {@code importer} and
 * {@code synthetic}. The expression type checker and evaluator ({@code expression.checker},
 * {@code expression.eval}) are internals: public only so the other packages can reach them.
 */
package no.regforms;
