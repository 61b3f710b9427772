package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.render.FormRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms render --registry <id> [--form <form>] --lang nb|en --out <dir>}: writes the
 * forms of a registry as self-contained HTML pages, and an index page when no form is named.
 */
@Command(
    name = "render",
    description =
        "Write forms as self-contained HTML pages (all forms and an index without --form).")
final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "<folder or id>",
      description = "A registry folder, or the id of a definition module.")
  String registry;

  @Option(
      names = "--form",
      paramLabel = "<form>",
      description = "The form to write; all forms when left out.")
  String form;

  @Option(
      names = "--lang",
      defaultValue = "nb",
      paramLabel = "<language>",
      description = "nb or en (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<dir>",
      description = "The folder to write the pages to.")
  Path out;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  // The command's own --version (a definition version) takes the place of the standard option.
  @Option(
      names = "--version",
      paramLabel = "<version>",
      description =
          "The definition version to write, as the registry's history has it (default: the current one).")
  String version;

  @Option(names = "--force", description = "Replace the output folder if it is not empty.")
  boolean force;

  @Option(
      names = "--submit-url",
      paramLabel = "<url>",
      description =
          "Where the pages post records as JSON (default: nowhere; the page raises an event).")
  String submitUrl;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OptionChecks.language(spec, lang);
    AtomicOutput.check(spec, out, AtomicOutput.Kind.FOLDER, force);
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) {
      return Main.USAGE;
    }
    Optional<Registry> atVersion = RegistryOptions.atVersion(loaded.get(), version, err);
    if (atVersion.isEmpty()) return Main.USAGE;
    Registry reg = atVersion.get();
    List<Form> forms;
    if (form != null) {
      Optional<Form> one = RegistryOptions.form(reg, form, err);
      if (one.isEmpty()) return Main.USAGE;
      forms = List.of(one.get());
    } else {
      forms = List.copyOf(reg.forms().values());
    }
    FormRenderer.Builder builder = FormRenderer.builder();
    if (submitUrl != null) {
      builder.submitUrl(submitUrl);
    }
    FormRenderer renderer = builder.build();
    Map<String, String> links = new LinkedHashMap<>();
    List<String> written = new ArrayList<>();
    try (AtomicOutput output = AtomicOutput.folder(spec, out, force)) {
      for (Form f : forms) {
        String file = f.id() + "." + lang + ".html";
        Files.writeString(
            output.resolve(file), renderer.renderPage(reg, f, lang), StandardCharsets.UTF_8);
        links.put(f.id(), file);
        written.add(file);
      }
      if (form == null) {
        String index = "index." + lang + ".html";
        Files.writeString(
            output.resolve(index), renderer.renderIndex(reg, lang, links), StandardCharsets.UTF_8);
        written.add(index);
      }
      output.commit();
    }
    written.forEach(file -> stdout.println(out.resolve(file)));
    stdout.flush();
    return Main.OK;
  }
}
