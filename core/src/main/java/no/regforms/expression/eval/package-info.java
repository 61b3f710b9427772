/**
 * The evaluator of the expression language: checked trees planned once into immutable nodes, the
 * built-in functions, and three-valued (SQL-like) logic over unknown values.
 *
 * <p>Internal, not API: only {@link no.regforms.expression.eval.Program} is public, so that {@link
 * no.regforms.expression.CompiledExpression} can hold one; it may change without notice.
 */
package no.regforms.expression.eval;
