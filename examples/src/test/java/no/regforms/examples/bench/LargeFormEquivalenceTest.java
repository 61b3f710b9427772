package no.regforms.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large generated form is one form to regforms and JavaRosa: on a sample of records, the
 * description, regforms and JavaRosa decide the same relevance for every one of its 551 variables,
 * and regforms and JavaRosa the same validity.
 */
class LargeFormEquivalenceTest {

  @TempDir Path temp;

  @Test
  void largeForm_sampleRecords_sameRelevanceInDescriptionRegformsAndJavaRosa() throws Exception {
    GeneratedForm description = GeneratedForm.large(551, 420, 1);
    LoadResult loaded =
        DefinitionLoader.create().load(description.writeRegistry(temp.resolve("large")));
    assertThat(loaded.diagnostics().errors()).isEmpty();
    Registry registry = loaded.registryOrThrow();
    Form form = registry.formOrThrow("large");
    assertThat(form.variables()).hasSize(551);
    assertThat(form.variables().values().stream().filter(v -> v.visibleIf().isPresent()))
        .hasSize(420);
    JavaRosaForm javaRosa = JavaRosaForm.parse(XFormWriter.write(registry, form), form);
    RecordValidator validator = RecordValidator.of(registry);

    SplittableRandom random = new SplittableRandom(11);
    long relevant = 0;
    long decided = 0;
    int valid = 0;
    for (int n = 0; n < 60; n++) {
      Map<String, Object> values = description.fill(random, n % 2 == 0 ? 0 : 0.02);
      Map<String, Boolean> expected = new LinkedHashMap<>();
      for (GeneratedForm.Item item : description.items())
        expected.put(item.id(), GeneratedForm.relevant(item, values));

      ValidationResult ours =
          validator.validate(Record.of("large", "large", RecordValues.of(values)));
      boolean theirs = javaRosa.fillAndValidate(javaRosa.answers(values));
      assertThat(regformsRelevance(ours, values, expected.keySet()))
          .as("regforms, record %d", n)
          .isEqualTo(expected);
      assertThat(javaRosa.relevance()).as("JavaRosa, record %d", n).isEqualTo(expected);
      assertThat(theirs).as("validity, record %d", n).isEqualTo(ours.isValid());
      relevant += expected.values().stream().filter(b -> b).count();
      decided += expected.size();
      if (ours.isValid()) valid++;
    }
    // The skip logic matters: neither (almost) everything nor (almost) nothing is shown.
    assertThat((double) relevant / decided).isBetween(0.25, 0.85);
    assertThat(valid).isEqualTo(30);
  }

  /**
   * regforms' relevance verdicts, read from its issues: every variable is required, so a shown one
   * without a value is reported {@code required}, and a hidden one with a value {@code
   * hidden_value}.
   */
  private static Map<String, Boolean> regformsRelevance(
      ValidationResult result, Map<String, Object> values, Set<String> ids) {
    Set<String> required = new HashSet<>();
    Set<String> hidden = new HashSet<>();
    for (Issue issue : result.diagnostics().issues()) {
      String path = ((RecordPath) issue.location()).path();
      if (issue.code() == IssueCode.REQUIRED) required.add(path);
      if (issue.code() == IssueCode.HIDDEN_VALUE) hidden.add(path);
    }
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String id : ids)
      out.put(id, values.containsKey(id) ? !hidden.contains(id) : required.contains(id));
    return out;
  }
}
