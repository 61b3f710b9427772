package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code regforms check --languages}: every text without one of the languages, located; exit 2 when
 * any.
 */
class CheckLanguagesTest {

  @Test
  void check_languagesTheRegistryHas_ok() {
    Cli.Run run = Cli.run("check", "ect", "--languages", "nb,en");

    assertThat(run.exit()).as(run.both()).isZero();
    assertThat(run.out()).startsWith("ect 2026.1: ok:");
  }

  @Test
  void check_nynorskMissing_everyTextListedWithFileLineColumnAndPointer() {
    Cli.Run run = Cli.run("check", "ect", "--languages", "nb,nn,en");

    assertThat(run.exit()).isEqualTo(2);
    long listed =
        Arrays.stream(run.out().split("\n"))
            .filter(
                line ->
                    line.matches(
                        "[a-z0-9_/]+\\.json:\\d+:\\d+: error: text has no Norwegian Nynorsk version 'nn'; .*"))
            .count();
    assertThat(run.out())
        .contains(
            "registry.json:3:12: error: text has no Norwegian Nynorsk version 'nn'; add \"nn\" beside nb, en\n"
                + "    at /title\n");
    assertThat(run.out()).endsWith("ect: " + listed + " errors, 0 warnings\n");
    assertThat(listed).isGreaterThan(400);
  }

  @Test
  void check_unknownLanguage_usageError() {
    Cli.Run run = Cli.run("check", "ect", "--languages", "nb,de");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--languages takes nb, nn, en, se, not 'de'");
  }
}
