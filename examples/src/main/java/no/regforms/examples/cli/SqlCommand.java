package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import no.regforms.definition.Registry;
import no.regforms.sql.IndicatorSql;
import no.regforms.sql.SqlDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regforms sql}: prints a registry's indicators as SQL of one dialect, for its database
 * team.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Print a registry's indicators as SQL over the record store's table (docs/sql.md).")
final class SqlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--registry", required = true, description = "Registry folder or id.")
  String registry;

  @Option(names = "--dialect", required = true, description = "duckdb, postgres or spark.")
  String dialect;

  @Option(names = "--year", description = "Last report year (default: last year).")
  Integer year;

  @Option(
      names = "--from-year",
      description = "First report year (default: four years before --year).")
  Integer fromYear;

  @Option(
      names = "--indicator",
      split = ",",
      description = "Only these indicators (comma separated).")
  List<String> indicators = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Registry> loaded = RegistryOptions.load(registry, err);
    if (loaded.isEmpty()) return Main.USAGE;
    SqlDialect sqlDialect;
    try {
      sqlDialect = SqlDialect.fromKey(dialect);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return Main.USAGE;
    }
    java.util.Set<String> unknown = new java.util.TreeSet<>(indicators);
    unknown.removeAll(loaded.get().indicators().keySet());
    if (!unknown.isEmpty()) {
      err.println(
          "--indicator: registry '"
              + loaded.get().id()
              + "' has no indicator "
              + String.join(", ", unknown));
      err.flush();
      return Main.USAGE;
    }
    int last = year == null ? LocalDate.now().getYear() - 1 : year;
    int first = fromYear == null ? last - 4 : fromYear;
    List<Integer> years = new ArrayList<>();
    for (int y = Math.min(first, last); y <= last; y++) years.add(y);
    try {
      out.print(
          IndicatorSql.of(loaded.get(), sqlDialect)
              .script(years, LocalDate.now(), Set.copyOf(indicators)));
    } catch (IllegalStateException e) {
      err.println(e.getMessage()); // a function the dialect cannot express, and why
      err.flush();
      return 1;
    }
    out.flush();
    return 0;
  }
}
