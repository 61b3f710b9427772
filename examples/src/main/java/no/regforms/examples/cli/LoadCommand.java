package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.extract.RecordSource;
import no.regforms.sql.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regforms load}: puts JSON Lines or CSV extracts into the record store (DuckDB by default,
 * or PostgreSQL), validating each record. Exit 0 when every line was read, 1 when some lines or
 * cells could not be (each is printed, the rest is loaded), 2 on usage, definition or database
 * errors.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Load records (JSON Lines or CSV extracts) into the record store (docs/sql.md).")
final class LoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(
      names = "--store",
      defaultValue = StoreOptions.DEFAULT_STORE,
      description =
          "DuckDB file, or a JDBC URL (jdbc:postgresql://host/db?user=..) (default ${DEFAULT-VALUE}).")
  String store;

  @Option(
      names = "--layout",
      defaultValue = "mrs",
      description = "Layout of CSV extracts: mrs or oqr (default ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--mapping",
      description = "Mapping file for CSV extracts whose form or column names differ (JSON).")
  Path mapping;

  @Option(names = "--replace", description = "Delete the registry's records from the store first.")
  boolean replace;

  @Parameters(
      arity = "1..*",
      paramLabel = "<input>",
      description = "records.jsonl, an extract .csv, or a folder of them.")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    List<RecordSource> sources = new ArrayList<>();
    try {
      for (Path input : inputs) {
        if (!Files.exists(input)) {
          err.printf("cannot read %s%n", input);
          err.flush();
          return Main.USAGE;
        }
        sources.add(StoreOptions.source(loaded.get(), input, layout, mapping));
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      err.println(e.getMessage());
      err.flush();
      return Main.USAGE;
    }
    List<Issue> problems = new ArrayList<>();
    long records = 0;
    long withErrors = 0;
    long otherForm = 0;
    RecordStore recordStore;
    try {
      recordStore = RecordStore.open(StoreOptions.jdbcUrl(store));
    } catch (SQLException | IllegalArgumentException e) {
      err.println("load: cannot open the store " + store + ": " + e.getMessage());
      err.flush();
      return Main.USAGE;
    }
    try (recordStore) {
      if (replace) recordStore.delete(loaded.get().id());
      for (RecordSource source : sources) {
        RecordStore.Loaded done =
            recordStore.load(
                loaded.get(),
                source.records(problems::add),
                source.name(),
                problems::add,
                Clock.systemDefaultZone());
        records += done.records();
        withErrors += done.withErrors();
        otherForm += done.otherForm();
      }
    } catch (java.io.UncheckedIOException e) {
      err.println("load: reading failed: " + e.getMessage() + "; nothing of that input was kept");
      err.flush();
      return Main.USAGE;
    } catch (SQLException e) {
      // The database's message may quote a row: only its state code is printed.
      err.println(
          "load: the store refused the records (SQL state "
              + e.getSQLState()
              + "); nothing of that input was kept");
      err.flush();
      return Main.USAGE;
    }
    if (!problems.isEmpty()) err.println(Diagnostics.of(problems).toDisplayString());
    out.printf(
        "%s: %d records loaded into %s (%d with validation errors, %d of no form of the registry); %d problems%n",
        loaded.get().id(), records, store, withErrors, otherForm, problems.size());
    out.flush();
    err.flush();
    return problems.stream().anyMatch(Issue::isError) ? 1 : 0;
  }
}
