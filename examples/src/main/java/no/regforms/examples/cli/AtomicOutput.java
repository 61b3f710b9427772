package no.regforms.examples.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command's output, one file or one folder, written beside its target under a temporary name and
 * moved into place when complete. A reader never sees half a file, a run that fails leaves the
 * target as it was, and runs writing the same target at once leave one run's complete output.
 *
 * <p>An existing file, or a folder that is not empty, is replaced only with {@code --force}; a
 * folder is then replaced whole, so it holds exactly one run's files and nothing stale. Not
 * thread-safe; close it (which removes the temporary copy unless it was committed).
 */
final class AtomicOutput implements AutoCloseable {

  /** What the target is. */
  enum Kind {
    FILE,
    FOLDER
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ATTEMPTS = 20;

  private final CommandSpec spec;
  private final Path shown;
  private final Path target;
  private final Kind kind;
  private final boolean force;
  private final Path temp;
  private final Thread cleanUp;
  private boolean committed;

  private AtomicOutput(CommandSpec spec, Path shown, Kind kind, boolean force) throws IOException {
    this.spec = spec;
    this.shown = shown;
    this.target = shown.toAbsolutePath().normalize();
    this.kind = kind;
    this.force = force;
    Files.createDirectories(target.getParent());
    Path name = sibling("tmp");
    this.temp = kind == Kind.FILE ? Files.createFile(name) : Files.createDirectory(name);
    // An interrupted run (Ctrl-C, kill) leaves no temporary copy behind.
    this.cleanUp = new Thread(this::deleteTemp);
    Runtime.getRuntime().addShutdownHook(cleanUp);
  }

  /**
   * Checks {@code target} before any work: a file is not a folder and the other way round, an
   * existing file or a non-empty folder needs {@code force}, and its place can be written.
   */
  static void check(CommandSpec spec, Path target, Kind kind, boolean force) {
    if (kind == Kind.FILE && Files.isDirectory(target)) {
      throw usage(spec, "--out " + target + " is a folder; name the file to write");
    }
    if (kind == Kind.FOLDER && Files.exists(target) && !Files.isDirectory(target)) {
      throw usage(spec, "--out " + target + " is a file; name a folder");
    }
    if (!force && kind == Kind.FILE && Files.exists(target)) {
      throw usage(spec, "--out " + target + " exists; add --force to replace it");
    }
    if (!force && kind == Kind.FOLDER && !isEmptyOrAbsent(target)) {
      throw usage(
          spec,
          "--out "
              + target
              + " is not empty; name another folder, or add --force to replace it with this run's files");
    }
    Path existing = target.toAbsolutePath().normalize().getParent();
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw usage(
          spec,
          "--out "
              + target
              + ": cannot create it there"
              + (existing == null ? "" : " (" + existing + " is not a writable folder)"));
    }
  }

  /** Checks {@code target} and opens a temporary file beside it. */
  static AtomicOutput file(CommandSpec spec, Path target, boolean force) throws IOException {
    check(spec, target, Kind.FILE, force);
    return new AtomicOutput(spec, target, Kind.FILE, force);
  }

  /** Checks {@code target} and opens a temporary folder beside it. */
  static AtomicOutput folder(CommandSpec spec, Path target, boolean force) throws IOException {
    check(spec, target, Kind.FOLDER, force);
    return new AtomicOutput(spec, target, Kind.FOLDER, force);
  }

  /** Where to write: the temporary file, or the temporary folder. */
  Path path() {
    return temp;
  }

  /** {@code name} in the temporary folder. */
  Path resolve(String name) {
    return temp.resolve(name);
  }

  /**
   * The target as the user named it; {@code written}, a path in the temporary copy, as it will be.
   */
  Path shown(Path written) {
    return written.equals(temp) ? shown : shown.resolve(temp.relativize(written).toString());
  }

  /** The target as the user named it. */
  Path shown() {
    return shown;
  }

  /**
   * Moves the complete output into place.
   *
   * @throws ParameterException if another run created the target meanwhile and {@code --force} was
   *     not given
   */
  void commit() throws IOException {
    if (kind == Kind.FILE) commitFile();
    else commitFolder();
    committed = true;
    Runtime.getRuntime().removeShutdownHook(cleanUp);
  }

  private void commitFile() throws IOException {
    if (force) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try {
      // A hard link is created only if the name is free: no other run's file is ever replaced.
      Files.createLink(target, temp);
      Files.delete(temp);
    } catch (FileAlreadyExistsException e) {
      throw createdMeanwhile();
    } catch (UnsupportedOperationException | FileSystemException e) {
      try {
        Files.move(temp, target);
      } catch (FileAlreadyExistsException again) {
        throw createdMeanwhile();
      }
    }
  }

  private void commitFolder() throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Path old = null;
      if (Files.exists(target)) {
        if (!force && !isEmptyOrAbsent(target)) throw createdMeanwhile();
        old = sibling("old");
        try {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
          old = null; // another run moved it away first
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
        // Another run moved its folder into place between our two moves: try again.
      } finally {
        if (old != null) deleteTree(old);
      }
    }
    throw new IOException(
        "other runs kept replacing " + target + "; this run's output was not kept");
  }

  private ParameterException createdMeanwhile() {
    return usage(
        spec,
        "--out "
            + shown
            + " was created by another run meanwhile; this run's output was not kept "
            + "(add --force to replace it)");
  }

  private Path sibling(String purpose) {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return target.resolveSibling(
        "." + target.getFileName() + "." + purpose + "-" + HexFormat.of().formatHex(bytes));
  }

  private static boolean isEmptyOrAbsent(Path folder) {
    if (!Files.isDirectory(folder)) return !Files.exists(folder);
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return OptionChecks.usage(spec, message);
  }

  private void deleteTemp() {
    if (!committed) deleteTree(temp);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Nothing to remove, or it is already gone.
    }
  }

  @Override
  public void close() {
    if (committed) return;
    deleteTemp();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUp);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run.
    }
  }
}
