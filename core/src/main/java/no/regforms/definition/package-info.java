/**
 * The registry definition model and its loader.
 *
 * <p>{@link no.regforms.definition.DefinitionLoader} reads a registry folder (from disk or from a
 * {@link no.regforms.definition.RegistryModule} on the classpath), checks it against the definition
 * JSON Schema, the field rules (Jakarta Bean Validation) and the cross-references, compiles every
 * expression, and returns an immutable, thread-safe {@link no.regforms.definition.Registry} or
 * every problem found, each located by file, line, column and JSON pointer.
 */
package no.regforms.definition;
