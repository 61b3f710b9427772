package no.regforms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.RegistryTests;

/**
 * The hand-made records a definition module carries in its own tests ({@code tests/valid.json},
 * {@code tests/invalid.json}), for tests of commands and hosts that read records: one JSON text per
 * record, in file order, or a JSON Lines file of them.
 */
public final class SampleRecords {

  private SampleRecords() {}

  /** The records of {@code tests/<name>.json} of module {@code id}. */
  public static List<String> lines(String id, String name) {
    RegistryTests tests = DefinitionLoader.create().loadModuleTests(id);
    assertThat(tests.diagnostics().issues()).as(tests.diagnostics().toDisplayString()).isEmpty();
    String file = "tests/" + name + ".json";
    List<String> records =
        tests.files().stream()
            .filter(f -> f.file().equals(file))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("module '" + id + "' has no " + file))
            .records()
            .stream()
            .map(RegistryTests.RecordCase::record)
            .toList();
    assertThat(records).as(file).isNotEmpty();
    return records;
  }

  /** The same records as a JSON Lines file, {@code target/samples/<id>-<name>.jsonl}. */
  public static Path jsonl(String id, String name) {
    Path file = Path.of("target", "samples", id + "-" + name + ".jsonl").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(
          file, String.join("\n", lines(id, name)) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
