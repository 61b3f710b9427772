package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden-file corpus of broken registries: each folder under {@code definitions/invalid/} is a
 * small registry with one kind of mistake, and its {@code expected-issues.txt} holds the exact
 * {@code Diagnostics.toDisplayString()} the loader must print for it.
 *
 * <p>Run with {@code -Dregforms.updateGoldens=true} to rewrite every golden from the current
 * output; then read each changed golden before committing it.
 */
class InvalidDefinitionCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/definitions/invalid");
  private static final String GOLDEN = "expected-issues.txt";
  private static final boolean UPDATE = Boolean.getBoolean("regforms.updateGoldens");
  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(CORPUS)) {
      return folders
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void load_brokenRegistry_reportsGoldenIssues(String name) throws IOException {
    Path folder = CORPUS.resolve(name);
    AtomicReference<LoadResult> loaded = new AtomicReference<>();

    assertThatCode(() -> loaded.set(LOADER.load(folder))).doesNotThrowAnyException();
    LoadResult result = loaded.get();
    String display = result.diagnostics().toDisplayString();

    assertThat(result.hasErrors()).as("errors reported").isTrue();
    assertThat(result.registry()).as("no registry from a broken folder").isEmpty();
    assertThat(display)
        .as("no stack trace or exception in the output")
        .doesNotContain("Exception", "\tat ", "at java.", "at no.regforms.", "at com.", "at org.");
    for (Issue issue : result.diagnostics().issues()) {
      assertThat(issue.location()).isInstanceOf(SourceLocation.class);
      assertThat(((SourceLocation) issue.location()).file())
          .as("every issue names a file")
          .isNotEmpty();
    }

    Path golden = folder.resolve(GOLDEN);
    if (UPDATE) {
      Files.writeString(golden, display + "\n", StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; generate it with -Dregforms.updateGoldens=true").exists();
    assertThat(display).isEqualTo(normalise(Files.readString(golden, StandardCharsets.UTF_8)));
  }

  @Test
  void corpus_everyCaseFolder_hasGoldenAndRegistryFiles() throws IOException {
    List<String> names = cases().toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(45);
    for (String name : names) {
      if (!UPDATE) {
        // While goldens are being written, a new case may not have its golden yet.
        assertThat(CORPUS.resolve(name).resolve(GOLDEN)).exists();
      }
      if (!name.equals("registry_json_missing")) {
        assertThat(CORPUS.resolve(name).resolve("registry.json")).exists();
      }
    }
  }

  /** Line endings only: a checkout on Windows must not fail, and the file ends with one newline. */
  private static String normalise(String text) {
    String unix = text.replace("\r\n", "\n").replace('\r', '\n');
    return unix.endsWith("\n") ? unix.substring(0, unix.length() - 1) : unix;
  }
}
