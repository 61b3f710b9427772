package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.regforms.diagnostic.IssueCode;
import no.regforms.expression.ExpressionCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionLoaderTest {

  private static final DefinitionLoader LOADER = DefinitionLoader.create();

  @TempDir Path temp;

  @Test
  void load_folderThatDoesNotExist_reportsNoFolder() {
    LoadResult result = LOADER.load(temp.resolve("no_such_folder"));

    assertThat(result.registry()).isEmpty();
    assertThat(result.diagnostics().toDisplayString())
        .isEqualTo(
            "no_such_folder: error: there is no registry folder "
                + "'no_such_folder'; give the path of a folder that holds registry.json, or the id of a registry module");
  }

  @Test
  void load_fileInsteadOfFolder_reportsNoFolder() throws IOException {
    Path file = Files.writeString(temp.resolve("registry.json"), "{}");

    LoadResult result = LOADER.load(file);

    assertThat(result.diagnostics().errors())
        .extracting(issue -> issue.code())
        .containsExactly(IssueCode.FILE_MISSING);
  }

  @Test
  void loadModule_idThatNamesAnExistingFolder_neverLoadsTheFolder() {
    String folder =
        Path.of("src", "test", "resources", "definitions", "valid", "minimal").toString();
    assertThat(Path.of(folder)).isDirectory();

    LoadResult result = LOADER.loadModule(folder);

    assertThat(result.registry()).isEmpty();
    assertThat(result.diagnostics().errors())
        .extracting(issue -> issue.code())
        .containsExactly(IssueCode.FILE_MISSING);
  }

  @Test
  void loadModule_unknownIdWithoutModules_saysNoneAreOnTheClasspath() {
    LoadResult result = LOADER.loadModule("no_such_registry_here");

    assertThat(result.registry()).isEmpty();
    assertThat(result.diagnostics().errors())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.code()).isEqualTo(IssueCode.FILE_MISSING);
              assertThat(issue.text())
                  .isEqualTo(
                      "there is no registry module 'no_such_registry_here' on the classpath; "
                          + "known registries: none on the classpath");
            });
  }

  @Test
  void create_withStricterCompiler_appliesItsLimitsToDefinitionExpressions() {
    DefinitionLoader strict =
        DefinitionLoader.create(ExpressionCompiler.builder().maxLength(10).build());

    LoadResult result =
        strict.load(ValidDefinitionCorpusTest.CORPUS.resolve("nested_sections_with_visibility"));

    assertThat(result.diagnostics().errors())
        .isNotEmpty()
        .allSatisfy(issue -> assertThat(issue.code()).isEqualTo(IssueCode.EXPRESSION_TOO_LONG));
  }
}
