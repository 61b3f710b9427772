package no.regforms.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.diff.DefinitionChange;
import no.regforms.diff.RegistryDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms diff <old> <new>}: every difference between two definitions of a registry, each
 * located in both and classified as breaking, compatible or wording. Each side is a registry folder
 * or id, {@code <revision>:<folder>} (the folder as a git revision holds it), or a bare revision of
 * the other side's folder. Exit 1 when any change is breaking, so a registry's CI can guard a
 * release.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "List every change between two definitions of a registry (folders, or a folder and a git revision), "
            + "classified as breaking, compatible or wording; exit 1 on a breaking change.")
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<old>",
      description =
          "The old definition: a folder or id, <revision>:<folder>, or a git revision of <new>'s folder.")
  String before;

  @Parameters(
      index = "1",
      paramLabel = "<new>",
      description =
          "The new definition: a folder or id, <revision>:<folder>, or a git revision of <old>'s folder.")
  String after;

  @Option(names = "--json", description = "Write the changes as one JSON document instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path scratch = Files.createTempDirectory("regforms-diff");
    try {
      Optional<Side> old = side(before, after, scratch.resolve("old"), err);
      Optional<Side> now =
          old.isEmpty() ? Optional.empty() : side(after, before, scratch.resolve("new"), err);
      if (old.isEmpty() || now.isEmpty()) return Main.USAGE;
      List<DefinitionChange> changes =
          RegistryDiff.between(old.get().registry(), now.get().registry());
      if (json) {
        out.println(json(old.get(), now.get(), changes));
      } else {
        text(out, old.get(), now.get(), changes);
      }
      out.flush();
      return changes.stream().anyMatch(c -> c.impact() == DefinitionChange.Impact.BREAKING)
          ? Main.DATA_ERRORS
          : Main.OK;
    } finally {
      deleteTree(scratch);
    }
  }

  /** One side of the diff: the loaded registry, and how its files are named in the output. */
  private record Side(Registry registry, String shownAs) {}

  private Optional<Side> side(String argument, String other, Path scratch, PrintWriter err)
      throws IOException {
    String revision = null;
    String folder = argument;
    int colon = argument.indexOf(':');
    if (!names(argument) && colon > 0) {
      revision = argument.substring(0, colon);
      folder = argument.substring(colon + 1);
    } else if (!names(argument)) {
      if (!Files.isDirectory(Path.of(other))) {
        err.printf(
            "'%s' is no registry folder or id; as a git revision it needs a folder on the other side%n",
            argument);
        err.flush();
        return Optional.empty();
      }
      revision = argument;
      folder = other;
    }
    if (revision == null) {
      Optional<Registry> loaded = RegistryOptions.load(argument, err);
      return loaded.map(r -> new Side(r, argument.endsWith("/") ? argument : argument + "/"));
    }
    try {
      GitRevision.extract(Path.of(folder), revision, scratch);
    } catch (GitRevision.Failure e) {
      err.printf("cannot read %s at revision %s: %s%n", folder, revision, e.getMessage());
      err.flush();
      return Optional.empty();
    }
    var result = DefinitionLoader.create().load(scratch);
    if (result.hasErrors()) {
      err.println(result.diagnostics().toDisplayString());
      err.printf("registry %s at %s has errors%n", folder, revision);
      err.flush();
      return Optional.empty();
    }
    return Optional.of(
        new Side(
            result.registryOrThrow(),
            revision + ":" + (folder.endsWith("/") ? folder : folder + "/")));
  }

  /** Whether {@code argument} names a registry folder or module as it stands. */
  private static boolean names(String argument) {
    return Files.isDirectory(Path.of(argument)) || DefinitionLoader.module(argument).isPresent();
  }

  private static void text(PrintWriter out, Side old, Side now, List<DefinitionChange> changes) {
    out.printf(
        "%s %s -> %s %s%n",
        old.registry().id(),
        old.registry().version(),
        now.registry().id(),
        now.registry().version());
    for (DefinitionChange change : changes) {
      out.printf("%s: %s: %s%n", change.impact().key(), change.subject(), change.what());
      change.before().ifPresent(at -> out.printf("    before: %s%s%n", old.shownAs(), shown(at)));
      change.after().ifPresent(at -> out.printf("    after:  %s%s%n", now.shownAs(), shown(at)));
    }
    out.printf(
        "%d breaking, %d compatible, %d wording%n",
        count(changes, DefinitionChange.Impact.BREAKING),
        count(changes, DefinitionChange.Impact.COMPATIBLE),
        count(changes, DefinitionChange.Impact.WORDING));
  }

  private static String shown(SourceLocation at) {
    return at.file() + ":" + at.line() + ":" + at.column() + " " + at.jsonPointer();
  }

  private static String json(Side old, Side now, List<DefinitionChange> changes)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode doc = mapper.createObjectNode();
    doc.putObject("before")
        .put("registry", old.registry().id())
        .put("version", old.registry().version())
        .put("source", old.shownAs());
    doc.putObject("after")
        .put("registry", now.registry().id())
        .put("version", now.registry().version())
        .put("source", now.shownAs());
    ArrayNode list = doc.putArray("changes");
    for (DefinitionChange change : changes) {
      ObjectNode node = list.addObject();
      node.put("impact", change.impact().key());
      node.put("subject", change.subject());
      node.put("change", change.what());
      change.before().ifPresent(at -> location(node.putObject("before"), at));
      change.after().ifPresent(at -> location(node.putObject("after"), at));
    }
    ObjectNode summary = doc.putObject("summary");
    for (DefinitionChange.Impact impact : DefinitionChange.Impact.values())
      summary.put(impact.key(), count(changes, impact));
    return mapper.writeValueAsString(doc);
  }

  private static void location(ObjectNode node, SourceLocation at) {
    node.put("file", at.file())
        .put("line", at.line())
        .put("column", at.column())
        .put("pointer", at.jsonPointer());
  }

  private static long count(List<DefinitionChange> changes, DefinitionChange.Impact impact) {
    return changes.stream().filter(c -> c.impact() == impact).count();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
    }
  }
}
