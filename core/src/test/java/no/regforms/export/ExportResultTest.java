package no.regforms.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportResultTest {

  @TempDir Path temp;

  @Test
  void writeTo_nestedNames_createsFoldersAndWritesUtf8() throws IOException {
    ExportResult result =
        new ExportResult(
            ExportFormat.CODEBOOK,
            List.of(new ExportFile("codebook/a.csv", "text/csv", "skjema_id;verditekst\nx;Søvn\n")),
            List.of());

    List<Path> written = result.writeTo(temp);

    assertThat(written).containsExactly(temp.resolve("codebook/a.csv"));
    assertThat(Files.readString(temp.resolve("codebook/a.csv"), StandardCharsets.UTF_8))
        .endsWith("x;Søvn\n");
  }

  @Test
  void exportFile_nameLeavingTheFolder_isRejected() {
    assertThatThrownBy(() -> new ExportFile("../x.csv", "text/csv", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("..");
    assertThatThrownBy(() -> new ExportFile("/etc/x", "text/csv", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fileOrThrow_unknownName_namesTheFilesThereAre() {
    ExportResult result =
        new ExportResult(
            ExportFormat.REDCAP,
            List.of(new ExportFile("redcap/d.csv", "text/csv", "")),
            List.of());

    assertThatThrownBy(() -> result.fileOrThrow("nope.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redcap/d.csv");
  }

  @Test
  void exportFormat_fromId_readsCommandLineNames() {
    assertThat(ExportFormat.fromId("JsonSchema")).contains(ExportFormat.JSONSCHEMA);
    assertThat(ExportFormat.fromId("pdf")).isEmpty();
    assertThat(ExportFormat.FHIR.id()).isEqualTo("fhir");
  }
}
