/**
 * The syntax of the expression language: lexer, parser, the immutable syntax tree ({@link
 * no.regforms.expression.parser.Expr}) and a printer.
 *
 * <p>{@link no.regforms.expression.parser.Expr}, {@link no.regforms.expression.parser.Span} and
 * {@link no.regforms.expression.parser.ExprPrinter} are API for tools that translate compiled
 * expressions (such as the JavaScript emitter). {@link no.regforms.expression.parser.Parser} and
 * {@link no.regforms.expression.parser.ParseResult} are internal, not API: they are public only so
 * that {@link no.regforms.expression.ExpressionCompiler} can reach them, and may change without
 * notice.
 */
package no.regforms.expression.parser;
