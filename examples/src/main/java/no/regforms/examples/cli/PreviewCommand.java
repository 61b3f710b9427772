package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.regforms.definition.DefinitionLoader;
import no.regforms.examples.preview.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms preview <folder> [--data records.jsonl] [--port N]}: serves a registry folder's
 * forms, indicators and codebook on 127.0.0.1 until stopped, reloading pages as files change. Exit
 * 2 on usage errors (not a folder, unreadable data, port in use).
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description =
        "Serve a registry folder's forms, indicators and codebook on 127.0.0.1; pages reload as files change.")
final class PreviewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<folder>",
      description = "The registry folder (a working copy; not a module id).")
  Path folder;

  @Option(
      names = "--data",
      paramLabel = "<records.jsonl>",
      description = "Records for the indicator report.")
  Path data;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "<port>",
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(folder)) {
      boolean moduleId = DefinitionLoader.module(folder.toString()).isPresent();
      err.printf(
          "'%s' is not a folder; preview serves a registry folder%s%n",
          folder,
          moduleId ? " (a working copy), not the module id of a registry on the classpath" : "");
      err.flush();
      return Main.USAGE;
    }
    if (data != null && !(Files.isRegularFile(data) && Files.isReadable(data))) {
      err.printf("cannot read %s%n", data);
      err.flush();
      return Main.USAGE;
    }
    if (port < 0 || port > 65_535) {
      err.println("--port must be between 0 and 65535");
      err.flush();
      return Main.USAGE;
    }
    PreviewServer server;
    try {
      server =
          PreviewServer.start(
              folder,
              Optional.ofNullable(data),
              port,
              line -> {
                out.println(line);
                out.flush();
              });
    } catch (BindException e) {
      err.printf(
          "port %d is in use; pick another with --port, or --port 0 for any free port%n", port);
      err.flush();
      return Main.USAGE;
    } catch (IOException e) {
      err.printf("cannot start the preview: %s%n", e.getMessage());
      err.flush();
      return Main.USAGE;
    }
    Thread stop = new Thread(server::close, "regforms-preview-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    out.printf("preview of %s at %s (Ctrl-C stops it)%n", folder, server.uri());
    out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      Runtime.getRuntime().removeShutdownHook(stop);
    }
    return 0;
  }
}
