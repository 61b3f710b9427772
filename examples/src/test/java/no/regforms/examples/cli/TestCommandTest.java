package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.regforms.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code regforms test}: the registries' own tests pass; a failing case and a broken test file are
 * located.
 */
class TestCommandTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms", "kvarus"})
  void test_module_allCasesPassExitZero(String id) {
    Cli.Run run = Cli.run("test", id);

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.out()).matches(id + ": \\d+ cases in 2 test files, all passed\\n");
  }

  @Test
  void test_failingCase_locatedInTheTestFileExitOne() throws IOException {
    Path folder = copyOfMs();
    Path file = folder.resolve("tests/valid.json");
    String text = Files.readString(file);
    // The first record case now claims an issue its record does not give.
    Files.writeString(
        file,
        text.replaceFirst(
            "\"name\": \"inc-0001\",", "\"name\": \"inc-0001\", \"issues\": [\"required\"],"));

    Cli.Run run = Cli.run("test", folder.toString());

    assertThat(run.exit()).as(run.both()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "tests/valid.json:6:38: error: 'inc-0001' should give required, but it does not; it gives no issue\n"
                + "    at /records/0/issues/0\n")
        .endsWith(", 1 failed (1 failure)\n");
  }

  @Test
  void testAndCheck_brokenTestFile_locatedExitTwo() throws IOException {
    Path folder = copyOfMs();
    Files.writeString(
        folder.resolve("tests/broken.json"),
        "{\"records\": [{\"name\": \"x\", \"record\": {\"values\": {}}}]}\n");

    Cli.Run test = Cli.run("test", folder.toString());
    Cli.Run check = Cli.run("check", folder.toString());

    assertThat(test.exit()).isEqualTo(2);
    assertThat(test.err())
        .contains(
            "tests/broken.json:1:38: error: missing required key 'form'; add \"form\"\n    at /records/0/record");
    assertThat(check.exit()).isEqualTo(2);
    assertThat(check.out()).contains("tests/broken.json:1:38: error: missing required key 'form'");
  }

  private Path copyOfMs() throws IOException {
    return Folders.copy(
        Cli.ROOT.resolve("forms-ms/src/main/resources/registries/ms"), temp.resolve("ms-copy"));
  }
}
