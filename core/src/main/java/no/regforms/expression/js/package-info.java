/**
 * Compiles checked expressions to JavaScript for live forms: {@link
 * no.regforms.expression.js.JavaScriptEmitter} walks the same syntax tree the JVM evaluator plans,
 * and a small runtime ({@code regforms-expr.js}, a resource beside this package) gives the emitted
 * code the language's three-valued semantics, exact decimals and calendar arithmetic; patterns run
 * on re2js, RE2/J ported to JavaScript ({@code re2js/}, put there by the build from npm).
 */
package no.regforms.expression.js;
