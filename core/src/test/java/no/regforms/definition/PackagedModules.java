package no.regforms.definition;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Registry folders loaded as a host loads a definition module: packaged in a jar on a class loader
 * of their own, through {@link DefinitionLoader#load(RegistryModule)}.
 */
final class PackagedModules {

  private PackagedModules() {}

  private record JarModule(String id, String resourceRoot, ClassLoader classLoader)
      implements RegistryModule {}

  /**
   * Loads {@code folder} with {@code loader} as module {@code id}, packaged in a jar made in {@code
   * temp}. The class loader is closed when the load returns: what the registry builds later comes
   * from what the load read.
   */
  static LoadResult load(DefinitionLoader loader, Path folder, String id, Path temp)
      throws IOException {
    String root = "packaged/" + id;
    Path jar = Files.createTempFile(temp, "module", ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      putFolder(zip, folder, root);
    }
    try (URLClassLoader classLoader =
        new URLClassLoader(
            new URL[] {jar.toUri().toURL()}, PackagedModules.class.getClassLoader())) {
      return loader.load(new JarModule(id, root, classLoader));
    }
  }

  /** Puts every file under {@code folder} into {@code zip}, under {@code root}. */
  static void putFolder(JarOutputStream zip, Path folder, String root) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(
            new JarEntry(root + "/" + folder.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
  }

  /**
   * Writes the schema digest of {@code folder} without checking it, as the build step never would:
   * the packaged load then trusts whatever the files say.
   */
  static void writeDigestUnchecked(Path folder) throws IOException {
    Files.writeString(
        folder.resolve(SchemaDigest.FILE), SchemaDigest.of(new DefinitionSource(folder)).text());
  }
}
