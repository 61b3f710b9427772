package no.regforms.examples.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application folder {@code mvn package} builds ({@code examples/target/regforms/regforms}) and
 * its zip: the folder runs from a copy elsewhere, holds no absolute path, keeps JMH and test
 * libraries out, and prints the build's version. Runs after {@code package} (failsafe).
 */
class DistributionIT {

  private static final Path FOLDER = Path.of(property("regforms.distribution"));
  private static final Path ARCHIVE = Path.of(property("regforms.archive"));
  private static final String VERSION = property("regforms.version");
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path MINIMAL =
      ROOT.resolve("core/src/test/resources/definitions/valid/minimal");

  @TempDir Path temp;

  record Run(int exit, String out, String err) {}

  private Run run(Path workingDirectory, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A copy of {@code source} at {@code target}, file modes kept. */
  private static Path copy(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Files.copy(
            file,
            target.resolve(source.relativize(file).toString()),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return target;
  }

  private Path copyOfTheFolder() throws IOException {
    return copy(FOLDER, temp.resolve("elsewhere").resolve("regforms"));
  }

  @Test
  void folder_hasLaunchersForUnixAndWindowsAndTheLibraries() throws IOException {
    assertThat(FOLDER.resolve("bin/regforms")).isExecutable();
    assertThat(Files.readString(FOLDER.resolve("bin/regforms.bat")))
        .contains("\r\n")
        .contains("%~dp0");
    assertThat(libraries())
        .anyMatch(name -> name.startsWith("regforms-examples-" + VERSION))
        .anyMatch(name -> name.startsWith("picocli-"))
        .noneMatch(name -> name.startsWith("jmh-") || name.startsWith("jopt-simple-"))
        .noneMatch(
            name ->
                name.startsWith("junit-")
                    || name.startsWith("assertj-")
                    || name.startsWith("selenium-"));
  }

  @Test
  void folder_namesNoAbsolutePath() throws IOException {
    for (String launcher : List.of("bin/regforms", "bin/regforms.bat")) {
      String text = Files.readString(FOLDER.resolve(launcher));
      assertThat(text)
          .as(launcher)
          .doesNotContain(ROOT.toString())
          .doesNotContain(".m2")
          .doesNotContain(System.getProperty("user.home") + "/");
    }
  }

  @Test
  void copyInAnotherDirectory_printsTheVersionFromTheManifest() throws Exception {
    Path copy = copyOfTheFolder();

    Run run = run(temp, copy.resolve("bin/regforms").toString(), "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("regforms " + VERSION);
  }

  @Test
  void copyInAnotherDirectory_checksAModuleAndAFolder() throws Exception {
    Path copy = copyOfTheFolder();
    copy(MINIMAL, temp.resolve("work").resolve("my-registry"));

    Run module = run(temp, copy.resolve("bin/regforms").toString(), "check", "ect");
    Run disk =
        run(temp.resolve("work"), copy.resolve("bin/regforms").toString(), "check", "my-registry");

    assertThat(module.exit()).as(module.err()).isZero();
    assertThat(module.out()).startsWith("ect ").contains(": ok: ");
    assertThat(module.err()).isEmpty();
    assertThat(disk.exit()).as(disk.err()).isZero();
    assertThat(disk.out()).startsWith("minimal ").contains(": ok: ");
  }

  @Test
  void copyInAnotherDirectory_archivesClassesOnTheFirstRunAndMapsThemAfter() throws Exception {
    Path copy = copyOfTheFolder();
    deleteArchives(copy);
    String launcher = copy.resolve("bin/regforms").toString();

    Run first = run(temp, launcher, "check", "ect");
    List<Path> archives = archives(copy);
    Run second =
        run(temp, "sh", "-c", "JAVA_OPTS=-Xlog:class+load=info exec \"$0\" check ect", launcher);

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(archives).hasSize(1);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("shared objects file (top)").contains(": ok: ");
  }

  @Test
  void copyWithABrokenArchive_runsWithoutIt() throws Exception {
    Path copy = copyOfTheFolder();
    run(temp, copy.resolve("bin/regforms").toString(), "--version");
    for (Path archive : archives(copy)) {
      archive.toFile().setWritable(true);
      Files.write(archive, new byte[] {1, 2, 3});
    }

    Run run = run(temp, copy.resolve("bin/regforms").toString(), "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("regforms " + VERSION);
    assertThat(run.err()).isEmpty();
  }

  private static List<Path> archives(Path folder) throws IOException {
    Path cds = folder.resolve("cds");
    if (!Files.isDirectory(cds)) return List.of();
    try (Stream<Path> files = Files.list(cds)) {
      return files.toList();
    }
  }

  private static void deleteArchives(Path folder) throws IOException {
    for (Path archive : archives(folder)) {
      Files.delete(archive);
    }
  }

  @Test
  void folderNamedLikeAModule_doesNotShadowItSilently() throws Exception {
    Path work = temp.resolve("work");
    copy(MINIMAL, work.resolve("ms"));
    String launcher = FOLDER.resolve("bin/regforms").toString();

    Run bare = run(work, launcher, "check", "ms");
    Run dotted = run(work, launcher, "check", "./ms");

    assertThat(bare.out()).startsWith("ms ").contains(": ok: ");
    assertThat(bare.err())
        .contains(
            "note: 'ms' is the registry module ms; to load the folder of that name, write ./ms");
    assertThat(dotted.out()).startsWith("minimal ").contains(": ok: ");
    assertThat(dotted.err()).doesNotContain("note:");
  }

  @Test
  void rootLauncher_runsTheBuiltFolder() throws Exception {
    Run run = run(temp, ROOT.resolve("regforms").toString(), "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("regforms " + VERSION);
  }

  @Test
  void archive_holdsTheFolderUnderOneBaseDirectoryWithAnExecutableLauncher() throws IOException {
    List<String> folderEntries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(FOLDER)) {
      files
          .filter(Files::isRegularFile)
          // cds/ is the launcher's class-data-sharing archive, made by a run, not shipped
          .filter(file -> !FOLDER.relativize(file).startsWith("cds"))
          .forEach(file -> folderEntries.add("regforms/" + FOLDER.relativize(file)));
    }
    try (ZipFile zip = new ZipFile(ARCHIVE.toFile())) {
      List<String> entries =
          zip.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName()).toList();
      assertThat(entries).containsExactlyInAnyOrderElementsOf(folderEntries);
    }
    try (org.apache.commons.compress.archivers.zip.ZipFile zip =
        org.apache.commons.compress.archivers.zip.ZipFile.builder()
            .setFile(ARCHIVE.toFile())
            .get()) {
      int mode = zip.getEntry("regforms/bin/regforms").getUnixMode();
      assertThat(mode & 0111).as("execute bits of bin/regforms: %o", mode).isEqualTo(0111);
    }
  }

  private static List<String> libraries() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER.resolve("lib"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  /** A property the failsafe configuration in examples/pom.xml sets. */
  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run through mvn verify");
    }
    return value;
  }
}
