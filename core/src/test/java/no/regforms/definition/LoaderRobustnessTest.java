package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.SourceLocation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged copies of valid definition files (cut short, a character dropped, a stray character
 * added, at many places) load without an exception, and every issue they raise is located in a
 * file. Bad input is reported, never thrown.
 */
class LoaderRobustnessTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();
  private static final int PLACES = 16;

  @TempDir Path temp;

  static Stream<Arguments> damages() {
    List<Arguments> out = new ArrayList<>();
    for (String file :
        List.of(
            "all_variable_types/forms/baseline.json",
            "repeat_groups/forms/ect.json",
            "patient_indicators/indicators/edss_in_year.json",
            "all_variable_types/registry.json")) {
      out.add(Arguments.of(file, "cut short"));
      out.add(Arguments.of(file, "character dropped"));
      out.add(Arguments.of(file, "stray quote"));
      out.add(Arguments.of(file, "stray brace"));
      out.add(Arguments.of(file, "stray letter"));
    }
    return out.stream();
  }

  private static IntFunction<String> damage(String text, String kind) {
    switch (kind) {
      case "cut short":
        return at -> text.substring(0, at);
      case "character dropped":
        return at -> text.substring(0, at) + text.substring(at + 1);
      case "stray quote":
        return at -> text.substring(0, at) + '"' + text.substring(at);
      case "stray brace":
        return at -> text.substring(0, at) + '}' + text.substring(at);
      default:
        return at -> text.substring(0, at) + 'x' + text.substring(at);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("damages")
  void load_damagedFile_reportsLocatedIssuesWithoutThrowing(String file, String kind)
      throws IOException {
    Path source = ValidDefinitionCorpusTest.CORPUS.resolve(file.substring(0, file.indexOf('/')));
    String relative = file.substring(file.indexOf('/') + 1);
    String text = Files.readString(source.resolve(relative), StandardCharsets.UTF_8);
    IntFunction<String> damaged = damage(text, kind);
    Path copy = copyOf(source);
    int broken = 0;

    for (int place = 0; place < PLACES; place++) {
      int at = (int) ((long) place * (text.length() - 1) / (PLACES - 1));
      Files.writeString(copy.resolve(relative), damaged.apply(at), StandardCharsets.UTF_8);
      AtomicReference<LoadResult> loaded = new AtomicReference<>();

      assertThatCode(() -> loaded.set(LOADER.load(copy)))
          .as("%s at %d", kind, at)
          .doesNotThrowAnyException();
      for (Issue issue : loaded.get().diagnostics().issues()) {
        assertThat(issue.location())
            .isInstanceOfSatisfying(
                SourceLocation.class,
                location -> assertThat(location.file()).as(issue.toDisplayString()).isNotEmpty());
        assertThat(issue.toDisplayString()).doesNotContain("Exception", "\tat ");
      }
      broken += loaded.get().hasErrors() ? 1 : 0;
    }
    assertThat(broken).as("most damage is noticed").isGreaterThan(PLACES / 4);
  }

  private Path copyOf(Path folder) throws IOException {
    Path target = Files.createTempDirectory(temp, folder.getFileName().toString());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = target.resolve(folder.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
    return target;
  }
}
