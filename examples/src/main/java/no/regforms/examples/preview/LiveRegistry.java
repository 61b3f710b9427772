package no.regforms.examples.preview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Issue;
import no.regforms.validation.RecordValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry folder as last loaded: each {@link #reload} reads the whole folder again; when the
 * load has errors, the registry of the last good load stays in use beside the new load's errors.
 *
 * <p>Thread-safe: reloads are serialised, and readers get immutable {@link Version}s.
 */
final class LiveRegistry {

  private static final Logger log = LoggerFactory.getLogger(LiveRegistry.class);

  private final Path folder;
  private final DefinitionLoader loader = DefinitionLoader.create();
  private final AtomicReference<Version> current =
      new AtomicReference<>(new Version(0, Optional.empty(), Optional.empty(), false, List.of()));

  /**
   * @param folder the registry folder, as a real path
   */
  LiveRegistry(Path folder) {
    this.folder = folder;
  }

  /** The registry folder, as a real path. */
  Path folder() {
    return folder;
  }

  /** The folder's name, for messages. */
  String folderName() {
    return folder.getFileName().toString();
  }

  /** The version pages are built from now. */
  Version current() {
    return current.get();
  }

  /** Loads the folder again and makes the outcome the current version. */
  synchronized Version reload() {
    long started = System.nanoTime();
    LoadResult result = loader.load(folder);
    Version previous = current.get();
    Optional<Registry> registry = result.hasErrors() ? previous.registry() : result.registry();
    Optional<RecordValidator> validator =
        result.hasErrors() ? previous.validator() : registry.map(RecordValidator::of);
    Map<String, Optional<String>> files = new HashMap<>();
    List<LocatedIssue> problems =
        result.diagnostics().issues().stream()
            .map(
                (Issue issue) ->
                    LocatedIssue.of(issue, file -> files.computeIfAbsent(file, this::read)))
            .toList();
    Version next =
        new Version(previous.generation() + 1, registry, validator, result.hasErrors(), problems);
    current.set(next);
    log.info(
        "reloaded {} (generation {}) in {} ms: {} errors, {} warnings",
        folder.getFileName(),
        next.generation(),
        (System.nanoTime() - started) / 1_000_000,
        next.errors().size(),
        next.warnings().size());
    return next;
  }

  /**
   * The text of definition file {@code file} (relative to the folder), if it is a readable file
   * inside it.
   */
  private Optional<String> read(String file) {
    return DefinitionFiles.resolve(folder, file)
        .flatMap(
            path -> {
              try {
                return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
              } catch (IOException e) {
                return Optional.empty();
              }
            });
  }
}
