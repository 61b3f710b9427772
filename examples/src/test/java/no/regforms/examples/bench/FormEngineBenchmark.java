package no.regforms.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordParser;
import no.regforms.record.RecordValues;
import no.regforms.validation.RecordValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One record of a whole form validated by regforms, and filled and validated by JavaRosa on the
 * equivalent XForm ({@link XFormWriter}): the MS inclusion form on generated records, and the
 * generated large form ({@link GeneratedForm#large}). Both sides start from a record already read
 * (regforms' {@link Record}, JavaRosa's answers); setup checks that both accept every record.
 * JavaRosa is timed two ways, as a saved form is opened ({@link JavaRosaForm#fillAndValidate}) and
 * as answers are entered ({@link JavaRosaForm#enterAndValidate}); the report takes the faster.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormEngineBenchmark {

  /** {@code ms_inclusion} or {@code large}. */
  @Param({"ms_inclusion", "large"})
  public String form;

  /** A JSON Lines file of MS records (for {@code ms_inclusion}). */
  @Param("")
  public String records;

  /** A folder for the large form's registry (for {@code large}). */
  @Param("")
  public String work;

  private static final int LARGE_RECORDS = 50;

  private RecordValidator validator;
  private JavaRosaForm javaRosa;
  private final List<Record> ours = new ArrayList<>();
  private final List<JavaRosaForm.Answers> theirs = new ArrayList<>();
  private int next;

  @Setup
  public void setUp() throws IOException {
    Registry registry;
    if (form.equals("large")) {
      GeneratedForm large = GeneratedForm.large(551, 420, 1);
      registry =
          DefinitionLoader.create()
              .load(large.writeRegistry(Path.of(work, "large-form")))
              .registryOrThrow();
      SplittableRandom random = new SplittableRandom(5);
      for (int i = 0; i < LARGE_RECORDS; i++)
        ours.add(Record.of("large", "large", RecordValues.of(large.fill(random, 0))));
    } else {
      registry = DefinitionLoader.create().loadModule("ms").registryOrThrow();
      try (BufferedReader in = Files.newBufferedReader(Path.of(records), StandardCharsets.UTF_8)) {
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          Record record = RecordParser.parse(line, ++number).record().orElseThrow();
          if (record.form().equals("inclusion")) ours.add(record);
        }
      }
    }
    Form definition = registry.formOrThrow(form.equals("large") ? "large" : "inclusion");
    validator = RecordValidator.of(registry);
    javaRosa = JavaRosaForm.parse(XFormWriter.write(registry, definition), definition);
    for (Record record : ours) {
      JavaRosaForm.Answers answers = javaRosa.answers(record.values().asMap());
      if (!validator.validate(record).isValid() || !javaRosa.fillAndValidate(answers)) {
        throw new IllegalStateException(
            form + ": a benchmark record is not valid for both engines");
      }
      theirs.add(answers);
    }
  }

  private int nextIndex() {
    int index = next;
    next = (next + 1) % ours.size();
    return index;
  }

  @Benchmark
  public Object regforms() {
    return validator.validate(ours.get(nextIndex()));
  }

  @Benchmark
  public boolean javaRosaEntry() {
    return javaRosa.enterAndValidate(theirs.get(nextIndex()));
  }

  @Benchmark
  public boolean javaRosa() {
    return javaRosa.fillAndValidate(theirs.get(nextIndex()));
  }
}
