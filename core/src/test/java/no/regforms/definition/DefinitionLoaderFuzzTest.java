package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.testing.FuzzDeadline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the definition loader with registry folders made from arbitrary bytes: the loader never
 * throws, and every issue names a file of the folder and, for a file that exists, a line or a JSON
 * pointer in it.
 *
 * <p>The bytes are a folder in a small text form: a line {@code @@ forms/visit.json} starts that
 * file, and the lines up to the next {@code @@ } line are its content (bytes before the first such
 * line are {@code registry.json}). Names outside a registry's layout are dropped. Without {@code
 * JAZZER_FUZZ} this replays the corpus under {@code DefinitionLoaderFuzzTestInputs}.
 */
class DefinitionLoaderFuzzTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();
  private static final Pattern FILE_NAME =
      Pattern.compile(
          "registry\\.json|organisations\\.json|(codelists|forms|indicators)/[A-Za-z0-9_.-]{1,40}\\.json");
  private static final String FILE_MARK = "@@ ";

  private static Path folder;

  @BeforeAll
  static void createFolder() throws IOException {
    folder = Files.createTempDirectory("regforms-fuzz-registry");
  }

  @AfterAll
  static void deleteFolder() {
    clear(folder);
  }

  @FuzzTest
  void load(byte[] input) {
    FuzzDeadline.within(() -> loadChecked(input));
  }

  private void loadChecked(byte[] input) throws IOException {
    clear(folder);
    Files.createDirectories(folder);
    unpack(new String(input, StandardCharsets.UTF_8), folder);

    LoadResult result = LOADER.load(folder);

    assertThat(result.registry().isPresent()).isNotEqualTo(result.hasErrors());
    result.diagnostics().issues().forEach(DefinitionLoaderFuzzTest::isLocated);
  }

  private static void isLocated(Issue issue) {
    assertThat(issue.location())
        .as(issue.toDisplayString())
        .isInstanceOfSatisfying(
            SourceLocation.class,
            location -> {
              assertThat(location.file()).as(issue.toDisplayString()).isNotEmpty();
              if (Files.isRegularFile(folder.resolve(location.file()))) {
                assertThat(location.hasPosition() || !location.jsonPointer().isEmpty())
                    .as(issue.toDisplayString())
                    .isTrue();
              }
            });
    assertThat(issue.toDisplayString()).doesNotContain("Exception", "\tat ");
  }

  /** Writes the files packed in {@code text} into {@code root}. */
  static void unpack(String text, Path root) throws IOException {
    String name = "registry.json";
    StringBuilder content = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(FILE_MARK)) {
        write(root, name, content);
        name = line.substring(FILE_MARK.length()).strip();
        content.setLength(0);
      } else {
        content.append(line).append('\n');
      }
    }
    write(root, name, content);
  }

  private static void write(Path root, String name, StringBuilder content) throws IOException {
    if (content.length() == 0 || !FILE_NAME.matcher(name).matches()) {
      return;
    }
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void clear(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(Comparator.reverseOrder())
          .filter(p -> !p.equals(root))
          .forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
