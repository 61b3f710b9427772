package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms new <folder>}: writes a starter registry (a form with a computed value, skip
 * logic and a rule, a code list, an indicator, a unit and a synthetic profile) that passes {@code
 * check}, then checks it.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Write a starter registry folder that passes 'check': registry.json, a form, a code list, an indicator, "
          + "organisations.json and synthetic.json, to edit into your own (see docs/tutorial.md)."
    })
final class NewCommand implements Callable<Integer> {

  /** The starter's files, relative to the folder, as resources beside this class. */
  private static final List<String> FILES =
      List.of(
          "registry.json",
          "codelists/smoking.json",
          "forms/visit.json",
          "indicators/daily_smokers.json",
          "organisations.json",
          "synthetic.json");

  private static final String ID_PATTERN = "[a-z][a-z0-9_]{0,63}";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<folder>",
      description = "The folder to write (created; must be empty unless --force).")
  Path folder;

  @Option(
      names = "--id",
      paramLabel = "<id>",
      description = "Registry id (default: the folder name in snake_case).")
  String id;

  @Option(
      names = "--title",
      paramLabel = "<text>",
      description = "Registry title (default: the folder name).")
  String title;

  @Option(names = "--force", description = "Replace the folder if it is not empty.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path name = folder.toAbsolutePath().normalize().getFileName();
    String registryId = id != null ? id : snakeCase(name == null ? "" : name.toString());
    if (!registryId.matches(ID_PATTERN)) {
      err.println(
          "new: '"
              + registryId
              + "' is not a registry id (snake_case: a lower-case letter, then lower-case letters, "
              + "digits or _); give one with --id");
      err.flush();
      return Main.USAGE;
    }
    String registryTitle = title != null ? title : name == null ? registryId : name.toString();
    AtomicOutput.check(spec, folder, AtomicOutput.Kind.FOLDER, force);
    try (AtomicOutput output = AtomicOutput.folder(spec, folder, force)) {
      for (String file : FILES) {
        Path target = output.path().resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, starter(file, registryId, registryTitle), StandardCharsets.UTF_8);
      }
      output.commit();
    }
    LoadResult loaded = DefinitionLoader.create().load(folder);
    loaded.diagnostics().issues().forEach(issue -> err.println(issue.toDisplayString()));
    out.println(
        folder
            + ": a starter registry '"
            + registryId
            + "' ("
            + Plural.of(FILES.size(), "file")
            + "); next: ./regforms check "
            + display(folder)
            + ", then ./regforms preview "
            + display(folder));
    out.flush();
    err.flush();
    return loaded.hasErrors() ? Main.INTERNAL : Main.OK;
  }

  /** The starter file {@code file} with the id and title put in, as JSON strings. */
  private static String starter(String file, String registryId, String registryTitle)
      throws IOException {
    try (InputStream in = NewCommand.class.getResourceAsStream("starter/" + file)) {
      if (in == null) throw new IllegalStateException("starter file missing from the jar: " + file);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("\"{{id}}\"", json(registryId))
          .replace("\"{{title}}\"", json(registryTitle));
    }
  }

  private static String json(String text) throws IOException {
    return new ObjectMapper().writeValueAsString(text);
  }

  /** {@code Hip Fracture-2} as {@code hip_fracture_2}. */
  static String snakeCase(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  /**
   * The folder as the user would type it next: with a path separator, so that it is never read as a
   * registry id.
   */
  private static String display(Path folder) {
    String text = folder.toString();
    return folder.isAbsolute() || text.contains("/") || text.contains("\\") ? text : "./" + text;
  }
}
