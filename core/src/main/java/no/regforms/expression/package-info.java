/**
 * The expression language of regforms: a small, typed, total language for skip logic, computed
 * values, rules and indicators.
 *
 * <p>{@link no.regforms.expression.ExpressionCompiler} compiles text against a {@link
 * no.regforms.expression.TypeEnvironment} into a {@link no.regforms.expression.CompiledExpression},
 * reporting every problem as an issue located inside the text. Unknown (missing) values follow
 * three-valued logic, as in SQL. The subpackages {@code parser}, {@code checker} and {@code eval}
 * are the phases; of them only the syntax tree ({@code parser.Expr}) is API.
 */
package no.regforms.expression;
