package no.regforms.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A registry folder as it stood at a git revision, copied out of the repository with the {@code
 * git} command into a temporary folder ({@code git ls-tree} lists the files, {@code git show} reads
 * each).
 */
final class GitRevision {

  private GitRevision() {}

  /** Thrown when git cannot give the folder at the revision; the message says why. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  /** Copies {@code folder} at {@code revision} into {@code into}. */
  static void extract(Path folder, String revision, Path into) throws Failure, IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
    if (existing == null) throw new Failure("no folder " + folder);
    Path root = Path.of(git(existing, "rev-parse", "--show-toplevel").strip());
    String relative =
        root.relativize(existing.toRealPath()).toString().replace('\\', '/')
            + (existing.equals(absolute)
                ? ""
                : "/" + existing.relativize(absolute).toString().replace('\\', '/'));
    String prefix = relative.isEmpty() ? "" : relative + "/";
    List<String> files = new ArrayList<>();
    for (String line :
        git(root, "ls-tree", "-r", "--name-only", revision, "--", prefix.isEmpty() ? "." : prefix)
            .split("\n")) {
      if (!line.isBlank()) files.add(line);
    }
    if (files.isEmpty()) throw new Failure(revision + " has no folder " + relative);
    for (String file : files) {
      Path target = into.resolve(file.substring(prefix.length())).normalize();
      if (!target.startsWith(into)) continue;
      Files.createDirectories(target.getParent());
      Files.writeString(target, git(root, "show", revision + ":" + file), StandardCharsets.UTF_8);
    }
  }

  private static String git(Path directory, String... args) throws Failure, IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new Failure("cannot run git: " + e.getMessage());
    }
    String out;
    String err;
    try (InputStream stdout = process.getInputStream();
        InputStream stderr = process.getErrorStream()) {
      out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new Failure("git " + args[0] + " failed: " + err.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    }
    return out;
  }
}
