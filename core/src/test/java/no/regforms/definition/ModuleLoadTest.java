package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import no.regforms.diagnostic.IssueCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry packaged in a jar (a definition module) loads exactly as the same folder on disk: same
 * model, same issues at the same file, line, column and pointer.
 */
class ModuleLoadTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  @TempDir Path temp;

  /** A definition module whose resources are seen through the class loader given at creation. */
  private record JarModule(String id, String resourceRoot, ClassLoader classLoader)
      implements RegistryModule {}

  /**
   * A module found by {@link java.util.ServiceLoader}: it needs a no-argument constructor, so it
   * reads resources through the thread's context class loader, which the test points at the jar.
   */
  public static final class ServiceModule implements RegistryModule {
    /** Needed by {@link java.util.ServiceLoader}. */
    public ServiceModule() {}

    @Override
    public String id() {
      return "repeats";
    }

    @Override
    public String resourceRoot() {
      return "registries/repeats/";
    }

    @Override
    public ClassLoader classLoader() {
      return Thread.currentThread().getContextClassLoader();
    }
  }

  /** Writes {@code folder} into a new jar under {@code root}, with an optional service file. */
  private Path jar(Path folder, String root, boolean withService) throws IOException {
    Path jar = temp.resolve(folder.getFileName() + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      PackagedModules.putFolder(zip, folder, root);
      if (withService) {
        zip.putNextEntry(new JarEntry("META-INF/services/" + RegistryModule.class.getName()));
        zip.write((ServiceModule.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static URLClassLoader loaderOver(Path jar) throws IOException {
    return new URLClassLoader(
        new URL[] {jar.toUri().toURL()}, ModuleLoadTest.class.getClassLoader());
  }

  @Test
  void loadModule_validRegistryInJar_equalsTheFolderOnDisk() throws IOException {
    Path folder = ValidDefinitionCorpusTest.CORPUS.resolve("repeat_groups");
    Registry fromDisk = LOADER.load(folder).registryOrThrow();

    try (URLClassLoader classLoader = loaderOver(jar(folder, "registries/repeats", false))) {
      LoadResult fromJar = LOADER.load(new JarModule("repeats", "registries/repeats", classLoader));

      assertThat(fromJar.diagnostics().issues()).isEmpty();
      Registry registry = fromJar.registryOrThrow();
      assertThat(registry.id()).isEqualTo(fromDisk.id());
      assertThat(registry.forms().keySet()).isEqualTo(fromDisk.forms().keySet());
      Form jarForm = registry.forms().get("ect");
      Form diskForm = fromDisk.forms().get("ect");
      assertThat(jarForm.location()).isEqualTo(diskForm.location());
      assertThat(jarForm.variables().keySet())
          .containsExactlyElementsOf(diskForm.variables().keySet());
      assertThat(jarForm.graph().order()).isEqualTo(diskForm.graph().order());
      assertThat(jarForm.repeats().get("sessions").variables())
          .extracting(Variable::location)
          .isEqualTo(
              diskForm.repeats().get("sessions").variables().stream()
                  .map(Variable::location)
                  .toList());
    }
  }

  @Test
  void loadModule_brokenRegistryInJar_reportsTheSameIssuesAsOnDisk() throws IOException {
    Path folder = InvalidDefinitionCorpusTest.CORPUS.resolve("several_errors_in_several_files");
    LoadResult fromDisk = LOADER.load(folder);

    try (URLClassLoader classLoader = loaderOver(jar(folder, "registries/broken", false))) {
      LoadResult fromJar = LOADER.load(new JarModule("test", "/registries/broken/", classLoader));

      assertThat(fromJar.hasErrors()).isTrue();
      assertThat(fromJar.diagnostics()).isEqualTo(fromDisk.diagnostics());
      assertThat(fromJar.diagnostics().toDisplayString())
          .isEqualTo(fromDisk.diagnostics().toDisplayString());
    }
  }

  @Test
  void loadModule_rootWithoutRegistryJson_reportsMissingFile() throws IOException {
    Path folder = ValidDefinitionCorpusTest.CORPUS.resolve("minimal");

    try (URLClassLoader classLoader = loaderOver(jar(folder, "registries/minimal", false))) {
      LoadResult result =
          LOADER.load(new JarModule("minimal", "registries/elsewhere", classLoader));

      assertThat(result.registry()).isEmpty();
      assertThat(result.diagnostics().errors())
          .singleElement()
          .satisfies(
              issue -> {
                assertThat(issue.code()).isEqualTo(IssueCode.FILE_MISSING);
                assertThat(issue.text()).contains("minimal", "registries/elsewhere/registry.json");
              });
    }
  }

  @Test
  void loadById_moduleAnnouncedByServiceFile_isFoundAndLoaded() throws IOException {
    Path folder = ValidDefinitionCorpusTest.CORPUS.resolve("repeat_groups");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader classLoader = loaderOver(jar(folder, "registries/repeats", true))) {
      Thread.currentThread().setContextClassLoader(classLoader);

      assertThat(DefinitionLoader.module("repeats")).containsInstanceOf(ServiceModule.class);
      LoadResult result = LOADER.loadModule("repeats");

      assertThat(result.diagnostics().issues()).isEmpty();
      assertThat(result.registryOrThrow().forms()).containsOnlyKeys("ect");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void loadModule_idDiffersFromRegistryJson_reportsTheMismatch() throws IOException {
    Path folder = ValidDefinitionCorpusTest.CORPUS.resolve("minimal");

    try (URLClassLoader classLoader = loaderOver(jar(folder, "registries/minimal", false))) {
      LoadResult result = LOADER.load(new JarModule("other", "registries/minimal", classLoader));

      assertThat(result.registry()).isEmpty();
      assertThat(result.diagnostics().toDisplayString())
          .isEqualTo(
              "registry.json: error: module 'other' holds a registry with id 'minimal'; the module's id() and the id in "
                  + "registry.json must be the same\n    at /id");
    }
  }

  @Test
  void loadModule_sameJarFromManyThreadsAtOnce_everyLoadSucceeds() throws Exception {
    Path folder = ValidDefinitionCorpusTest.CORPUS.resolve("patient_indicators");
    try (URLClassLoader classLoader = loaderOver(jar(folder, "registries/patients", false))) {
      RegistryModule module = new JarModule("patients", "registries/patients", classLoader);
      int threads = 6;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<LoadResult>> results = new ArrayList<>();
        for (int i = 0; i < threads * 3; i++) {
          Callable<LoadResult> load =
              () -> {
                start.await();
                return LOADER.load(module);
              };
          results.add(pool.submit(load));
        }
        start.countDown();
        for (Future<LoadResult> result : results) {
          LoadResult loaded = result.get(60, TimeUnit.SECONDS);
          assertThat(loaded.diagnostics().issues())
              .as(loaded.diagnostics().toDisplayString())
              .isEmpty();
          assertThat(loaded.registryOrThrow().indicators()).hasSize(3);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
