package no.regforms.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.record.Record;
import no.regforms.record.RecordParser;
import no.regforms.validation.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XForm the JavaRosa benchmark runs for the MS inclusion form gives JavaRosa the same work:
 * JavaRosa accepts the generated records regforms accepts, rejects those planted with a missing
 * required value or a value out of range, and shows {@code ocb} exactly when regforms does.
 */
class MsInclusionXFormTest {

  @TempDir Path temp;

  @Test
  void msInclusion_generatedRecords_sameVerdictsInJavaRosa() throws Exception {
    Registry ms = DefinitionLoader.create().loadModule("ms").registryOrThrow();
    Form inclusion = ms.formOrThrow("inclusion");
    JavaRosaForm javaRosa = JavaRosaForm.parse(XFormWriter.write(ms, inclusion), inclusion);
    RecordValidator validator = RecordValidator.of(ms);
    Path file = temp.resolve("ms.jsonl");
    BenchData.run(
        "generate",
        "--registry",
        "ms",
        "--patients",
        "300",
        "--seed",
        "7",
        "--invalid",
        "0.3",
        "--out",
        file.toString());

    List<String> disagreements = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Record record = RecordParser.parse(line, ++number).record().orElseThrow();
        if (!record.form().equals("inclusion")) continue;
        boolean ours = validator.validate(record).isValid();
        boolean planted = line.contains("\"planted\"");
        if (planted
            && !line.contains("\"planted\":\"required\"")
            && !line.contains("\"planted\":\"out_of_range\"")) {
          continue; // faults of JSON types and keys: an XForm's typed fields cannot even hold them
        }
        boolean theirs = javaRosa.fillAndValidate(javaRosa.answers(record.values().asMap()));
        if (ours) valid++;
        else invalid++;
        if (ours != theirs)
          disagreements.add("line " + number + ": regforms " + ours + ", JavaRosa " + theirs);
        if (ours) {
          boolean ocbShown = Boolean.TRUE.equals(record.values().asMap().get("csf_done"));
          assertThat(javaRosa.relevance().get("ocb"))
              .as("ocb relevant on line %d", number)
              .isEqualTo(ocbShown);
        }
      }
    }
    assertThat(valid).isGreaterThan(100);
    assertThat(invalid).isGreaterThan(20);
    assertThat(disagreements).isEmpty();
  }
}
