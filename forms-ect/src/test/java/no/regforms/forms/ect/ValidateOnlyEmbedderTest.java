package no.regforms.forms.ect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.regforms.testing.SampleRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that depends on this definition module and only validates gets the core's required
 * libraries and nothing of rendering, exports, imports or indicators (they are optional in the
 * core), and validating works on that classpath alone. The classpath is the one Maven resolves for
 * this module at run time ({@code target/runtime-classpath.txt}, written by the build).
 */
class ValidateOnlyEmbedderTest {

  /** Libraries of the optional parts, by file name prefix: none may reach a validating host. */
  private static final List<String> OPTIONAL =
      List.of(
          "poi",
          "velocity",
          "commons-csv",
          "jackson-dataformat-csv",
          "encoder",
          "commons-text",
          "commons-math3",
          "log4j",
          "xmlbeans",
          "commons-compress");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static List<String> runtimeClasspath() throws IOException {
    String text =
        Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8)
            .strip();
    return Arrays.asList(text.split(File.pathSeparator));
  }

  @Test
  void runtimeClasspath_ofAValidatingHost_holdsNoLibraryOfTheOptionalParts() throws IOException {
    List<String> names =
        runtimeClasspath().stream().map(entry -> Path.of(entry).getFileName().toString()).toList();

    assertThat(names).anyMatch(name -> name.startsWith("regforms-core") || name.equals("classes"));
    assertThat(names).anyMatch(name -> name.startsWith("jackson-databind"));
    assertThat(names).noneMatch(name -> OPTIONAL.stream().anyMatch(name::startsWith));
  }

  @Test
  void validatingHost_onlyTheRuntimeClasspath_validatesAndNamesWhatRenderingNeeds()
      throws Exception {
    Path body =
        Files.writeString(temp.resolve("body.json"), SampleRecords.lines("ect", "invalid").get(0));
    List<String> classpath = new ArrayList<>(runtimeClasspath());
    classpath.add(0, Path.of("target", "classes").toString());
    classpath.add(Path.of("target", "test-classes").toString());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                String.join(File.pathSeparator, classpath),
                ValidateOnlyHost.class.getName(),
                body.toString())
            .redirectError(temp.resolve("stderr.txt").toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(Files.readString(temp.resolve("stderr.txt"))).isZero();
    String[] lines = out.split("\\R");
    JsonNode issues = JSON.readTree(lines[0]);
    assertThat(issues.get("errors").asInt()).isPositive();
    assertThat(issues.get("issues").get(0).get("code").asText()).isEqualTo("out_of_range");
    assertThat(lines[1])
        .contains(
            "rendering forms needs org.apache.velocity:velocity-engine-core on the classpath");
  }
}
