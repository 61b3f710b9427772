/**
 * The regforms engine: a registry defined as JSON data, loaded and checked, and the validators,
 * forms, indicator results and metadata exports generated from it.
 *
 * <p>Exported: the entry point ({@link no.regforms.RegistryEngine}) and one package per concept.
 * Not exported: the expression language's type checker, evaluator and JavaScript emitter ({@code
 * expression.checker}, {@code expression.eval}, {@code expression.js}), reached through {@link
 * no.regforms.expression.CompiledExpression} and the renderer.
 *
 * <p>Definition modules announce their registries as {@link no.regforms.definition.RegistryModule}
 * services, found on the module path and the class path alike.
 *
 * <p>The module is open: Hibernate Validator, Jackson and Velocity read the model and the pages'
 * view records by reflection, and Velocity and the resource bundle read the templates, schemas and
 * message catalogues as resources. Opening grants reflection only; compiling against the module
 * sees the exported packages alone.
 *
 * <p>The libraries marked {@code static} serve one part each and are optional (see {@code
 * docs/embedding.md}); a part called without its library names the missing one.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
open module no.regforms.core {
  exports no.regforms;
  exports no.regforms.diagnostic;
  exports no.regforms.expression;
  exports no.regforms.expression.parser;
  exports no.regforms.definition;
  exports no.regforms.record;
  exports no.regforms.presentation;
  exports no.regforms.validation;
  exports no.regforms.render;
  exports no.regforms.export;
  exports no.regforms.indicator;
  exports no.regforms.importer;
  exports no.regforms.migration;
  exports no.regforms.diff;
  exports no.regforms.registrytest;
  exports no.regforms.extract;
  exports no.regforms.sql;
  exports no.regforms.synthetic;

  uses no.regforms.definition.RegistryModule;

  // Types of these appear in the API (JsonNode records, the Bean Validation constraint).
  requires transitive com.fasterxml.jackson.databind;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  // Hibernate Validator's own dependency; it is an automatic module, which cannot require it, so
  // without this nothing on the module path would resolve it.
  requires com.fasterxml.classmate;
  requires org.slf4j;
  // Without a module name of their own: the names are derived from the jar file names.
  requires everit.json.schema;
  requires org.json;
  requires re2j;
  requires transitive java.sql;
  requires static org.apache.commons.csv;
  requires static com.fasterxml.jackson.dataformat.csv;
  requires static org.apache.poi.poi;
  requires static org.apache.poi.ooxml;
  requires static commons.math3;
  requires static encoder;
  requires static velocity.engine.core;
  requires static duckdb.jdbc;
}
