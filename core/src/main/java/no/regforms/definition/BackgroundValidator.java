package no.regforms.definition;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The Bean Validation validator of the definition model, started on a thread of its own: the
 * framework's start-up is about a quarter of a cold load (docs/performance.md), and the loader
 * needs the validator only after every file is read and checked against its schema, so the two
 * overlap. Each call waits for the start to finish, then delegates.
 */
final class BackgroundValidator implements Validator {

  private final CompletableFuture<Validator> started;

  BackgroundValidator() {
    this.started =
        CompletableFuture.supplyAsync(
            BackgroundValidator::start,
            task -> {
              Thread thread = new Thread(task, "regforms-validator-start");
              thread.setDaemon(true);
              thread.start();
            });
  }

  /** The model classes {@link FieldRuleChecker} validates. */
  private static final List<Class<?>> CHECKED =
      List.of(
          CodeList.class,
          Code.class,
          Form.class,
          Variable.class,
          Section.class,
          RepeatGroup.class,
          Note.class,
          Rule.class,
          Indicator.class);

  private static Validator start() {
    // The parameter interpolator needs no Expression Language implementation at run time.
    Validator validator =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    // The framework reads a class's constraints on its first use; read them here, off the loading
    // thread, rather than when the first form is checked (a quarter of a cold load's main thread).
    CHECKED.forEach(validator::getConstraintsForClass);
    return validator;
  }

  private Validator validator() {
    try {
      return started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) throw cause;
      if (e.getCause() instanceof Error error) throw error;
      throw e;
    }
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
    return validator().validate(object, groups);
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateProperty(
      T object, String propertyName, Class<?>... groups) {
    return validator().validateProperty(object, propertyName, groups);
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateValue(
      Class<T> beanType, String propertyName, Object value, Class<?>... groups) {
    return validator().validateValue(beanType, propertyName, value, groups);
  }

  @Override
  public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
    return validator().getConstraintsForClass(clazz);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return validator().unwrap(type);
  }

  @Override
  public ExecutableValidator forExecutables() {
    return validator().forExecutables();
  }
}
