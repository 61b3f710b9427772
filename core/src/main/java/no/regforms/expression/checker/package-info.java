/**
 * The type checker of the expression language and the signatures of its functions.
 *
 * <p>Internal, not API: {@link no.regforms.expression.checker.TypeChecker}, {@link
 * no.regforms.expression.checker.CheckResult} and {@link no.regforms.expression.checker.Typing} are
 * public only so that {@link no.regforms.expression.ExpressionCompiler} and the evaluator can reach
 * them, and may change without notice.
 */
package no.regforms.expression.checker;
