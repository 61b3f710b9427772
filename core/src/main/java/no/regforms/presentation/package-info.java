/**
 * What people read, in one place: the {@link no.regforms.presentation.MessageCatalogue} of each
 * language (Bokmål, Nynorsk, English) with the validator's record messages and the fixed texts of
 * form pages and the indicator report; {@link no.regforms.presentation.Templates}, the one Velocity
 * set-up of forms, codebook, indicator report and preview; and {@link
 * no.regforms.presentation.HtmlEscaping}, the one HTML escaper (the OWASP encoder).
 */
package no.regforms.presentation;
