package no.regforms.definition;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.RegformsException;
import no.regforms.expression.ExpressionCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a trusted load of a packaged module leaves to first use: the registry of each earlier
 * version and the migration steps of each version, built from the files the load read, with the
 * same checks as at load. The module's build loaded every version with every check ({@link
 * ModuleBuildCheck}), so these cannot fail while the files match its digest; if one still does (a
 * regforms release that reads the same files differently than the one that checked them), it
 * throws, naming the registry and the version, and carries the issues. Thread-safe: each build has
 * its own issues, and the files are only read.
 */
final class FirstUseBuild {

  private static final Logger log = LoggerFactory.getLogger(FirstUseBuild.class);

  private final ExpressionCompiler compiler;
  private final Validator validator;
  private final Map<String, JsonDocument> documents;
  private final VersionBuilder.Files files;
  private final Registry.Header header;
  private final List<String> names;

  FirstUseBuild(
      ExpressionCompiler compiler,
      Validator validator,
      Map<String, JsonDocument> documents,
      VersionBuilder.Files files,
      Registry.Header header,
      List<String> names) {
    this.compiler = compiler;
    this.validator = validator;
    this.documents = documents;
    this.files = files;
    this.header = header;
    this.names = List.copyOf(names);
  }

  /**
   * The registry of the earlier version {@code version}.
   *
   * @throws IllegalStateException naming the registry and version, if it has errors
   */
  Registry version(String version) {
    long started = System.nanoTime();
    List<Issue> issues = new ArrayList<>();
    Registry view =
        new VersionBuilder(compiler, validator, documents, issues)
            .build(files, header, version, VersionScope.of(names, version), false);
    failOnErrors(issues, "version " + version);
    log.info(
        "built version {} of registry {} on first use in {} ms",
        version,
        header.id,
        (System.nanoTime() - started) / 1_000_000);
    return view;
  }

  /**
   * The migration steps of version {@code version}, checked against the registries of it and the
   * version before, which {@code views} builds if they are not yet.
   *
   * @throws IllegalStateException naming the registry and version, if a step has errors
   */
  List<MigrationStep> migrations(String version, VersionViews views) {
    List<Issue> issues = new ArrayList<>();
    List<MigrationStep> steps =
        new MigrationReader(new FormulaCompiler(compiler, issues), issues)
            .readVersion(files.registryFile(), names, version, views::get);
    failOnErrors(issues, "the migration steps of version " + version);
    return steps;
  }

  private void failOnErrors(List<Issue> issues, String what) {
    Diagnostics diagnostics = Diagnostics.of(issues);
    if (diagnostics.errors().isEmpty()) return;
    throw new IllegalStateException(
        "registry '"
            + header.id
            + "': "
            + what
            + " does not build, though the module's build check passed it (was the module built"
            + " with another regforms release?); load the folder with load(Path) or ./regforms"
            + " check to see every issue:\n"
            + diagnostics.toDisplayString(),
        new RegformsException(diagnostics));
  }
}
