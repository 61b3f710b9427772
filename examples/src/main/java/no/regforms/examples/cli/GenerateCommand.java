package no.regforms.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.definition.SyntheticProfile;
import no.regforms.record.JsonLinesRecordWriter;
import no.regforms.synthetic.GenerationSummary;
import no.regforms.synthetic.SyntheticDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms generate}: synthetic patients of a registry as JSON Lines, sorted by patient. The
 * file is written beside the target and moved into place when complete; an existing file is
 * replaced only with {@code --force}.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate synthetic records (no real persons) for a registry.")
final class GenerateCommand implements Callable<Integer> {

  /** The most patients one run makes. */
  static final int MAX_PATIENTS = 100_000_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "<folder or id>",
      description = "Registry folder or id.")
  String registry;

  @Option(
      names = "--patients",
      required = true,
      paramLabel = "<n>",
      description = "Number of patients, 0 to " + MAX_PATIENTS + ".")
  int patients;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "<s>",
      description =
          "Random seed; the same seed gives the same records (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--invalid",
      defaultValue = "0",
      paramLabel = "<fraction>",
      description =
          "Share of records with one planted fault, 0-1 (default: ${DEFAULT-VALUE}); "
              + "each such record names its fault in a top-level \"planted\" field.")
  double invalid;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<file.jsonl>",
      description = "Output file.")
  Path out;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    OptionChecks.range(spec, "--patients", patients, 0, MAX_PATIENTS);
    if (!(invalid >= 0 && invalid <= 1)) { // NaN fails both comparisons
      throw OptionChecks.usage(
          spec, "--invalid must be a fraction between 0 and 1, not " + invalid);
    }
    AtomicOutput.check(spec, out, AtomicOutput.Kind.FILE, force);
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    SyntheticProfile profile =
        loaded
            .get()
            .syntheticProfile()
            .orElseGet(() -> SyntheticProfile.uniform(List.copyOf(loaded.get().forms().keySet())));
    long[] counts = new long[3]; // records, planted faults, patients
    Main main = (Main) spec.root().userObject();
    GenerationSummary summary;
    try (AtomicOutput output = AtomicOutput.file(spec, out, force)) {
      try (JsonLinesRecordWriter writer =
              new JsonLinesRecordWriter(
                  Files.newBufferedWriter(output.path(), StandardCharsets.UTF_8));
          Progress progress =
              Progress.start(err, main.invocation(), "generate", "patients", patients)) {
        String[] patient = {null};
        summary =
            SyntheticDataGenerator.of(loaded.get(), profile)
                .generate(
                    patients,
                    seed,
                    invalid,
                    generated -> {
                      try {
                        writer.write(
                            generated.record(),
                            generated
                                .plantedFault()
                                .map(f -> Map.of("planted", f.code()))
                                .orElse(Map.of()));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                      counts[0]++;
                      if (generated.plantedFault().isPresent()) counts[1]++;
                      if (!generated.record().patient().equals(patient[0])) {
                        patient[0] = generated.record().patient();
                        counts[2]++;
                        progress.update(counts[2], counts[2]);
                      }
                    });
      } catch (IllegalStateException e) {
        // The registry or its synthetic profile makes valid records too rare: a definition problem.
        err.println("generate: " + e.getMessage());
        err.flush();
        return Main.USAGE;
      }
      output.commit();
    }
    for (String warning : summary.warnings()) err.println("warning: " + warning);
    err.flush();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%s: %s, %s (%d with a planted fault) written to %s%n",
        loaded.get().id(),
        Plural.of(patients, "patient"),
        Plural.of(counts[0], "record"),
        counts[1],
        out);
    stdout.flush();
    return Main.OK;
  }
}
