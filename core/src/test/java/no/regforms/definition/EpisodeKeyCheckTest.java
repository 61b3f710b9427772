package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An episode indicator's key is checked at load: the registry names one, and the indicator's form
 * and every form it reads as rows have it as a text, code or number variable. Each problem is
 * located in the indicator file.
 */
class EpisodeKeyCheckTest {

  private static final Path PATHWAYS = Path.of("src/test/resources/registries/pathways");

  @TempDir Path folder;

  private List<Issue> errors(String file, String from, String to) throws IOException {
    try (Stream<Path> files = Files.walk(PATHWAYS)) {
      for (Path source : files.toList()) {
        Path target = folder.resolve(PATHWAYS.relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target);
      }
    }
    Path changed = folder.resolve(file);
    String text = Files.readString(changed);
    assertThat(text).contains(from);
    Files.writeString(changed, text.replace(from, to));
    return DefinitionLoader.create().load(folder).diagnostics().issues().stream()
        .filter(Issue::isError)
        .toList();
  }

  private static SourceLocation where(Issue issue) {
    return (SourceLocation) issue.location();
  }

  @Test
  void registry_withoutEpisodeKey_errorAtEachEpisodeIndicatorsSubject() throws IOException {
    List<Issue> errors = errors("registry.json", "\"episodeKey\": \"episode_id\",", "");
    assertThat(errors).hasSize(7).allMatch(i -> i.code() == IssueCode.MISSING_KEY);
    assertThat(where(errors.get(0)).jsonPointer()).isEqualTo("/subject");
    assertThat(where(errors.get(0)).file()).startsWith("indicators/episode_");
    assertThat(where(errors.get(0)).line()).isPositive();
  }

  @Test
  void rowForm_withoutTheKey_errorAtTheExpressionReadingIt() throws IOException {
    List<Issue> errors =
        errors("forms/followup.json", "\"variable\": \"episode_id\"", "\"variable\": \"episode\"");
    // The episode indicators that read followup: relapse in its denominator and numerator, five in
    // their value.
    assertThat(errors).hasSize(7).allMatch(i -> i.code() == IssueCode.UNKNOWN_VARIABLE);
    assertThat(errors)
        .extracting(i -> where(i).file() + where(i).jsonPointer())
        .contains(
            "indicators/episode_relapse.json/denominator",
            "indicators/episode_followups_sum.json/value");
    assertThat(errors.get(0).text("en")).contains("followup", "episode_id");
  }

  @Test
  void baseForm_keyOfWrongType_errorAtTheForm() throws IOException {
    List<Issue> errors =
        errors(
            "forms/course.json",
            "{\"variable\": \"episode_id\", \"type\": \"text\"",
            "{\"variable\": \"episode_id\", \"type\": \"date\"");
    assertThat(errors).hasSize(7).allMatch(i -> i.code() == IssueCode.TYPE_MISMATCH);
    assertThat(where(errors.get(0)).jsonPointer()).isEqualTo("/form");
  }
}
