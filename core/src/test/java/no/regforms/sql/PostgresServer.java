package no.regforms.sql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: {@code -Dregforms.test.postgres=jdbc:postgresql://...}
 * names a running one; otherwise a throwaway cluster is made with the machine's PostgreSQL binaries
 * (Debian's {@code postgresql} package, which {@code .ci/run} installs) in a temporary folder, on a
 * free port of 127.0.0.1, and removed when the tests end. PostgreSQL refuses to run as root, so
 * under root the cluster runs as the {@code postgres} user the package creates.
 */
final class PostgresServer {

  private static PostgresServer shared;

  private final String url;

  private PostgresServer(String url) {
    this.url = url;
  }

  /** The server of this test run, started on first use. */
  static synchronized PostgresServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      String given = System.getProperty("regforms.test.postgres", "");
      shared = given.isEmpty() ? start() : new PostgresServer(given);
    }
    return shared;
  }

  /** A fresh, empty database on the server, and a JDBC URL for it. */
  String newDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    return url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
  }

  private static PostgresServer start() throws IOException, InterruptedException {
    Path bin =
        binaries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no PostgreSQL server binaries (initdb, pg_ctl) found: install Debian's postgresql package (as .ci/run does), "
                            + "or name a running server with -Dregforms.test.postgres=jdbc:postgresql://host:port/postgres?user=..."));
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("regforms-pg-");
    Path data = dir.resolve("data");
    if (root) run(List.of("chown", "postgres", dir.toString()), false);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "regforms",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C"),
        root);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-w",
            "-l",
            dir.resolve("log").toString(),
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
            "start"),
        root);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    run(
                        List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-m",
                            "immediate",
                            "stop"),
                        root);
                  } catch (IOException | InterruptedException | RuntimeException e) {
                    // the folder goes anyway
                  }
                  try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException e) {
                    // a temporary folder left behind is harmless
                  }
                }));
    return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=regforms");
  }

  private static Optional<Path> binaries() throws IOException {
    List<Path> candidates = new ArrayList<>();
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions
            .map(v -> v.resolve("bin"))
            .sorted(Comparator.reverseOrder())
            .forEach(candidates::add);
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
      candidates.add(Path.of(dir));
    return candidates.stream()
        .filter(
            dir ->
                Files.isExecutable(dir.resolve("initdb"))
                    && Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  private static void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("'" + String.join(" ", full) + "' failed:\n" + output);
    }
  }
}
