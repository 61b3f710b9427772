package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.UnexpectedTypeException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.regforms.diagnostic.Issue;
import no.regforms.record.Record;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.TestRegistry;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link ValidRegistryRecord} under a real Hibernate Validator. */
class ValidRegistryRecordTest {

  /** The test registry folder, relative to the module (Maven runs tests there). */
  private static final String REGISTRY = "src/test/resources/registries/test";

  // No Expression Language implementation on the classpath: the parameter interpolator needs none.
  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @ValidRegistryRecord(folder = REGISTRY)
  static final class Submission implements RegistryRecordSource {
    private final Record record;

    Submission(Record record) {
      this.record = record;
    }

    @Override
    public Record toRecord() {
      return record;
    }
  }

  @ValidRegistryRecord(folder = REGISTRY, form = "visit", language = "en")
  static final class EnglishVisit implements RegistryRecordSource {
    private final Record record;

    EnglishVisit(Record record) {
      this.record = record;
    }

    @Override
    public Record toRecord() {
      return record;
    }
  }

  @ValidRegistryRecord(registry = "no_such_registry")
  static final class UnknownRegistry implements RegistryRecordSource {
    @Override
    public Record toRecord() {
      return TestRegistry.validVisit().build();
    }
  }

  @ValidRegistryRecord(registry = "test", folder = REGISTRY)
  static final class ModuleAndFolder implements RegistryRecordSource {
    @Override
    public Record toRecord() {
      return TestRegistry.validVisit().build();
    }
  }

  @ValidRegistryRecord(folder = REGISTRY, form = "baseline")
  static final class UnknownForm implements RegistryRecordSource {
    @Override
    public Record toRecord() {
      return TestRegistry.validVisit().build();
    }
  }

  @ValidRegistryRecord(folder = REGISTRY)
  static final class NotASource {}

  @AfterAll
  static void closeFactory() {
    FACTORY.close();
  }

  private static List<String> paths(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
  }

  @Test
  void validate_validRecord_hasNoViolations() {
    assertThat(VALIDATOR.validate(new Submission(TestRegistry.validVisit().build()))).isEmpty();
    assertThat(VALIDATOR.validate(new Submission(TestRegistry.validProm().build()))).isEmpty();
  }

  @Test
  void validate_invalidRecord_givesOneViolationPerErrorAtItsRecordPath() {
    Record record =
        TestRegistry.validVisit()
            .set("age", 130)
            .remove("sex")
            .setInRow("sessions", 2, "charge", new BigDecimal("2000"))
            .set("symptoms", List.of("pain", "itch"))
            .build();
    List<Issue> errors = TestRegistry.validator().validate(record).diagnostics().errors();

    Set<ConstraintViolation<Submission>> violations = VALIDATOR.validate(new Submission(record));

    assertThat(paths(violations))
        .containsExactlyInAnyOrder("age", "sex", "sessions[2].charge", "symptoms[2]");
    assertThat(paths(violations))
        .containsExactlyInAnyOrderElementsOf(errors.stream().map(IssuePaths::path).toList());
    assertThat(violations)
        .extracting(ConstraintViolation::getMessage)
        .containsExactlyInAnyOrderElementsOf(errors.stream().map(i -> i.text("nb")).toList());
  }

  @Test
  void validate_rowPath_isStructuredAsPropertyNodesInIterable() {
    Record record =
        TestRegistry.validVisit().setInRow("sessions", 2, "charge", new BigDecimal("2000")).build();

    ConstraintViolation<Submission> violation =
        VALIDATOR.validate(new Submission(record)).iterator().next();

    List<Path.Node> nodes = new ArrayList<>();
    violation.getPropertyPath().forEach(nodes::add);
    assertThat(nodes).extracting(Path.Node::getName).containsExactly("sessions", "charge");
    assertThat(nodes.get(1).isInIterable()).isTrue();
    assertThat(nodes.get(1).getIndex()).isEqualTo(2);
    assertThat(violation.getRootBeanClass()).isEqualTo(Submission.class);
    assertThat(violation.getConstraintDescriptor().getAnnotation())
        .isInstanceOf(ValidRegistryRecord.class);
  }

  @Test
  void validate_warningsOnly_haveNoViolations() {
    Record record =
        TestRegistry.validVisit()
            .set("weight", 300)
            .set("bmi", 99)
            .set("pregnant", true)
            .set("age", 60)
            .build();
    assertThat(TestRegistry.validator().validate(record).diagnostics().warnings())
        .hasSizeGreaterThanOrEqualTo(3);

    assertThat(VALIDATOR.validate(new Submission(record))).isEmpty();
  }

  @Test
  void validate_messageWithInterpolatorCharacters_isKeptAsWritten() {
    Record record = TestRegistry.validVisit().set("onset", "2024-06").build();

    Set<ConstraintViolation<EnglishVisit>> violations =
        VALIDATOR.validate(new EnglishVisit(record));

    assertThat(paths(violations)).containsExactlyInAnyOrder("onset", "visit_date");
    assertThat(violations)
        .extracting(ConstraintViolation::getMessage)
        .containsOnly("Onset {cannot} be after the $visit \\ check; rule onset_before_visit");
  }

  @Test
  void validate_languageEn_givesEnglishMessages() {
    Set<ConstraintViolation<EnglishVisit>> violations =
        VALIDATOR.validate(new EnglishVisit(TestRegistry.validVisit().remove("sex").build()));

    assertThat(violations)
        .extracting(ConstraintViolation::getMessage)
        .containsExactly("A value is required");
  }

  @Test
  void validate_recordOfOtherForm_givesViolationOnTheObjectItself() {
    Set<ConstraintViolation<EnglishVisit>> violations =
        VALIDATOR.validate(new EnglishVisit(TestRegistry.validProm().build()));

    assertThat(paths(violations)).containsExactly("");
  }

  @Test
  void validate_nullRecord_isValid() {
    assertThat(VALIDATOR.validate(new Submission(null))).isEmpty();
  }

  @Test
  void validate_registryThatDoesNotLoad_failsAsDeclarationError() {
    assertThatThrownBy(() -> VALIDATOR.validate(new UnknownRegistry()))
        .isInstanceOf(ValidationException.class)
        .hasStackTraceContaining("no_such_registry");
  }

  @Test
  void validate_bothModuleAndFolderGiven_failsAsDeclarationError() {
    assertThatThrownBy(() -> VALIDATOR.validate(new ModuleAndFolder()))
        .isInstanceOf(ValidationException.class)
        .hasStackTraceContaining("give exactly one of registry (a module id) and folder");
  }

  @Test
  void validate_formNotInRegistry_failsAsDeclarationError() {
    assertThatThrownBy(() -> VALIDATOR.validate(new UnknownForm()))
        .isInstanceOf(ValidationException.class)
        .hasStackTraceContaining("has no such form");
  }

  @Test
  void validate_annotatedClassNotARecordSource_failsAsUnexpectedType() {
    assertThatThrownBy(() -> VALIDATOR.validate(new NotASource()))
        .isInstanceOf(UnexpectedTypeException.class);
  }

  @Test
  void escape_interpolatorCharacters_areBackslashed() {
    assertThat(RegistryRecordConstraintValidator.escape("a{b}$c\\d"))
        .isEqualTo("a\\{b\\}\\$c\\\\d");
    assertThat(RegistryRecordConstraintValidator.escape("plain")).isEqualTo("plain");
  }
}
