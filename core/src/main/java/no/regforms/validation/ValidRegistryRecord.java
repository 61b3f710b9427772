package no.regforms.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Jakarta Bean Validation constraint: the {@link RegistryRecordSource#toRecord() record} an object
 * holds must be valid for its registry, as {@link RecordValidator} judges it.
 *
 * <p>Put it on a class that implements {@link RegistryRecordSource}. Each <em>error</em> of the
 * record becomes one {@link jakarta.validation.ConstraintViolation}:
 *
 * <ul>
 *   <li>its property path is the record path, {@code sessions[2].charge} (row indexes are
 *       1-based, exactly as in {@link no.regforms.diagnostic.RecordPath}); an issue on the record
 *       as a whole has the empty path of the annotated object;
 *   <li>its message is the text in {@link #language()}, hint included, escaped so the
 *       message interpolator leaves it as it is;
 *   <li>{@link #message()} is not used.
 * </ul>
 *
 * <b>Warnings are not violations</b>: an implausible value or a warning rule leaves the object
 * valid, as it leaves the record valid. Use {@link RecordValidator} directly to show warnings.
 * Computed values are derived and checked, but not returned; an object whose record is {@code null}
 * is valid.
 *
 * <p>The registry is loaded once per constraint validator instance (the provider keeps one per
 * annotated class), when the validator is initialised. A registry that cannot be loaded, or a
 * {@link #form()} it does not have, is a mistake in the declaration and fails with a {@link
 * jakarta.validation.ConstraintDeclarationException} carrying every load issue; on a class that
 * does not implement {@link RegistryRecordSource} the provider reports an {@link
 * jakarta.validation.UnexpectedTypeException}.
 *
 * <pre>{@code
 * @ValidRegistryRecord(registry = "ect", form = "course")
 * public final class CourseSubmission implements RegistryRecordSource {
 *   private final Map<String, Object> values;
 *   CourseSubmission(Map<String, Object> values) { this.values = values; }
 *   public Record toRecord() { return Record.of("ect", "course", RecordValues.of(values)); }
 * }
 *
 * // Without an Expression Language implementation on the classpath, configure
 * // .messageInterpolator(new ParameterMessageInterpolator()) instead.
 * Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
 * for (ConstraintViolation<CourseSubmission> violation : validator.validate(submission)) {
 *   show(violation.getPropertyPath().toString(), violation.getMessage()); // "sessions[2].charge", "..."
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegistryRecordConstraintValidator.class)
public @interface ValidRegistryRecord {

  /**
   * The id of the definition module on the classpath that holds the registry (as {@link
   * no.regforms.definition.DefinitionLoader#loadModule(String)} takes it); leave it empty when
   * {@link #folder()} names the registry instead.
   */
  String registry() default "";

  /**
   * A registry folder on disk (a registry developer's working copy, as {@link
   * no.regforms.definition.DefinitionLoader#load(java.nio.file.Path)} takes it); empty (the
   * default) when {@link #registry()} names a module. Give exactly one of the two.
   */
  String folder() default "";

  /**
   * The form every record must be of; empty (the default) to take the form each record names. A
   * record of another form gets a {@code wrong_form} violation.
   */
  String form() default "";

  /** The language of the messages; empty (the default) for the registry's first language. */
  String language() default "";

  /** Not used: every violation carries the message of its issue. */
  String message() default "The record is not valid for its registry form";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
