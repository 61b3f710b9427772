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
 * A host written as a named module of its own, compiled and run on the module path with the core,
 * this definition module and the libraries Maven gives a project that depends on it ({@code
 * target/runtime-classpath.txt}): it sees only the core's exported packages, and the registry is
 * found through the {@code RegistryModule} service as on the class path.
 */
class ModulePathEmbedderTest {

  private static final String MODULE_INFO =
      """
      module example.host {
        requires no.regforms.core;
      }
      """;

  private static final String HOST =
      """
      package example.host;

      import java.nio.file.Files;
      import java.nio.file.Path;
      import no.regforms.RegistryEngine;

      public final class Host {
        public static void main(String[] args) throws Exception {
          RegistryEngine ect = RegistryEngine.loadModule("ect");
          System.out.println(ect.validate(Files.readString(Path.of(args[0]))).diagnostics().toJson("en"));
        }
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** This module's classes and its runtime dependencies, the core among them. */
  private static String modulePath() throws IOException {
    String text =
        Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8)
            .strip();
    List<String> path = new ArrayList<>(Arrays.asList(text.split(File.pathSeparator)));
    path.add(0, Path.of("target", "classes").toString());
    return String.join(File.pathSeparator, path);
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /**
   * Compiles the host module from {@code host} with the JDK's javac; its messages, or empty when it
   * compiled.
   */
  private String compile(String host, Path classes) throws Exception {
    Path source = temp.resolve("src");
    Files.createDirectories(source.resolve("example/host"));
    Files.writeString(source.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(source.resolve("example/host/Host.java"), host);
    Process javac =
        new ProcessBuilder(
                tool("javac"),
                "--module-path",
                modulePath(),
                "-d",
                classes.toString(),
                source.resolve("module-info.java").toString(),
                source.resolve("example/host/Host.java").toString())
            .redirectErrorStream(true)
            .start();
    String messages = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return javac.exitValue() == 0 ? "" : messages;
  }

  @Test
  void namedHost_onTheModulePath_loadsTheRegistryAsAServiceAndValidates() throws Exception {
    Path classes = temp.resolve("classes");
    assertThat(compile(HOST, classes)).isEmpty();
    Path body =
        Files.writeString(temp.resolve("body.json"), SampleRecords.lines("ect", "invalid").get(0));

    Process process =
        new ProcessBuilder(
                tool("java"),
                "--module-path",
                classes + File.pathSeparator + modulePath(),
                "--module",
                "example.host/example.host.Host",
                body.toString())
            .redirectError(temp.resolve("stderr.txt").toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(Files.readString(temp.resolve("stderr.txt"))).isZero();
    JsonNode issues = JSON.readTree(out.split("\\R")[0]);
    assertThat(issues.get("errors").asInt()).isPositive();
    assertThat(issues.get("issues").get(0).get("code").asText()).isEqualTo("out_of_range");
  }

  @Test
  void namedHost_usingAnInternalPackage_doesNotCompile() throws Exception {
    String internal =
        HOST.replace(
            "import no.regforms.RegistryEngine;",
            "import no.regforms.RegistryEngine;\nimport no.regforms.expression.eval.Program;");

    String messages = compile(internal, temp.resolve("classes"));

    assertThat(messages).contains("no.regforms.expression.eval").contains("does not export it");
  }
}
