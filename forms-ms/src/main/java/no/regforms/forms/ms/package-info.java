/**
 * The Norwegian MS Registry and Biobank as a regforms definition module: the definition is JSON
 * data under {@code registries/ms} (with its synthetic data profile, {@code synthetic.json}),
 * announced to {@link no.regforms.definition.DefinitionLoader} through {@link
 * no.regforms.forms.ms.MsModule}.
 */
package no.regforms.forms.ms;
