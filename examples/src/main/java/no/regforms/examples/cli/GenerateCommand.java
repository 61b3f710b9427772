package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.synthetic.SyntheticDataGenerator;
import no.regforms.synthetic.SyntheticProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code regforms generate}: synthetic patients of a registry as JSON Lines, sorted by patient. */
@Command(name = "generate", description = "Generate synthetic records (no real persons) for a registry.")
final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--patients", required = true, description = "Number of patients.")
  int patients;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same records (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--invalid", defaultValue = "0", description = "Share of records with one planted fault, 0-1 (default ${DEFAULT-VALUE}); "
      + "each such record names its fault in a top-level \"planted\" field.")
  double invalid;

  @Option(names = "--out", required = true, description = "Output file (.jsonl).")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (patients < 0 || invalid < 0 || invalid > 1) {
      err.println("--patients must be 0 or more and --invalid between 0 and 1");
      err.flush();
      return Main.USAGE;
    }
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    SyntheticProfile profile = RegistryOptions.profile(registry)
        .orElseGet(() -> SyntheticProfile.uniform(java.util.List.copyOf(loaded.get().forms().keySet())));
    long[] counts = new long[2];
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    try (JsonLinesRecordWriter writer = new JsonLinesRecordWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      SyntheticDataGenerator.of(loaded.get(), profile).generate(patients, seed, invalid, generated -> {
        try {
          writer.write(generated.record(), generated.plantedFault().map(f -> Map.of("planted", f.code())).orElse(Map.of()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        counts[0]++;
        if (generated.plantedFault().isPresent()) counts[1]++;
      });
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("%s: %d patients, %d records (%d with a planted fault) written to %s%n",
        loaded.get().id(), patients, counts[0], counts[1], out);
    stdout.flush();
    return 0;
  }
}
