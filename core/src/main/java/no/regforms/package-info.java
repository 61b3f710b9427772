/**
 * The entry point for host applications: {@link no.regforms.RegistryEngine} holds one registry's
 * validator, form renderer and metadata exporter.
 *
 * <p>The packages under it own one concept each (see {@code docs/architecture.md}): {@code
 * diagnostic} (issues and locations), {@code expression} (the expression language), {@code
 * definition} (the model and its loader), {@code record} (records and JSON Lines), {@code
 * validation}, {@code render}, {@code export}, {@code indicator}, {@code importer} and {@code
 * synthetic}. The expression type checker, evaluator and JavaScript emitter ({@code
 * expression.checker}, {@code expression.eval}, {@code expression.js}) are internals: the module
 * {@code no.regforms.core} does not export them.
 */
package no.regforms;
