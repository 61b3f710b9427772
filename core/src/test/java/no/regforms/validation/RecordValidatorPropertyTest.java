package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import no.regforms.definition.Form;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RecordPath;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;

/**
 * Garbage in, issues out: random JSON-like values for every variable of the test registry never
 * make the validator throw, never change its input, and never leak a value into a message.
 */
class RecordValidatorPropertyTest {

  private static final String SECRET = "ZZ_SECRET_93";
  private static final List<String> FORMS = List.of("visit", "prom");
  private static final List<String> LANGUAGES = List.of("nb", "en");

  @Property(tries = 250)
  void validate_randomValuesForEveryVariable_reportsIssuesNeverThrows(
      @ForAll("records") Record record) {
    RecordValues before = RecordValues.of(record.values().asMap());

    ValidationResult result = TestRegistry.validator().validate(record);

    assertThat(record.values()).isEqualTo(before);
    assertThat(result.diagnostics().issues())
        .allSatisfy(
            issue -> {
              assertThat(issue.location()).isInstanceOf(RecordPath.class);
              LANGUAGES.forEach(
                  language -> assertThat(issue.message().exactly(language)).isPresent());
            });
    assertThat(result.toString()).isNotBlank();
  }

  @Property(tries = 250)
  void validate_plantedValue_neverAppearsInAnyMessage(@ForAll("recordsWithSecret") Record record) {
    ValidationResult result = TestRegistry.validator().validate(record);

    for (Issue issue : result.diagnostics().issues()) {
      for (String language : LANGUAGES) {
        assertThat(issue.text(language)).doesNotContain(SECRET);
      }
      assertThat(issue.toDisplayString()).doesNotContain(SECRET);
    }
    assertThat(result.toString()).doesNotContain(SECRET);
  }

  @Provide
  Arbitrary<Record> records() {
    return Arbitraries.of(FORMS)
        .flatMap(form -> values(form, scalar()).map(values -> record(form, values)));
  }

  @Provide
  Arbitrary<Record> recordsWithSecret() {
    Arbitrary<Object> planted =
        Arbitraries.oneOf(
            Arbitraries.just(SECRET),
            Arbitraries.just(SECRET + "2024-05-02"),
            Arbitraries.just("AB" + SECRET),
            Arbitraries.just(Map.of("missing", SECRET)),
            Arbitraries.just(List.of("pain", SECRET)));
    return Arbitraries.of(FORMS)
        .flatMap(
            form ->
                Combinators.combine(
                        values(
                            form,
                            Arbitraries.frequencyOf(Tuple.of(3, scalar()), Tuple.of(2, planted))),
                        Arbitraries.of(names(form)),
                        planted)
                    .as(
                        (values, name, secret) -> {
                          Map<String, Object> withSecret = new LinkedHashMap<>(values);
                          withSecret.put(name, secret);
                          return record(form, withSecret);
                        }));
  }

  private static Record record(String form, Map<String, Object> values) {
    RecordBuilder builder = RecordBuilder.of(TestRegistry.ID, form);
    values.forEach(builder::set);
    return builder.build();
  }

  /**
   * Values for a random subset of the form's names (and a few unknown ones); rows for repeat
   * groups.
   */
  private static Arbitrary<Map<String, Object>> values(String formId, Arbitrary<Object> scalar) {
    Form form = TestRegistry.registry().forms().get(formId);
    List<String> names = names(formId);
    Arbitrary<Object> row =
        Arbitraries.maps(Arbitraries.of(rowNames(form)), scalar).ofMaxSize(5).map(m -> (Object) m);
    Arbitrary<Object> value =
        Arbitraries.frequencyOf(
            Tuple.of(6, scalar),
            Tuple.of(2, row.list().ofMaxSize(5).map(l -> (Object) l)),
            Tuple.of(1, scalar.list().ofMaxSize(4).map(l -> (Object) l)),
            Tuple.of(1, row));
    return Arbitraries.maps(Arbitraries.of(names), value).ofMaxSize(names.size());
  }

  private static List<String> names(String formId) {
    Form form = TestRegistry.registry().forms().get(formId);
    Set<String> names = new TreeSet<>(form.variables().keySet());
    names.addAll(form.repeats().keySet());
    names.addAll(rowNames(form));
    names.addAll(List.of("unknown_thing", "hieght", "basics"));
    return new ArrayList<>(names);
  }

  private static List<String> rowNames(Form form) {
    List<String> out = new ArrayList<>();
    for (RepeatGroup repeat : form.repeats().values()) {
      repeat.variables().stream().map(Variable::id).forEach(out::add);
    }
    out.add("no_such_member");
    return out;
  }

  /** JSON scalars, missing-value reasons and near-misses of every format the registry uses. */
  private static Arbitrary<Object> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of(
                "2024-02-30",
                "2024-05-02",
                "1999-12-31",
                "2999-01-01",
                "2023-11",
                "2023-13",
                "2024-05-02T10:30",
                "2024-05-02T25:61",
                "F32.2",
                "F32.9",
                "F33.9",
                "pain",
                "1",
                "2",
                "AB123",
                "",
                " ",
                "true",
                "12",
                "NaN",
                "today")
            .map(s -> (Object) s),
        Arbitraries.integers().between(-1000, 1000).map(i -> (Object) BigDecimal.valueOf(i)),
        Arbitraries.bigDecimals()
            .between(BigDecimal.valueOf(-100_000), BigDecimal.valueOf(100_000))
            .ofScale(3)
            .map(d -> (Object) d),
        Arbitraries.of(
                new BigDecimal("1E+30"),
                new BigDecimal("-1E-30"),
                new BigDecimal("0.5"),
                new BigDecimal("10.0"))
            .map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of("unknown", "not_asked", "declined", "lost", "nonsense")
            .map(r -> (Object) Map.of("missing", r)),
        Arbitraries.just(Map.of("missing", List.of("unknown"))).map(m -> (Object) m));
  }
}
