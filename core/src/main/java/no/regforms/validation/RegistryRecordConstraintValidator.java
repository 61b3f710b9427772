package no.regforms.validation;

import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;

/**
 * The validator behind {@link ValidRegistryRecord}; the Bean Validation provider creates it, host
 * applications do not call it.
 *
 * <p>Public only because the provider instantiates it reflectively. One instance serves one
 * annotation: {@link #initialize} loads the registry once, after which the instance is immutable
 * and thread-safe (the provider shares it across threads).
 */
public final class RegistryRecordConstraintValidator
    implements ConstraintValidator<ValidRegistryRecord, RegistryRecordSource> {

  private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)]");

  private RecordValidator validator;
  private String form;
  private String language;

  /** Called by the Bean Validation provider. */
  public RegistryRecordConstraintValidator() {}

  /**
   * Loads the annotation's registry.
   *
   * @throws ConstraintDeclarationException if the registry does not load or lacks the named form
   */
  @Override
  public void initialize(ValidRegistryRecord annotation) {
    boolean byModule = !annotation.registry().isEmpty();
    if (byModule == !annotation.folder().isEmpty()) {
      throw new ConstraintDeclarationException(
          "@ValidRegistryRecord: give exactly one of registry (a module id) and folder");
    }
    LoadResult loaded =
        byModule
            ? DefinitionLoader.create().loadModule(annotation.registry())
            : DefinitionLoader.create().load(Path.of(annotation.folder()));
    if (loaded.hasErrors()) {
      throw new ConstraintDeclarationException(
          "@ValidRegistryRecord("
              + (byModule ? "registry" : "folder")
              + " = \""
              + (byModule ? annotation.registry() : annotation.folder())
              + "\"): the registry does not load:\n"
              + loaded.diagnostics().toDisplayString());
    }
    Registry registry = loaded.registryOrThrow();
    if (!annotation.form().isEmpty() && registry.form(annotation.form()).isEmpty()) {
      throw new ConstraintDeclarationException(
          "@ValidRegistryRecord(form = \""
              + annotation.form()
              + "\"): registry '"
              + registry.id()
              + "' has no such form; its forms: "
              + String.join(", ", registry.forms().keySet()));
    }
    this.validator = RecordValidator.of(registry);
    this.form = annotation.form();
    this.language =
        annotation.language().isEmpty() ? registry.languages().get(0) : annotation.language();
  }

  @Override
  public boolean isValid(RegistryRecordSource source, ConstraintValidatorContext context) {
    if (source == null) return true;
    Record record = source.toRecord();
    if (record == null) return true;
    ValidationResult result =
        form.isEmpty() ? validator.validate(record) : validator.validate(record, form);
    List<Issue> errors = result.diagnostics().errors();
    if (errors.isEmpty()) return true;
    context.disableDefaultConstraintViolation();
    for (Issue issue : errors) {
      String path = issue.location() instanceof RecordPath recordPath ? recordPath.path() : "";
      addViolation(
          context.buildConstraintViolationWithTemplate(escape(issue.text(language))), path);
    }
    return false;
  }

  /** Escapes what the message interpolator would read as parameters or expressions. */
  static String escape(String message) {
    StringBuilder out = new StringBuilder(message.length() + 8);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\\' || c == '{' || c == '}' || c == '$') out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  /** One step of a record path: a name, and the 1-based row or element index after it if any. */
  private record Step(String name, Integer index) {
    static List<Step> parse(String path) {
      List<Step> steps = new ArrayList<>();
      if (path.isEmpty()) return steps;
      for (String part : path.split("\\.", -1)) {
        Matcher indexed = INDEXED.matcher(part);
        steps.add(
            indexed.matches()
                ? new Step(indexed.group(1), Integer.valueOf(indexed.group(2)))
                : new Step(part, null));
      }
      return steps;
    }
  }

  /**
   * Adds the violation at {@code path}: {@code sessions[2].charge} becomes the property node {@code
   * sessions}, then {@code charge} in iterable at index 2; {@code symptoms[2]} ends with a bean
   * node at index 2, as Bean Validation paths a list element.
   */
  private static void addViolation(ConstraintViolationBuilder builder, String path) {
    List<Step> steps = Step.parse(path);
    if (steps.isEmpty()) {
      builder.addConstraintViolation();
      return;
    }
    NodeBuilderCustomizableContext node = builder.addPropertyNode(steps.get(0).name());
    NodeBuilderDefinedContext defined = null;
    Integer pending = steps.get(0).index();
    for (Step step : steps.subList(1, steps.size())) {
      node =
          defined != null
              ? defined.addPropertyNode(step.name())
              : node.addPropertyNode(step.name());
      defined = pending == null ? null : node.inIterable().atIndex(pending);
      pending = step.index();
    }
    if (pending != null) {
      (defined != null ? defined.addBeanNode() : node.addBeanNode())
          .inIterable()
          .atIndex(pending)
          .addConstraintViolation();
    } else if (defined != null) {
      defined.addConstraintViolation();
    } else {
      node.addConstraintViolation();
    }
  }
}
