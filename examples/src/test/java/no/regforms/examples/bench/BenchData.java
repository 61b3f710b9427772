package no.regforms.examples.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import no.regforms.examples.cli.Main;

/**
 * The generated MS data every benchmark reads, made by the command line's own {@code generate} and
 * kept in the work folder, so a second run reuses it (a file is named after its size and seeds).
 * The data lives in a folder named after a fingerprint of what {@code generate} makes today (a few
 * patients' records, hashed): a change to the MS definition or to the generator starts a new folder
 * and deletes the stale one, so no run measures records the current definition rejects.
 *
 * <p>Large files are made of chunks generated in parallel, each with its own seed; each chunk's
 * patient keys get their own first letter ({@code a-000001}, {@code b-000001}, ...) so the
 * concatenation stays sorted by patient, as {@code generate} writes it.
 */
final class BenchData {

  private final BenchConfig config;
  private Path folder;

  BenchData(BenchConfig config) {
    this.config = config;
  }

  /**
   * The folder of the data the current definition and generator make; stale folders are removed.
   */
  private Path folder() {
    if (folder != null) return folder;
    try {
      Path probe = Files.createTempFile(config.work(), "fingerprint", ".jsonl");
      run(
          "generate",
          "--registry",
          "ms",
          "--patients",
          "3",
          "--seed",
          "1",
          "--out",
          probe.toString(),
          "--force"); // the probe file was just created empty, and generate keeps existing files
      // without --force
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(probe));
      Files.delete(probe);
      String name = "ms-data-" + HexFormat.of().formatHex(digest, 0, 6);
      try (Stream<Path> entries = Files.list(config.work())) {
        for (Path stale :
            entries
                .filter(
                    p ->
                        p.getFileName().toString().startsWith("ms-")
                            && !p.getFileName().toString().equals(name))
                .toList()) {
          deleteRecursively(stale);
        }
      }
      folder = Files.createDirectories(config.work().resolve(name));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** MS records of {@code patients} patients, sorted by patient. */
  Path msRecords(int patients) {
    Path file = folder().resolve("ms-" + patients + "-patients-chunk" + config.chunk() + ".jsonl");
    if (Files.isRegularFile(file)) return file;
    int chunks = Math.max(1, patients / config.chunk());
    if (chunks > 26 || chunks * config.chunk() != patients) {
      throw new IllegalArgumentException(
          patients + " patients is not a whole number (at most 26) of chunks of " + config.chunk());
    }
    List<Path> parts = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(chunks, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<Path>> pending = new ArrayList<>();
      for (int i = 0; i < chunks; i++) {
        int index = i;
        pending.add(pool.submit(() -> chunk(index)));
      }
      for (Future<Path> part : pending) parts.add(part.get());
    } catch (Exception e) {
      throw new IllegalStateException("generating " + patients + " MS patients failed", e);
    } finally {
      pool.shutdown();
    }
    try {
      Path partial = file.resolveSibling(file.getFileName() + ".part");
      try (var out = Files.newOutputStream(partial)) {
        for (Path part : parts) Files.copy(part, out);
      }
      return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code count} lines of the smaller MS file: the in-JVM benchmarks' sample. */
  Path msSample(int count) {
    Path file = folder().resolve("ms-sample-" + count + ".jsonl");
    if (Files.isRegularFile(file)) return file;
    Path source = msRecords(config.patients());
    try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      int written = 0;
      for (String line = in.readLine(); line != null && written < count; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        written++;
      }
      if (written < count)
        throw new IllegalStateException(source + " has only " + written + " records, not " + count);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Chunk {@code index}: {@code chunk} patients of seed {@code index + 1}, keys starting with its
   * letter.
   */
  private Path chunk(int index) throws IOException {
    char letter = (char) ('a' + index);
    Path part = folder().resolve("ms-chunk-" + config.chunk() + "-seed" + (index + 1) + ".jsonl");
    if (Files.isRegularFile(part)) return part;
    Path raw = folder().resolve(part.getFileName() + ".raw");
    run(
        "generate",
        "--registry",
        "ms",
        "--patients",
        String.valueOf(config.chunk()),
        "--seed",
        String.valueOf(index + 1),
        "--out",
        raw.toString(),
        "--force"); // a scratch file an interrupted run may have left
    Path renamed = folder().resolve(part.getFileName() + ".part");
    try (BufferedReader in = Files.newBufferedReader(raw, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(renamed, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(rekey(line, letter));
        out.write('\n');
      }
    }
    Files.delete(raw);
    return Files.move(renamed, part, StandardCopyOption.REPLACE_EXISTING);
  }

  /** {@code line} with its record and patient keys moved from {@code p-} to {@code letter-}. */
  static String rekey(String line, char letter) {
    String out =
        line.replace("\"id\":\"p-", "\"id\":\"" + letter + "-")
            .replace("\"patient\":\"p-", "\"patient\":\"" + letter + "-");
    if (out.equals(line))
      throw new IllegalStateException("a generated record has no patient key 'p-...'");
    return out;
  }

  /** Runs the command line in this JVM; its output is kept only to explain a failure. */
  static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    if (status != 0) {
      throw new IllegalStateException(
          "regforms " + String.join(" ", args) + " exited with " + status + ": " + err);
    }
  }
}
