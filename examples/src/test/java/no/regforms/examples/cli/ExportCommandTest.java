package no.regforms.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportCommandTest {

  @TempDir Path temp;

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ect", "ms"})
  void export_allFormats_writesEveryFileAndItsNotes(String id) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        run(out, err, "export", "--registry", id, "--format", "all", "--out", temp.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(temp.resolve("helsedata/dataset.jsonld")).isRegularFile();
    assertThat(temp.resolve("helsedata/variables.csv")).isRegularFile();
    assertThat(temp.resolve("codebook/codebook.csv")).isRegularFile();
    assertThat(temp.resolve("codebook/codebook.html")).isRegularFile();
    assertThat(temp.resolve("redcap/data_dictionary.csv")).isRegularFile();
    assertThat(temp.resolve("jsonschema")).isDirectoryContaining("glob:**.schema.json");
    assertThat(temp.resolve("fhir")).isDirectoryContaining("glob:**/Questionnaire-*.json");
    assertThat(out.toString()).contains("jsonschema: ").contains("note: ");
  }

  @Test
  void export_registryWithoutOrganisationNumber_refusesHelsedataAndWritesTheRest() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        run(
            out,
            err,
            "export",
            "--registry",
            "kvarus",
            "--format",
            "all",
            "--out",
            temp.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .contains("registry.json:")
        .contains(": error: owner has no organisationNumber")
        .contains("helsedata: not exported");
    assertThat(temp.resolve("helsedata")).doesNotExist();
    assertThat(temp.resolve("codebook/codebook.csv")).isRegularFile();
    assertThat(temp.resolve("fhir")).isDirectoryContaining("glob:**/Questionnaire-*.json");
  }

  @Test
  void check_registryWithoutOrganisationNumber_warnsAtRegistryJsonAndStillLoads() {
    StringWriter out = new StringWriter();

    int exit = run(out, new StringWriter(), "check", "kvarus");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("registry.json:")
        .contains(": warning: owner has no organisationNumber")
        .contains("kvarus 2025.1: ok: ");
  }

  @Test
  void export_unknownFormat_exitsWithUsageError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        run(out, err, "export", "--registry", "ms", "--format", "pdf", "--out", temp.toString());

    assertThat(exit).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("unknown format 'pdf'");
  }
}
