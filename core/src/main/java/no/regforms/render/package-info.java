/**
 * HTML forms generated from a compiled registry: {@link no.regforms.render.FormRenderer} writes one
 * self-contained page (or an embeddable fragment) per form and language with Velocity templates,
 * and puts in it the form's expressions compiled to JavaScript, so that the page's skip logic,
 * computed values and checks are those of the server validator, with its very messages.
 */
package no.regforms.render;
